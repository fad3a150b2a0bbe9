import PrecisWire

@testable import PrecisBenchKit

enum Fixtures {
    static let setup = BenchReport.Setup(operation: "mix=ping:1,summarize:3", addresses: ["127.0.0.1:7450"], connections: 2, depth: 8, payloadBytes: 16, documents: 3)

    /// A 2-second mixed run: 1,000 pings of 100 µs, 3,000 summaries of 1–3 ms of which 30 timed out.
    static func mixedMeasurement() -> Measurement {
        var ping = BenchStatistics()
        var summarize = BenchStatistics()
        var timeline = Timeline()
        var seconds = [TimelineSecond(), TimelineSecond()]
        for index in 0..<1000 {
            ping.recordSuccess(micros: 100, serverMicros: 5)
            seconds[index % 2].record(micros: 100, ok: true)
        }
        for index in 0..<3000 {
            let micros = UInt64(1000 + index % 2000)
            if index % 100 == 0 {
                summarize.recordFailure(micros: 30_000, code: .deadlineExceeded)
                seconds[index % 2].record(micros: 30_000, ok: false)
            } else {
                summarize.recordSuccess(micros: micros, serverMicros: micros / 2)
                seconds[index % 2].record(micros: micros, ok: true)
            }
        }
        timeline.add(seconds[0], at: 0)
        timeline.add(seconds[1], at: 1)
        return Measurement(
            operations: [("ping", 1, ping), ("summarize", 3, summarize)],
            timeline: timeline,
            durationSeconds: 2
        )
    }

    static func mixedReport() -> BenchReport {
        BenchReport(setup: setup, measurement: mixedMeasurement())
    }

    /// A report of `ok` answers of `micros` and `failed` errors over one second.
    static func report(ok: Int, failed: Int = 0, micros: UInt64 = 200, seconds: Double = 1) -> BenchReport {
        var statistics = BenchStatistics()
        for _ in 0..<ok { statistics.recordSuccess(micros: micros, serverMicros: 10) }
        for _ in 0..<failed { statistics.recordFailure(micros: micros, code: .unavailable) }
        return BenchReport(
            setup: .init(operation: "ping", addresses: ["x:1"], connections: 1, depth: 1),
            statistics: statistics,
            durationSeconds: seconds
        )
    }
}
