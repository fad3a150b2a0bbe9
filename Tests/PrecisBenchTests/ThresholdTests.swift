import Testing

@testable import PrecisBenchKit

@Suite struct ThresholdTests {
    @Test func errorRatesReadAsFractionsOrPercentages() throws {
        #expect(try Thresholds.parseRate("0") == 0)
        #expect(try Thresholds.parseRate("0.01") == 0.01)
        #expect(try Thresholds.parseRate("1%") == 0.01)
        #expect(try Thresholds.parseRate("100%") == 1)
        #expect(throws: BenchError.self) { try Thresholds.parseRate("150%") }
        #expect(throws: BenchError.self) { try Thresholds.parseRate("-0.1") }
        #expect(throws: BenchError.self) { try Thresholds.parseRate("some") }
    }

    @Test func anyErrorFailsByDefault() {
        let verdict = Thresholds().judge(Fixtures.report(ok: 9_999, failed: 1))
        #expect(!verdict.passed)
        #expect(verdict.exitStatus == 1)
        #expect(verdict.failures.count == 1)
        #expect(verdict.failures[0].contains("0.01%"))
        #expect(verdict.failures[0].contains("--max-error-rate 0%"))
    }

    @Test func aCleanRunPasses() {
        let verdict = Thresholds().judge(Fixtures.report(ok: 1000))
        #expect(verdict.passed)
        #expect(verdict.exitStatus == 0)
    }

    @Test func theErrorRateMayReachButNotExceedTheMark() {
        let report = Fixtures.report(ok: 99, failed: 1)
        #expect(Thresholds(maxErrorRate: 0.01).judge(report).passed)
        #expect(!Thresholds(maxErrorRate: 0.0099).judge(report).passed)
    }

    @Test func theP99MarkFailsASlowRun() {
        let slow = Fixtures.report(ok: 1000, micros: 6000)
        let verdict = Thresholds(maxP99Micros: 5000).judge(slow)
        #expect(!verdict.passed)
        #expect(verdict.failures == ["p99 6.00 ms is above --max-p99 5.00 ms"])
        #expect(Thresholds(maxP99Micros: 7000).judge(slow).passed)
        // Both marks at once: two failures.
        let both = Thresholds(maxErrorRate: 0, maxP99Micros: 5000).judge(Fixtures.report(ok: 10, failed: 10, micros: 6000))
        #expect(both.failures.count == 2)
    }

    @Test func aRunWithNoAnswerFails() {
        let verdict = Thresholds(maxErrorRate: 1).judge(Fixtures.report(ok: 0))
        #expect(!verdict.passed)
        #expect(verdict.failures == ["no request was answered in the measured time"])
    }

    @Test func theHeadlineIsTheOKAnswers() {
        // 98% failed: the headline is the 2% that worked, not every answer.
        let report = Fixtures.report(ok: 200, failed: 9_800, seconds: 2)
        #expect(report.throughput == 100)
        #expect(report.answeredThroughput == 5000)
        #expect(report.errorsPerSecond == 4900)
        #expect(report.errorRate == 0.98)
        #expect(report.headline == "100 OK/s, 4,900 errors/s (98.0% of requests failed)")
    }
}
