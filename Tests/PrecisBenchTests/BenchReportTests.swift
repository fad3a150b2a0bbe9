import Foundation
import Testing

@testable import PrecisBenchKit

@Suite struct BenchReportTests {
    private func report() -> BenchReport {
        var statistics = BenchStatistics()
        for micros in 1...2000 {
            statistics.recordSuccess(latencyNanoseconds: Int64(micros) * 1000, serverMicros: 20)
        }
        statistics.recordFailure(latencyNanoseconds: 3_000_000, code: .deadlineExceeded)
        let setup = BenchReport.Setup(operation: "ping", addresses: ["127.0.0.1:7450", "h<2>:7451"], connections: 4, depth: 50, payloadBytes: 3072)
        return BenchReport(setup: setup, statistics: statistics, durationSeconds: 4, bytesSent: 1000, bytesReceived: 2000, clientCPUSeconds: 0.002001, serverCPUSeconds: nil)
    }

    private func object(_ report: BenchReport) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    }

    @Test func jsonHasTheKeysScriptsRead() throws {
        let object = try object(report())
        #expect(object["schemaVersion"] as? Int == 2)
        #expect(object["requests"] as? Int == 2001)
        #expect(object["ok"] as? Int == 2000)
        #expect(object["errors"] as? Int == 1)
        #expect(object["durationSeconds"] as? Double == 4)
        // throughput: OK answers only (2,000 in 4 s); every answer beside it.
        #expect(object["throughput"] as? Double == 500)
        #expect((object["answeredThroughput"] as? Double).map { abs($0 - 500.25) < 0.1 } == true)
        #expect((object["errorRate"] as? Double).map { abs($0 - 1.0 / 2001) < 1e-6 } == true)
        let latency = try #require(object["latencyMicros"] as? [String: Any])
        for key in ["p50", "p90", "p99", "p999", "max"] {
            #expect(latency[key] is Int, "latencyMicros.\(key)")
        }
        // 2,001 answers: the 1,001st smallest is the median.
        #expect(latency["p50"] as? Int == 1001)
        #expect(latency["max"] as? Int == 3000 || latency["max"] as? Int == 3001)
        #expect(object["statusCounts"] as? [String: Int] == ["OK": 2000, "DEADLINE_EXCEEDED": 1])
        #expect(object["bytesSent"] as? Int == 1000)
        #expect(object["clientCpuMicrosPerRequest"] as? Double == 1)
        #expect(object["serverCpuMicrosPerRequest"] is NSNull)
        #expect(object["thresholds"] is NSNull)
        #expect(object["repeat"] is NSNull)
        #expect(object["comparison"] is NSNull)
        let setup = try #require(object["setup"] as? [String: Any])
        #expect(setup["connections"] as? Int == 4)
        #expect(setup["rate"] is NSNull)
        #expect(setup["repeats"] as? Int == 1)
    }

    /// Every top-level key, in the order docs/BENCH.md lists them: a new field is a schema change.
    @Test func jsonKeysAreTheDocumentedOnes() throws {
        let text = Fixtures.mixedReport().json()
        let keys = ["schemaVersion", "requests", "ok", "errors", "errorRate", "durationSeconds", "throughput", "answeredThroughput",
                    "errorsPerSecond", "latencyMicros", "serverMicros", "statusCounts", "bytesSent", "bytesReceived",
                    "clientCpuMicrosPerRequest", "serverCpuMicrosPerRequest", "operations", "timeline", "latencyCurve",
                    "thresholds", "repeat", "comparison", "setup"]
        #expect(Set(try object(Fixtures.mixedReport()).keys) == Set(keys))
        var last = text.startIndex
        for key in keys {
            let range = try #require(text.range(of: "\"\(key)\":", range: last..<text.endIndex), "\(key) out of order")
            last = range.upperBound
        }
    }

    /// docs/BENCH.md has a row for every top-level field and names the schema version.
    @Test func theSchemaDocumentNamesEveryField() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/BENCH.md"), encoding: .utf8)
        #expect(doc.contains("schema version \(BenchReport.schemaVersion)"))
        for key in try object(Fixtures.mixedReport()).keys {
            #expect(doc.contains("| `\(key)`") || doc.contains(", `\(key)`"), "docs/BENCH.md does not describe \(key)")
        }
    }

    @Test func jsonCarriesTheTimelineCurveAndOperations() throws {
        var report = Fixtures.mixedReport()
        report.thresholds = Thresholds(maxErrorRate: 0.05, maxP99Micros: 2_000).judge(report)
        let object = try object(report)
        let timeline = try #require(object["timeline"] as? [[String: Any]])
        #expect(timeline.count == 2)
        #expect(timeline.map { $0["second"] as? Int } == [0, 1])
        #expect(timeline.reduce(0) { $0 + ($1["ok"] as? Int ?? 0) } == 3970)
        #expect(timeline.reduce(0) { $0 + ($1["errors"] as? Int ?? 0) } == 30)
        for key in ["run", "durationSeconds", "throughput", "errorsPerSecond", "p50Micros", "p99Micros", "maxMicros"] {
            #expect(timeline[0][key] != nil, "timeline.\(key)")
        }
        let curve = try #require(object["latencyCurve"] as? [[String: Any]])
        #expect(curve.last?["fraction"] as? Double == 1)
        let operations = try #require(object["operations"] as? [[String: Any]])
        #expect(operations.map { $0["operation"] as? String } == ["ping", "summarize"])
        #expect(operations[1]["weight"] as? Int == 3)
        #expect(operations[1]["errors"] as? Int == 30)
        #expect(operations[1]["statusCounts"] as? [String: Int] == ["OK": 2970, "DEADLINE_EXCEEDED": 30])
        #expect(operations[0]["throughput"] as? Double == 500)
        let thresholds = try #require(object["thresholds"] as? [String: Any])
        // 30 of 4,000 failed (0.75%, within 5%) but p99 is near 3 ms: the p99 mark fails.
        #expect(thresholds["passed"] as? Bool == false)
        #expect(thresholds["maxP99Micros"] as? Int == 2_000)
        #expect((thresholds["failures"] as? [String])?.count == 1)
    }

    @Test func mixesAreReportedByOperation() throws {
        let report = Fixtures.mixedReport()
        #expect(report.requests == 4000)
        #expect(report.operations.count == 2)
        let ping = report.operations[0]
        let summarize = report.operations[1]
        #expect(ping.requests == 1000 && ping.errors == 0)
        #expect(ping.latency.p99 == 100)
        #expect(summarize.requests == 3000 && summarize.errors == 30)
        #expect(summarize.errorRate == 0.01)
        #expect(summarize.throughput == 1485)
        #expect(summarize.latency.p50 > 1000)
        #expect(ping.requests + summarize.requests == report.requests)
        let text = report.text()
        #expect(text.contains("by operation"))
        #expect(text.contains("ping       500 OK/s, 0 errors"))
        #expect(text.contains("summarize  1,485 OK/s, 30 errors (1.0%)"))
        #expect(text.contains("status DEADLINE_EXCEEDED 30") == false)
        #expect(text.contains("status OK 2,970, DEADLINE_EXCEEDED 30"))
        // One operation: no breakdown.
        #expect(!Fixtures.report(ok: 10).text().contains("by operation"))
    }

    @Test func textReportNamesEveryFigure() {
        let text = report().text()
        #expect(text.contains("ping (3.1 KB payload), 4 connections × 50 in flight"))
        #expect(text.contains("throughput   500 OK/s, 0 errors/s (0.05% of requests failed)"))
        #expect(text.contains("ERRORS       0.05% of requests failed (1 of 2,001): DEADLINE_EXCEEDED 1"))
        #expect(text.contains("2,001 in 4.00 s (2,000 OK, 1 errors"))
        #expect(text.contains("p50 1.00 ms"))
        #expect(text.contains("p99.9"))
        #expect(text.contains("OK 2,000, DEADLINE_EXCEEDED 1"))
        #expect(text.contains("server time  p50 20 µs"))
        // A clean run says so and has no ERRORS line.
        let clean = Fixtures.report(ok: 1000).text()
        #expect(clean.contains("1,000 OK/s, 0 errors"))
        #expect(!clean.contains("ERRORS"))
    }

    @Test func textShowsTheVerdict() {
        var report = Fixtures.report(ok: 200, failed: 9_800)
        report.thresholds = Thresholds().judge(report)
        #expect(report.text().contains("thresholds   FAILED: error rate 98.0% (9,800 of 10,000) is above --max-error-rate 0%"))
        var clean = Fixtures.report(ok: 100)
        clean.thresholds = Thresholds(maxP99Micros: 1000).judge(clean)
        #expect(clean.text().contains("thresholds   passed: error rate 0% ≤ 0%, p99 200 µs ≤ 1.00 ms"))
    }

    @Test func textShowsTheRepeats() {
        var report = Fixtures.report(ok: 3000)
        report.repeats = RepeatSummary([Fixtures.report(ok: 900), Fixtures.report(ok: 1000), Fixtures.report(ok: 1100)])
        let text = report.text()
        #expect(text.contains("repeats      3 runs, median (range min–max):"))
        #expect(text.contains("throughput 1,000 OK/s (900–1,100, spread 20.0%)"))
        #expect(text.contains("per run: 900, 1,000, 1,100 OK/s"))
        // The headline pools the runs and says so, with the median beside it.
        #expect(text.contains("throughput   3,000 OK/s, 0 errors; all 3 runs pooled; median of the runs 1,000 OK/s (range 900–1,100)"))
    }

    @Test func htmlIsSelfContained() {
        let page = report().html(generatedAt: "2026-01-01T00:00:00Z")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))
        #expect(page.contains("<polyline"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("src="))
        #expect(!page.contains("href="))
        // The only URL is the SVG namespace (once per chart).
        #expect(page.components(separatedBy: "http").count == page.components(separatedBy: "<svg").count)
        // User-supplied text is escaped.
        #expect(page.contains("h&lt;2&gt;:7451"))
        #expect(!page.contains("h<2>"))
    }

    @Test func htmlBannerCallsOutErrors() {
        var failed = Fixtures.report(ok: 200, failed: 9_800)
        failed.thresholds = Thresholds().judge(failed)
        let page = failed.html()
        #expect(page.contains("<div class=\"banner\">98.0% of requests failed"))
        #expect(page.contains("UNAVAILABLE 9,800"))
        #expect(page.contains("threshold failed: error rate 98.0%"))
        #expect(page.contains("<b>200</b> OK answers/s"))
        #expect(page.contains("latency seen by the client (failed requests included)"))
        var clean = Fixtures.report(ok: 1000)
        clean.thresholds = Thresholds().judge(clean)
        let cleanPage = clean.html()
        #expect(!cleanPage.contains("class=\"banner\""))
        #expect(cleanPage.contains("thresholds passed"))
    }

    @Test func htmlHasTheTimelineAndByOperation() {
        let page = Fixtures.mixedReport().html()
        #expect(page.contains("aria-label=\"throughput and latency per second\""))
        #expect(page.contains("By operation"))
        #expect(page.contains("<th>summarize</th>"))
    }

    @Test func timelineChartGoesLogarithmicForAStall() {
        func point(_ second: Int, _ p50: UInt64, _ p99: UInt64, run: Int = 1) -> BenchReport.TimelinePoint {
            .init(run: run, second: second, durationSeconds: 1, ok: 1000, errors: second == 2 ? 5 : 0, p50Micros: p50, p99Micros: p99, maxMicros: p99)
        }
        let calm = TimelineChart(points: [point(0, 200, 400), point(1, 210, 450)]).svg()
        #expect(!calm.contains("logarithmic"))
        #expect(!calm.contains("errors/s"))
        #expect(!calm.contains("class=\"errors\""))
        let stall = TimelineChart(points: [point(0, 200, 400), point(1, 210, 450), point(2, 300, 80_000)]).svg()
        #expect(stall.contains("(logarithmic axis)"))
        #expect(stall.contains("errors/s"))
        // The one second with errors is shaded in both panels.
        #expect(stall.components(separatedBy: "class=\"errors\"").count - 1 == 2)
        // Every latency point lies inside the lower panel, and a 400× higher p99 is drawn higher.
        let chart = TimelineChart(points: [])
        let lines = stall.components(separatedBy: "<polyline").dropFirst().map { $0.components(separatedBy: "points=\"")[1].components(separatedBy: "\"")[0] }
        let latencyLines = lines.suffix(2)
        for line in latencyLines {
            for pair in line.split(separator: " ") {
                let y = Double(pair.split(separator: ",")[1])!
                #expect(y >= chart.latencyTop && y <= chart.latencyTop + chart.latencyHeight, "\(line)")
            }
        }
        let p99 = latencyLines.last!.split(separator: " ").map { Double($0.split(separator: ",")[1])! }
        #expect(p99[2] < p99[0] - 50)
        // Two runs: a dashed line where the second starts, and no line joining them.
        let repeated = TimelineChart(points: [point(0, 200, 400), point(1, 200, 400), point(0, 200, 400, run: 2)]).svg()
        #expect(repeated.contains(">run 2</text>"))
        #expect(TimelineChart(points: [point(0, 1, 1), point(1, 1, 1), point(0, 1, 1, run: 2)]).positions == [0.5, 1.5, 2.5])
    }

    @Test func htmlOverlaysTheBaseRun() throws {
        let base = try RunFigures(json: Fixtures.report(ok: 1000, micros: 300).json(), label: "base.json")
        var report = Fixtures.report(ok: 1000)
        report.comparison = Comparison(base: base, new: RunFigures(report: report, label: "this run"))
        let page = report.html()
        #expect(page.contains("base run: base.json"))
        #expect(page.contains("stroke-dasharray"))
        #expect(page.contains("Compared with base.json"))
    }

    @Test func chartSpacesTheNinesEvenly() {
        #expect(PercentileChart.position(of: 0) == 0)
        #expect(abs(PercentileChart.position(of: 0.9) - 1) < 1e-9)
        #expect(abs(PercentileChart.position(of: 0.999) - 3) < 1e-9)
        #expect(PercentileChart.label(nines: 0) == "0%")
        #expect(PercentileChart.label(nines: 1) == "90%")
        #expect(PercentileChart.label(nines: 2) == "99%")
        #expect(PercentileChart.label(nines: 4) == "99.99%")
        // The axis goes as deep as the sample count allows.
        #expect(PercentileChart(series: [], sampleCount: 500).nines == 2)
        #expect(PercentileChart(series: [], sampleCount: 20_000).nines == 4)
        #expect(PercentileChart(series: [], sampleCount: 10_000_000).nines == 5)
        #expect(PercentileChart.tick(0) == "0")
        #expect(PercentileChart.tick(2500) == "2.5 ms")
        #expect(PercentileChart.tick(40_000) == "40 ms")
    }

    @Test func chartAxisEndsAtARoundNumber() {
        #expect(PercentileChart.niceCeiling(3001) == 5000)
        #expect(PercentileChart.niceCeiling(180) == 200)
        #expect(PercentileChart.niceCeiling(1000) == 1000)
        #expect(PercentileChart.niceCeiling(0) == 1)
    }

    @Test func curveRisesToTheMaximum() {
        let curve = report().curve
        #expect(curve.first!.fraction == 0)  // the curve starts at the fastest answer (percentile 0)
        #expect(curve.last!.fraction == 1)
        for (a, b) in zip(curve, curve.dropFirst()) {
            #expect(a.fraction < b.fraction)
            #expect(a.micros <= b.micros)
        }
    }

    @Test func numbersAreFormattedForPeople() {
        #expect(Formatting.micros(812.0) == "812 µs")
        #expect(Formatting.micros(1240.0) == "1.24 ms")
        #expect(Formatting.micros(3_500_000.0) == "3.50 s")
        #expect(Formatting.count(1_234_567) == "1,234,567")
        #expect(Formatting.count(12) == "12")
        #expect(Formatting.bytes(13_100_000) == "13.1 MB")
        #expect(Formatting.fixed(0.005, places: 2) == "0.01")
        #expect(Formatting.percent(0) == "0%")
        #expect(Formatting.percent(0.98) == "98.0%")
        #expect(Formatting.percent(0.0005) == "0.05%")
        #expect(Formatting.percent(0.000001) == "0.0001%")
        #expect(Formatting.signed(2.5, places: 1) == "+2.5")
        #expect(Formatting.signed(-2.5, places: 1) == "-2.5")
        #expect(BenchReport.number(52341.26, places: 1) == "52341.3")
        #expect(BenchReport.number(4, places: 3) == "4")
    }
}
