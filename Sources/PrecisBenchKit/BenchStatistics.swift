import Histogram
import PrecisWire

/// Answers per status code, counted without hashing a name per answer: the codes the protocol
/// defines (0 ... 15) in a fixed array, any other in a dictionary.
public struct StatusTally: Sendable, Hashable {
    private var known = [Int](repeating: 0, count: 16)
    private var other: [Int32: Int] = [:]

    public init() {}

    @inline(__always)
    public mutating func add(_ code: StatusCode, count: Int = 1) {
        let raw = code.rawValue
        if raw >= 0 && raw < 16 {
            known[Int(raw)] += count
        } else {
            other[raw, default: 0] += count
        }
    }

    public var ok: Int { known[0] }
    public var total: Int { known.reduce(0, +) + other.values.reduce(0, +) }
    public var errors: Int { total - ok }

    public mutating func merge(_ tally: StatusTally) {
        for index in known.indices { known[index] += tally.known[index] }
        other.merge(tally.other, uniquingKeysWith: +)
    }

    /// Counts by status name (`OK`, `DEADLINE_EXCEEDED`, `STATUS_42`); codes never seen are left out.
    public var byName: [String: Int] {
        var names: [String: Int] = [:]
        for (raw, count) in known.enumerated() where count > 0 {
            names[BenchStatistics.name(of: StatusCode(rawValue: Int32(raw))), default: 0] += count
        }
        for (raw, count) in other where count > 0 {
            names[BenchStatistics.name(of: StatusCode(rawValue: raw)), default: 0] += count
        }
        return names
    }
}

/// What one worker (or the whole run, once merged) observed: latencies, server-side times and
/// the status of every answer. Values are microseconds.
public struct BenchStatistics: Sendable {
    /// Client-side latency of every answered or failed request, in microseconds.
    public var latency: Histogram<UInt64>
    /// `Response.server_micros` of every OK answer.
    public var serverTime: Histogram<UInt64>
    /// Answers per status.
    public var statuses = StatusTally()

    /// Latencies up to an hour are kept with three significant digits.
    public static let highestTrackableMicros: UInt64 = 3_600_000_000

    public init() {
        latency = Histogram(highestTrackableValue: Self.highestTrackableMicros, numberOfSignificantValueDigits: .three)
        serverTime = Histogram(highestTrackableValue: Self.highestTrackableMicros, numberOfSignificantValueDigits: .three)
    }

    public var requests: Int { Int(latency.totalCount) }
    public var ok: Int { statuses.ok }
    public var errors: Int { statuses.errors }
    /// Answers per status name (`OK`, `DEADLINE_EXCEEDED`, ...).
    public var statusCounts: [String: Int] { statuses.byName }

    /// Records one OK answer.
    @inline(__always)
    public mutating func recordSuccess(latencyNanoseconds: Int64, serverMicros: UInt64) {
        recordLatency(micros: Self.micros(latencyNanoseconds))
        _ = serverTime.record(Swift.min(serverMicros, Self.highestTrackableMicros))
        statuses.add(.ok)
    }

    /// Records a request that failed with `code` (from the server or the client).
    @inline(__always)
    public mutating func recordFailure(latencyNanoseconds: Int64, code: StatusCode) {
        recordLatency(micros: Self.micros(latencyNanoseconds))
        statuses.add(code)
    }

    @inline(__always)
    mutating func recordLatency(micros: UInt64) {
        _ = latency.record(micros)
    }

    /// Nanoseconds to the whole microseconds the histograms hold, rounded up (a 300 ns answer is
    /// not a 0 µs one) and kept within 1 µs ... 1 h.
    @inline(__always)
    public static func micros(_ nanoseconds: Int64) -> UInt64 {
        let micros = UInt64(Swift.max(nanoseconds, 0) + 999) / 1000
        return Swift.min(Swift.max(micros, 1), highestTrackableMicros)
    }

    public mutating func merge(_ other: BenchStatistics) {
        latency.add(other.latency)
        serverTime.add(other.serverTime)
        statuses.merge(other.statuses)
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

extension BenchStatistics {
    /// Records one OK answer whose latency is already in whole microseconds (`micros(_:)`).
    @inline(__always)
    public mutating func recordSuccess(micros: UInt64, serverMicros: UInt64) {
        _ = latency.record(micros)
        _ = serverTime.record(Swift.min(serverMicros, Self.highestTrackableMicros))
        statuses.add(.ok)
    }

    @inline(__always)
    public mutating func recordFailure(micros: UInt64, code: StatusCode) {
        _ = latency.record(micros)
        statuses.add(code)
    }
}
