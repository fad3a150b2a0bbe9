import Histogram

/// What was answered in one second of a run: OK answers, errors and their latencies in a
/// low-precision histogram (two significant digits, grown only as far as the largest latency),
/// so an hour of seconds stays a few megabytes.
public struct TimelineSecond: Sendable {
    public var ok: Int = 0
    public var errors: Int = 0
    public var latency = Histogram<UInt32>(numberOfSignificantValueDigits: .two)

    public init() {}

    @inline(__always)
    public mutating func record(micros: UInt64, ok isOK: Bool) {
        if isOK { ok += 1 } else { errors += 1 }
        _ = latency.record(micros)
    }

    public mutating func merge(_ other: TimelineSecond) {
        ok += other.ok
        errors += other.errors
        latency.add(other.latency)
    }

    public var answers: Int { ok + errors }
}

/// The seconds of one run, numbered from the start of the measured time (second 0 is the first
/// second measured). Answers count in the second they arrived in, as wrk2's and k6's
/// per-interval figures do; warm-up answers fall in negative seconds, which only the progress
/// line reads.
public struct Timeline: Sendable {
    public private(set) var seconds: [TimelineSecond] = []

    public init() {}

    /// The second an answer at `nanosecondsSinceMeasureStart` belongs to; an answer to a request
    /// sent before measuring started (`measured` false) belongs to the warm-up, second -1 or before.
    @inline(__always)
    public static func second(of nanosecondsSinceMeasureStart: Int64, measured: Bool) -> Int {
        let second = nanosecondsSinceMeasureStart >= 0
            ? Int(nanosecondsSinceMeasureStart / 1_000_000_000)
            : -Int((-nanosecondsSinceMeasureStart + 999_999_999) / 1_000_000_000)
        return measured ? Swift.max(second, 0) : Swift.min(second, -1)
    }

    /// Adds what was seen in `second` (warm-up seconds are dropped).
    public mutating func add(_ bucket: TimelineSecond, at second: Int) {
        guard second >= 0 else { return }
        while seconds.count <= second { seconds.append(TimelineSecond()) }
        seconds[second].merge(bucket)
    }

    public subscript(second: Int) -> TimelineSecond? {
        seconds.indices.contains(second) ? seconds[second] : nil
    }

    /// One point per second for the report; the last second lasts only as long as the run did
    /// past it (`durationSeconds` of the measured time), so its rates are not understated.
    public func points(durationSeconds: Double, run: Int = 1) -> [BenchReport.TimelinePoint] {
        let count = Swift.max(seconds.count, Int(durationSeconds.rounded(.up)))
        return (0..<count).map { index in
            let bucket = index < seconds.count ? seconds[index] : TimelineSecond()
            let length = Swift.min(1, Swift.max(durationSeconds - Double(index), 0.001))
            return BenchReport.TimelinePoint(
                run: run,
                second: index,
                durationSeconds: length,
                ok: bucket.ok,
                errors: bucket.errors,
                p50Micros: bucket.answers > 0 ? bucket.latency.valueAtPercentile(50) : nil,
                p99Micros: bucket.answers > 0 ? bucket.latency.valueAtPercentile(99) : nil,
                maxMicros: bucket.answers > 0 ? bucket.latency.max : nil
            )
        }
    }
}

/// What one connection (one shard) has seen and not yet handed over: its statistics per
/// operation of the mix, and the seconds of its timeline still open. Workers of a connection
/// record here under the shard's own lock (they run on the connection's event loop, so it is
/// not contended); the collector takes the finished seconds once a second.
public struct ShardRecord: Sendable {
    public var operations: [BenchStatistics]
    var currentSecond = Int.min
    var current = TimelineSecond()
    /// Earlier seconds not yet collected (usually none: answers come in order of time).
    var older: [(second: Int, bucket: TimelineSecond)] = []

    public init(operations: Int) {
        self.operations = (0..<operations).map { _ in BenchStatistics() }
    }

    @inline(__always)
    public mutating func recordTimeline(second: Int, micros: UInt64, ok: Bool) {
        if second != currentSecond { switchSecond(to: second) }
        current.record(micros: micros, ok: ok)
    }

    private mutating func switchSecond(to second: Int) {
        if let index = older.firstIndex(where: { $0.second == second }) {
            let bucket = older.remove(at: index).bucket
            stash()
            currentSecond = second
            current = bucket
            return
        }
        stash()
        currentSecond = second
        current = TimelineSecond()
    }

    private mutating func stash() {
        if currentSecond != Int.min && current.answers > 0 { older.append((currentSecond, current)) }
        currentSecond = Int.min
        current = TimelineSecond()
    }

    /// Hands over every second before `second` (all of them with `Int.max`).
    public mutating func takeSeconds(before second: Int) -> [(second: Int, bucket: TimelineSecond)] {
        if currentSecond < second { stash() }
        let taken = older.filter { $0.second < second }
        older.removeAll { $0.second < second }
        return taken
    }
}
