import Testing

@testable import PrecisBenchKit

@Suite struct TimelineTests {
    @Test func answersFallInTheSecondTheyArrivedIn() {
        #expect(Timeline.second(of: 0, measured: true) == 0)
        #expect(Timeline.second(of: 999_999_999, measured: true) == 0)
        #expect(Timeline.second(of: 1_000_000_000, measured: true) == 1)
        #expect(Timeline.second(of: 5_500_000_000, measured: true) == 5)
        // Warm-up: negative seconds, floor division.
        #expect(Timeline.second(of: -1, measured: false) == -1)
        #expect(Timeline.second(of: -1_000_000_000, measured: false) == -1)
        #expect(Timeline.second(of: -1_000_000_001, measured: false) == -2)
        // A warm-up request answered after measuring began still belongs to the warm-up…
        #expect(Timeline.second(of: 2_000_000, measured: false) == -1)
        // …and a measured one never to it.
        #expect(Timeline.second(of: -5, measured: true) == 0)
    }

    @Test func shardHandsOverFinishedSecondsOnly() {
        var shard = ShardRecord(operations: 1)
        shard.recordTimeline(second: 0, micros: 100, ok: true)
        shard.recordTimeline(second: 0, micros: 200, ok: false)
        shard.recordTimeline(second: 1, micros: 300, ok: true)
        // A late answer for second 0 after second 1 began.
        shard.recordTimeline(second: 0, micros: 400, ok: true)
        let first = shard.takeSeconds(before: 1)
        #expect(first.count == 1)
        #expect(first[0].second == 0)
        #expect(first[0].bucket.ok == 2)
        #expect(first[0].bucket.errors == 1)
        #expect(first[0].bucket.latency.max >= 400)
        #expect(shard.takeSeconds(before: 1).isEmpty)
        let rest = shard.takeSeconds(before: Int.max)
        #expect(rest.map(\.second) == [1])
        #expect(rest[0].bucket.ok == 1)
        #expect(shard.takeSeconds(before: Int.max).isEmpty)
    }

    @Test func timelineDropsWarmUpAndKeepsEverySecond() {
        var timeline = Timeline()
        var bucket = TimelineSecond()
        bucket.record(micros: 50, ok: true)
        timeline.add(bucket, at: -1)
        #expect(timeline.seconds.isEmpty)
        timeline.add(bucket, at: 2)
        timeline.add(bucket, at: 2)
        #expect(timeline.seconds.count == 3)
        #expect(timeline[2]?.ok == 2)
        #expect(timeline[0]?.answers == 0)
        // 2.5 s measured: three points, the last half a second long.
        let points = timeline.points(durationSeconds: 2.5)
        #expect(points.map(\.second) == [0, 1, 2])
        #expect(points[0].p50Micros == nil)
        #expect(points[2].durationSeconds == 0.5)
        #expect(points[2].throughput == 4)
        #expect(points[2].p50Micros == 50)
    }

    @Test func lowPrecisionHistogramStaysWithinOnePercent() {
        var bucket = TimelineSecond()
        for micros in 1...10_000 { bucket.record(micros: UInt64(micros), ok: true) }
        let p50 = Double(bucket.latency.valueAtPercentile(50))
        let p99 = Double(bucket.latency.valueAtPercentile(99))
        #expect(abs(p50 - 5000) / 5000 < 0.01)
        #expect(abs(p99 - 9900) / 9900 < 0.01)
    }

    @Test func timelineAddsUpToTheTotals() {
        let report = Fixtures.mixedReport()
        #expect(report.timeline.reduce(0) { $0 + $1.ok } == report.ok)
        #expect(report.timeline.reduce(0) { $0 + $1.errors } == report.errors)
    }

    @Test func chartChoosesALogAxisForDecades() {
        #expect(TimelineChart.wantsLogScale(low: 200, high: 1_900) == false)
        #expect(TimelineChart.wantsLogScale(low: 200, high: 2_000) == true)
        #expect(TimelineChart.decades(low: 230, high: 45_000) == [100, 1000, 10_000, 100_000])
        #expect(TimelineChart.secondStep(10) == 1)
        #expect(TimelineChart.secondStep(60) == 10)
        #expect(TimelineChart.rateTick(25_000) == "25k")
        #expect(TimelineChart.rateTick(1_250_000) == "1.3M" || TimelineChart.rateTick(1_250_000) == "1.2M")
    }
}
