import PrecisWire
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `--access-log`: one line per answered request (time, peer, connection, id, operation, status,
/// bytes in and out, queue and run time), as text or JSON like the other log lines. Lines are
/// gathered in a buffer and written in blocks of up to 64 KiB, and at least once a second
/// (`flush()`, which the server calls on a timer and when it stops), so a busy server pays a
/// `write(2)` per few hundred requests, not per request.
final class AccessLog: Sendable {
    /// One answered request.
    struct Entry {
        var time: String
        var peer: String
        var connection: Int
        var id: UInt64
        var operation: String
        var status: String
        var bytesIn: Int
        var bytesOut: Int
        /// Waiting for a worker and running on it; nil for requests answered on the I/O thread.
        var queueMicros: Int64?
        var runMicros: Int64?
        var totalMicros: Int64
    }

    private let descriptor: Int32
    private let closeOnDeinit: Bool
    private let format: ServerLogHandler.Format
    private let pending = Mutex<[UInt8]>([])
    static let blockBytes = 64 << 10

    /// Appends to `path` ("-" for standard output), creating it when missing.
    init(path: String, format: ServerLogHandler.Format) throws(PrecisServer.StartFailure) {
        self.format = format
        if path == "-" {
            descriptor = 1
            closeOnDeinit = false
        } else {
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw PrecisServer.StartFailure("cannot open the access log \(path): \(String(cString: strerror(errno)).lowercased())")
            }
            descriptor = fd
            closeOnDeinit = true
        }
    }

    deinit {
        flush()
        if closeOnDeinit { close(descriptor) }
    }

    func record(_ entry: Entry) {
        let line = Self.line(entry, format: format)
        let full: [UInt8]? = pending.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            guard buffer.count >= Self.blockBytes else { return nil }
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if let full { write(full) }
    }

    /// Writes what is buffered.
    func flush() {
        let bytes = pending.withLock { buffer -> [UInt8] in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if !bytes.isEmpty { write(bytes) }
    }

    private func write(_ bytes: [UInt8]) {
        writeAll(bytes, to: descriptor)  // a full disk loses lines, not requests
    }

    /// One line, newline included. Pure, for the tests.
    static func line(_ entry: Entry, format: ServerLogHandler.Format) -> String {
        let micros: (Int64?) -> String = { $0.map { "\($0)" } ?? "-" }
        switch format {
        case .text:
            return "\(entry.time) peer=\(entry.peer) conn=\(entry.connection) id=\(entry.id) op=\(entry.operation) "
                + "status=\(entry.status) in=\(entry.bytesIn) out=\(entry.bytesOut) queue_us=\(micros(entry.queueMicros)) "
                + "run_us=\(micros(entry.runMicros)) total_us=\(entry.totalMicros)\n"
        case .json:
            var json = JSONWriter()
            json.beginObject()
            for (key, value) in [("time", entry.time), ("peer", entry.peer), ("op", entry.operation), ("status", entry.status)] {
                json.key(key)
                json.value(value)
            }
            for (key, value) in [("conn", Int64(entry.connection)), ("in", Int64(entry.bytesIn)), ("out", Int64(entry.bytesOut)), ("total_us", entry.totalMicros)] {
                json.key(key)
                json.value(Int32(clamping: value))
            }
            json.key("id")
            json.value(entry.id)
            for (key, value) in [("queue_us", entry.queueMicros), ("run_us", entry.runMicros)] {
                guard let value else { continue }
                json.key(key)
                json.value(Int32(clamping: value))
            }
            json.endObject()
            return json.output + "\n"
        }
    }
}
