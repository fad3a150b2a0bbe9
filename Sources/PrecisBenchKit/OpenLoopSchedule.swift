/// The fixed timetable of an open-loop run (`--rate`): request `k` is due `k / rate` seconds
/// after the start, whatever happened to the requests before it.
///
/// Latency is measured from the time a request was *due*, not from when it was finally sent, so
/// a server that stalls delays every request scheduled behind the stall and they all show in
/// the tail (the correction for coordinated omission that wrk2 makes). A closed loop that waits
/// for an answer before sending the next request would send fewer requests during the stall
/// and hide it.
public struct OpenLoopSchedule: Sendable, Hashable {
    /// Requests per second, over all connections.
    public let rate: Double
    /// Nanoseconds between two requests.
    public let intervalNanoseconds: Double

    public init(rate: Double) throws(BenchError) {
        guard rate.isFinite, rate > 0, rate <= 10_000_000 else {
            throw BenchError("--rate must be between 0 and 10000000 requests per second, got \(rate)")
        }
        self.rate = rate
        self.intervalNanoseconds = 1e9 / rate
    }

    /// Nanoseconds after the start at which request `index` (0-based) is due.
    public func dueOffset(of index: Int) -> Int64 {
        Int64((Double(index) * intervalNanoseconds).rounded())
    }

    /// How many requests are due by `elapsed` nanoseconds after the start (those with a due
    /// offset at or before it).
    public func dueCount(atElapsed elapsed: Int64) -> Int {
        guard elapsed >= 0 else { return 0 }
        return Int((Double(elapsed) / intervalNanoseconds).rounded(.down)) + 1
    }

    /// The requests of one connection's share of the timetable (`first`, `first + step`, …) that
    /// are due by `elapsed` nanoseconds after the start, at most `limit` of them, none due at or
    /// after `stopElapsed`.
    public func due(from first: Int, step: Int, atElapsed elapsed: Int64, stopElapsed: Int64?, limit: Int) -> [Int] {
        var indices: [Int] = []
        var index = first
        while indices.count < limit {
            let at = dueOffset(of: index)
            guard at <= elapsed, stopElapsed.map({ at < $0 }) ?? true else { break }
            indices.append(index)
            index += step
        }
        return indices
    }

    /// The latency to record for a request: from when it was due to when its answer came, in
    /// nanoseconds. `sentAt` is only a sanity floor: a request never counts less than its own
    /// round trip.
    public static func latency(dueAt: Int64, sentAt: Int64, answeredAt: Int64) -> Int64 {
        max(answeredAt - min(dueAt, sentAt), 0)
    }
}
