import PrecisWire
import Testing

@testable import PrecisBenchKit

@Suite struct BenchStatisticsTests {
    /// 1 ... 1000 µs, one request each.
    private func uniform() -> BenchStatistics {
        var statistics = BenchStatistics()
        for micros in 1...1000 {
            statistics.recordSuccess(latencyNanoseconds: Int64(micros) * 1000, serverMicros: UInt64(micros / 10))
        }
        return statistics
    }

    @Test func percentilesOfAUniformSpread() {
        let report = BenchReport(setup: .init(operation: "ping", addresses: ["x:1"], connections: 1, depth: 1), statistics: uniform(), durationSeconds: 2)
        #expect(report.requests == 1000)
        #expect(report.errors == 0)
        #expect(report.throughput == 500)
        #expect(report.latency.p50 == 500)
        #expect(report.latency.p90 == 900)
        #expect(report.latency.p99 == 990)
        // 999 with three significant digits is 999; the largest is 1,000 (kept within 0.1%).
        #expect(report.latency.p999 == 999)
        #expect((1000...1001).contains(report.latency.max))
        #expect(abs(report.latency.mean - 500.5) < 1)
        #expect(report.serverTime?.p50 == 50)
    }

    @Test func subMicrosecondLatenciesCountAsOneMicrosecond() {
        var statistics = BenchStatistics()
        statistics.recordSuccess(latencyNanoseconds: 300, serverMicros: 0)
        statistics.recordSuccess(latencyNanoseconds: 1_001, serverMicros: 0)
        #expect(statistics.latency.min == 1)
        #expect(statistics.latency.max == 2)
    }

    @Test func failuresAreCountedByStatusAndInTheLatencies() {
        var statistics = uniform()
        statistics.recordFailure(latencyNanoseconds: 5_000_000, code: .deadlineExceeded)
        statistics.recordFailure(latencyNanoseconds: 10_000, code: .resourceExhausted)
        statistics.recordFailure(latencyNanoseconds: 10_000, code: .resourceExhausted)
        #expect(statistics.requests == 1003)
        #expect(statistics.errors == 3)
        #expect(statistics.statusCounts == ["OK": 1000, "DEADLINE_EXCEEDED": 1, "RESOURCE_EXHAUSTED": 2])
        #expect(statistics.latency.max >= 5000)
    }

    @Test func mergingWorkersAddsUp() {
        var a = BenchStatistics()
        var b = BenchStatistics()
        for micros in 1...500 { a.recordSuccess(latencyNanoseconds: Int64(micros) * 1000, serverMicros: 1) }
        for micros in 501...1000 { b.recordSuccess(latencyNanoseconds: Int64(micros) * 1000, serverMicros: 1) }
        b.recordFailure(latencyNanoseconds: 1000, code: .unavailable)
        a.merge(b)
        #expect(a.requests == 1001)
        #expect(a.statusCounts == ["OK": 1000, "UNAVAILABLE": 1])
        #expect(a.latency.valueAtPercentile(50) == 500)
    }

    @Test func histogramTextIsInMilliseconds() {
        let text = uniform().histogramText()
        #expect(text.contains("Value"))
        // The median, 500 µs, is written as 0.500 (ms) at percentile 0.5.
        #expect(text.contains("0.500 0.500000000000"))
        #expect(text.contains("Total count    =         1000"))
    }

    @Test func statusesWithoutANameAreCountedApart() {
        var tally = StatusTally()
        tally.add(.ok, count: 5)
        tally.add(.unavailable)
        tally.add(.unrecognized(42))
        tally.add(.unrecognized(-3))
        #expect(tally.ok == 5)
        #expect(tally.errors == 3)
        #expect(tally.byName == ["OK": 5, "UNAVAILABLE": 1, "STATUS_42": 1, "STATUS_-3": 1])
        var other = StatusTally()
        other.add(.unrecognized(42), count: 2)
        tally.merge(other)
        #expect(tally.byName["STATUS_42"] == 3)
        #expect(tally.total == 10)
    }

    @Test func repeatedRunsPoolIntoOneReport() {
        let one = Fixtures.mixedMeasurement()
        var two = Fixtures.mixedMeasurement()
        two.durationSeconds = 3
        two.runDurations = [3]
        two.clientCPUSeconds = 1
        let pooled = Measurement.pooled([one, two])
        #expect(pooled.durationSeconds == 5)
        #expect(pooled.timelines.count == 2)
        #expect(pooled.runDurations == [2, 3])
        // Unknown on one side: unknown in the pool.
        #expect(pooled.clientCPUSeconds == nil)
        let result = BenchResult.pooled([BenchResult(setup: Fixtures.setup, measurement: one), BenchResult(setup: Fixtures.setup, measurement: two)])
        let report = result.report
        #expect(report.setup.repeats == 2)
        #expect(report.requests == 8000)
        #expect(report.operations[1].errors == 60)
        #expect(report.throughput == Double(2 * 3970) / 5)
        // Each run's seconds, numbered within the run; the second run lasted 3 s.
        #expect(report.timeline.map(\.run) == [1, 1, 2, 2, 2])
        #expect(report.timeline.map(\.second) == [0, 1, 0, 1, 2])
        #expect(result.statistics.requests == 8000)
    }
}
