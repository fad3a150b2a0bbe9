import Logging
import PrecisWire

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// precisd's log lines on standard error: UTC timestamps to the millisecond, one line per event
/// written with one `write(2)`, as text or as one JSON object a line (`--log-format`).
///
///     2026-12-04T18:14:00.123Z info precisd: conn=3 peer=[IPv4]127.0.0.1:50112 [PrecisServer] closing connection
///     {"time":"2026-12-04T18:14:00.123Z","level":"info","label":"precisd","source":"PrecisServer","message":"closing connection","conn":"3","peer":"[IPv4]127.0.0.1:50112"}
public struct ServerLogHandler: LogHandler {
    public enum Format: String, CaseIterable, Sendable {
        case text, json
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let format: Format
    let write: @Sendable ([UInt8]) -> Void

    /// - Parameter write: where a finished line goes (standard error unless a test says otherwise).
    public init(
        label: String,
        format: Format,
        level: Logger.Level,
        write: @escaping @Sendable ([UInt8]) -> Void = ServerLogHandler.writeToStandardError
    ) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let time = Self.timestamp(seconds: Self.now())
        let line = Self.line(
            format: format, time: time, level: event.level, label: label, source: event.source,
            message: "\(event.message)", metadata: all
        )
        write(Array(line.utf8))
    }

    /// One whole line, newline included. Pure, for the tests.
    static func line(
        format: Format,
        time: String,
        level: Logger.Level,
        label: String,
        source: String,
        message: String,
        metadata: Logger.Metadata
    ) -> String {
        let keys = metadata.keys.sorted()
        switch format {
        case .text:
            let fields = keys.map { "\($0)=\(metadata[$0]!)" }.joined(separator: " ")
            return "\(time) \(level) \(label): \(fields.isEmpty ? "" : fields + " ")[\(source)] \(message)\n"
        case .json:
            var json = JSONWriter()
            json.beginObject()
            for (key, value) in [("time", time), ("level", "\(level)"), ("label", label), ("source", source), ("message", message)] {
                json.key(key)
                json.value(value)
            }
            for key in keys where !Self.reserved.contains(key) {
                json.key(key)
                json.value("\(metadata[key]!)")
            }
            json.endObject()
            return json.output + "\n"
        }
    }

    static let reserved: Set<String> = ["time", "level", "label", "source", "message"]

    /// Seconds since 1970, to the microsecond.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// `2026-12-04T18:14:00.123Z`: ISO 8601, UTC, milliseconds.
    static func timestamp(seconds: Double) -> String {
        var whole = time_t(seconds.rounded(.down))
        let millis = min(999, Int(((seconds - Double(whole)) * 1000).rounded(.down)))
        var parts = tm()
        gmtime_r(&whole, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(ms)Z"
    }

    @Sendable public static func writeToStandardError(_ bytes: [UInt8]) {
        writeAll(bytes, to: 2)
    }
}
