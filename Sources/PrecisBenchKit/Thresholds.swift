/// The pass marks of a run, as ghz's and k6's thresholds: the error rate may not exceed
/// `maxErrorRate` (default 0: any error fails the run) and, when given, p99 may not exceed
/// `maxP99Micros`. A run that failed a threshold exits 1.
public struct Thresholds: Sendable, Hashable {
    public var maxErrorRate: Double
    public var maxP99Micros: UInt64?

    public init(maxErrorRate: Double = 0, maxP99Micros: UInt64? = nil) {
        self.maxErrorRate = maxErrorRate
        self.maxP99Micros = maxP99Micros
    }

    /// `--max-error-rate`: a fraction (`0.01`) or a percentage (`1%`), from 0 to 1 (100%).
    public static func parseRate(_ text: String) throws(BenchError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let isPercent = trimmed.hasSuffix("%")
        guard let value = Double(isPercent ? String(trimmed.dropLast()) : trimmed), value.isFinite else {
            throw BenchError("--max-error-rate must be a fraction like 0.01 or a percentage like 1%, got \"\(text)\"")
        }
        let rate = isPercent ? value / 100 : value
        guard (0...1).contains(rate) else {
            throw BenchError("--max-error-rate must be between 0 and 1 (0% and 100%), got \"\(text)\"")
        }
        return rate
    }

    /// What the report makes of these marks.
    public func judge(_ report: BenchReport) -> ThresholdVerdict {
        var failures: [String] = []
        if report.requests == 0 {
            failures.append("no request was answered in the measured time")
        } else if report.errorRate > maxErrorRate {
            failures.append(
                "error rate \(Formatting.percent(report.errorRate)) (\(Formatting.count(report.errors)) of \(Formatting.count(report.requests))) "
                    + "is above --max-error-rate \(Formatting.percent(maxErrorRate))"
            )
        }
        if let maxP99Micros, report.requests > 0, report.latency.p99 > maxP99Micros {
            failures.append("p99 \(Formatting.micros(report.latency.p99)) is above --max-p99 \(Formatting.micros(maxP99Micros))")
        }
        return ThresholdVerdict(thresholds: self, failures: failures)
    }
}

/// Whether a run met its thresholds, and in words where it did not.
public struct ThresholdVerdict: Sendable, Hashable {
    public var thresholds: Thresholds
    public var failures: [String]

    public var passed: Bool { failures.isEmpty }

    /// The process exit status this verdict calls for: 0 passed, 1 a threshold failed.
    public var exitStatus: Int32 { passed ? 0 : 1 }
}
