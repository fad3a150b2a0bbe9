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

    @Test func jsonHasTheKeysScriptsRead() throws {
        let data = Data(report().json().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["requests"] as? Int == 2001)
        #expect(object["errors"] as? Int == 1)
        #expect(object["durationSeconds"] as? Double == 4)
        #expect((object["throughput"] as? Double).map { abs($0 - 500.25) < 0.1 } == true)
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
        let setup = try #require(object["setup"] as? [String: Any])
        #expect(setup["connections"] as? Int == 4)
        #expect(setup["rate"] is NSNull)
    }

    @Test func textReportNamesEveryFigure() {
        let text = report().text()
        #expect(text.contains("ping (3.1 KB payload), 4 connections × 50 in flight"))
        #expect(text.contains("2,001 in 4.00 s, 1 errors, 500 req/s"))
        #expect(text.contains("p50 1.00 ms"))
        #expect(text.contains("p99.9"))
        #expect(text.contains("OK 2,000, DEADLINE_EXCEEDED 1"))
        #expect(text.contains("server time  p50 20 µs"))
    }

    @Test func htmlIsSelfContained() {
        let page = report().html(generatedAt: "2026-01-01T00:00:00Z")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))
        #expect(page.contains("<polyline"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("src="))
        #expect(!page.contains("href="))
        // The only URL is the SVG namespace.
        #expect(page.components(separatedBy: "http").count == 2)
        // User-supplied text is escaped.
        #expect(page.contains("h&lt;2&gt;:7451"))
        #expect(!page.contains("h<2>"))
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
        #expect(curve.first!.fraction >= 0)
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
        #expect(BenchReport.number(52341.26, places: 1) == "52341.3")
        #expect(BenchReport.number(4, places: 3) == "4")
    }
}
