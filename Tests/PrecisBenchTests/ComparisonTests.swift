import Foundation
import Testing

@testable import PrecisBenchKit

@Suite struct ComparisonTests {
    private func figures(_ report: BenchReport, _ label: String) -> RunFigures { RunFigures(report: report, label: label) }

    @Test func changesAreRelativeToTheBase() throws {
        let base = figures(Fixtures.report(ok: 1000, micros: 200), "base")
        let new = figures(Fixtures.report(ok: 1200, micros: 150), "new")
        let comparison = Comparison(base: base, new: new)
        let throughput = try #require(comparison.rows.first { $0.key == "throughput" })
        #expect(abs(throughput.change! - 0.2) < 1e-9)
        #expect(throughput.verdict == .better)
        let p50 = try #require(comparison.rows.first { $0.key == "p50" })
        #expect(abs(p50.change! - (-0.25)) < 1e-9)
        #expect(p50.verdict == .better)
        #expect(comparison.rows.map(\.key) == ["throughput", "p50", "p90", "p99", "p999", "max", "mean", "errorRate"])
    }

    @Test func smallChangesOfSingleRunsAreNoise() throws {
        let comparison = Comparison(base: figures(Fixtures.report(ok: 1000), "a"), new: figures(Fixtures.report(ok: 950), "b"))
        let throughput = try #require(comparison.rows.first { $0.key == "throughput" })
        #expect(throughput.verdict == .noise)
        #expect(comparison.notes[0].contains("10%"))
        let worse = Comparison(base: figures(Fixtures.report(ok: 1000), "a"), new: figures(Fixtures.report(ok: 850), "b"))
        #expect(worse.rows[0].verdict == .worse)
    }

    @Test func repeatsAreJudgedByTheirRanges() throws {
        var base = figures(Fixtures.report(ok: 1000), "a")
        var new = figures(Fixtures.report(ok: 1030), "b")
        base.runs = 5
        new.runs = 5
        base.spreads["throughput"] = .init(median: 1000, min: 990, max: 1010)
        new.spreads["throughput"] = .init(median: 1030, min: 1020, max: 1040)
        // 3% apart, but the ranges do not overlap: a real change.
        #expect(Comparison(base: base, new: new).rows[0].verdict == .better)
        new.spreads["throughput"] = .init(median: 1030, min: 1005, max: 1040)
        #expect(Comparison(base: base, new: new).rows[0].verdict == .noise)
        #expect(Comparison(base: base, new: new).notes[0].contains("ranges"))
    }

    @Test func anyNewErrorIsWorse() throws {
        let comparison = Comparison(base: figures(Fixtures.report(ok: 1000), "a"), new: figures(Fixtures.report(ok: 999, failed: 1), "b"))
        let errors = try #require(comparison.rows.first { $0.key == "errorRate" })
        #expect(errors.verdict == .worse)
        #expect(comparison.text().contains("+0.10 pt"))
    }

    @Test func aReportReadsBackFromItsJSON() throws {
        var report = Fixtures.mixedReport()
        report.repeats = RepeatSummary([Fixtures.report(ok: 900), Fixtures.report(ok: 1000), Fixtures.report(ok: 1100)])
        let read = try RunFigures(json: report.json(), label: "base.json")
        #expect(read.schemaVersion == 2)
        #expect(read.runs == 3)
        #expect(read.throughput == 1000)
        #expect(read.spreads["throughput"] == .init(median: 1000, min: 900, max: 1100))
        #expect(read.curve.count == report.curve.count)
        #expect(read.curve.last?.fraction == 1)
        #expect(read.setup["connections"] == "2")
        #expect(abs(read.errorRate - report.errorRate) < 1e-6)
    }

    @Test func schemaOneThroughputCountedEveryAnswer() throws {
        let old = #"{"requests":1000,"errors":100,"durationSeconds":1,"throughput":1000,"latencyMicros":{"p50":10,"p90":20,"p99":30,"p999":40,"max":50,"mean":12}}"#
        let read = try RunFigures(json: old, label: "old.json")
        #expect(read.schemaVersion == 1)
        #expect(read.throughput == 900)
        #expect(read.errorRate == 0.1)
        #expect(throws: BenchError.self) { try RunFigures(json: "[]", label: "x") }
        #expect(throws: BenchError.self) { try RunFigures(json: #"{"schemaVersion":99,"throughput":1,"latencyMicros":{}}"#, label: "x") }
    }

    @Test func differentSetupsAreNoted() {
        var other = Fixtures.report(ok: 1000)
        other.setup.connections = 4
        let comparison = Comparison(base: figures(Fixtures.report(ok: 1000), "a"), new: figures(other, "b"))
        #expect(comparison.notes.contains { $0.contains("connections 1 → 4") })
    }

    @Test func repeatSummaryTakesTheMedianAndRange() {
        #expect(RepeatSummary.Spread([3, 1, 2]).median == 2)
        #expect(RepeatSummary.Spread([4, 1, 3, 2]).median == 2.5)
        let spread = RepeatSummary.Spread([90, 110, 100])
        #expect(spread.min == 90 && spread.max == 110)
        #expect(abs(spread.relativeRange - 0.2) < 1e-9)
        #expect(spread.overlaps(.init(median: 115, min: 110, max: 120)))
        #expect(!spread.overlaps(.init(median: 115, min: 111, max: 120)))
        let summary = RepeatSummary([Fixtures.report(ok: 900, micros: 300), Fixtures.report(ok: 1000, micros: 200), Fixtures.report(ok: 1100, micros: 100)])
        #expect(summary.throughput == .init(median: 1000, min: 900, max: 1100))
        #expect(summary.latency["p50"]?.median == 200)
        #expect(summary.runs.count == 3)
    }
}
