/// The spread of several runs of one plan (`--repeat N`): each run's throughput, error rate and
/// percentiles, and of each the median and the range (min–max). Two identical runs on a busy
/// machine can differ by 10%; the range says how far one number can be trusted.
public struct RepeatSummary: Sendable, Hashable {
    /// Median, smallest and largest of one figure over the runs.
    public struct Spread: Sendable, Hashable {
        public var median: Double
        public var min: Double
        public var max: Double

        public init(_ values: [Double]) {
            let sorted = values.sorted()
            min = sorted.first ?? 0
            max = sorted.last ?? 0
            median = Self.median(sorted)
        }

        public init(median: Double, min: Double, max: Double) {
            self.median = median
            self.min = min
            self.max = max
        }

        /// The middle value, or the mean of the two middle ones.
        static func median(_ sorted: [Double]) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }

        /// (max − min) / median: 0.05 when the runs were within 5% of each other.
        public var relativeRange: Double { median > 0 ? (max - min) / median : 0 }

        public func overlaps(_ other: Spread) -> Bool { min <= other.max && other.min <= max }
    }

    /// One run's figures.
    public struct Run: Sendable, Hashable {
        public var requests: Int
        public var errors: Int
        public var errorRate: Double
        public var durationSeconds: Double
        public var throughput: Double
        public var latency: BenchReport.Percentiles
    }

    public var runs: [Run]
    public var throughput: Spread
    public var errorRate: Spread
    /// By the keys of `Percentiles.named` (`p50`, `p90`, `p99`, `p999`, `max`, `mean`).
    public var latency: [String: Spread]

    public init(_ reports: [BenchReport]) {
        runs = reports.map {
            Run(requests: $0.requests, errors: $0.errors, errorRate: $0.errorRate, durationSeconds: $0.durationSeconds, throughput: $0.throughput, latency: $0.latency)
        }
        throughput = Spread(reports.map(\.throughput))
        errorRate = Spread(reports.map(\.errorRate))
        var latency: [String: Spread] = [:]
        for key in Self.latencyKeys {
            latency[key] = Spread(reports.map { report in report.latency.named.first { $0.key == key }!.micros })
        }
        self.latency = latency
    }

    public static let latencyKeys = ["p50", "p90", "p99", "p999", "max", "mean"]
}
