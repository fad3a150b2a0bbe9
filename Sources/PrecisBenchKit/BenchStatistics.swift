import Histogram
import PrecisWire

/// What one worker (or the whole run, once merged) observed: latencies, server-side times and
/// the status of every answer. Values are microseconds.
public struct BenchStatistics: Sendable {
    /// Client-side latency of every answered or failed request, in microseconds.
    public var latency: Histogram<UInt64>
    /// `Response.server_micros` of every OK answer.
    public var serverTime: Histogram<UInt64>
    /// Answers per status name (`OK`, `DEADLINE_EXCEEDED`, ...).
    public var statusCounts: [String: Int] = [:]

    /// Latencies up to an hour are kept with three significant digits.
    public static let highestTrackableMicros: UInt64 = 3_600_000_000

    public init() {
        latency = Histogram(highestTrackableValue: Self.highestTrackableMicros, numberOfSignificantValueDigits: .three)
        serverTime = Histogram(highestTrackableValue: Self.highestTrackableMicros, numberOfSignificantValueDigits: .three)
    }

    public var requests: Int { Int(latency.totalCount) }
    public var errors: Int { statusCounts.reduce(0) { $0 + ($1.key == "OK" ? 0 : $1.value) } }

    /// Records one OK answer.
    public mutating func recordSuccess(latencyNanoseconds: Int64, serverMicros: UInt64) {
        recordLatency(latencyNanoseconds)
        _ = serverTime.record(Swift.min(serverMicros, Self.highestTrackableMicros))
        statusCounts["OK", default: 0] += 1
    }

    /// Records a request that failed with `code` (from the server or the client).
    public mutating func recordFailure(latencyNanoseconds: Int64, code: StatusCode) {
        recordLatency(latencyNanoseconds)
        statusCounts[Self.name(of: code), default: 0] += 1
    }

    private mutating func recordLatency(_ nanoseconds: Int64) {
        // Rounded up to whole microseconds: a 300 ns answer is not a 0 µs one.
        let micros = UInt64(Swift.max(nanoseconds, 0) + 999) / 1000
        _ = latency.record(Swift.min(Swift.max(micros, 1), Self.highestTrackableMicros))
    }

    public mutating func merge(_ other: BenchStatistics) {
        latency.add(other.latency)
        serverTime.add(other.serverTime)
        statusCounts.merge(other.statusCounts, uniquingKeysWith: +)
    }

    public static func name(of code: StatusCode) -> String {
        code.protoName ?? "STATUS_\(code.rawValue)"
    }
}

extension BenchStatistics {
    /// The latency histogram in HdrHistogram's percentile-distribution text (values in
    /// milliseconds), the `.hgrm` form its plotter and wrk2 read.
    public func histogramText() -> String {
        var text = ""
        latency.outputPercentileDistribution(to: &text, outputValueUnitScalingRatio: 1000)
        return text
    }
}

/// A finished run: the report and the statistics it was made from.
public struct BenchResult: Sendable {
    public var report: BenchReport
    public var statistics: BenchStatistics

    public var histogramText: String { statistics.histogramText() }
}
