import Histogram

/// What one run measured, before it is made into a report: the statistics of each operation of
/// the mix, the timeline and what the process and the server spent. Several runs (`--repeat`)
/// pool into one.
public struct Measurement: Sendable {
    /// In the order of the mix's operations.
    public var operations: [(name: String, weight: Int, statistics: BenchStatistics)]
    /// One per run, with that run's measured seconds.
    public var timelines: [Timeline]
    public var runDurations: [Double]
    public var durationSeconds: Double
    public var bytesSent: Int?
    public var bytesReceived: Int?
    public var clientCPUSeconds: Double?
    public var serverCPUSeconds: Double?

    public init(
        operations: [(name: String, weight: Int, statistics: BenchStatistics)],
        timeline: Timeline = Timeline(),
        durationSeconds: Double,
        bytesSent: Int? = nil,
        bytesReceived: Int? = nil,
        clientCPUSeconds: Double? = nil,
        serverCPUSeconds: Double? = nil
    ) {
        self.operations = operations
        self.timelines = [timeline]
        self.runDurations = [durationSeconds]
        self.durationSeconds = durationSeconds
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        self.clientCPUSeconds = clientCPUSeconds
        self.serverCPUSeconds = serverCPUSeconds
    }

    /// Every operation together.
    public var total: BenchStatistics {
        var total = BenchStatistics()
        for operation in operations { total.merge(operation.statistics) }
        return total
    }

    /// Several runs of the same plan as one: counts and histograms added, durations summed, the
    /// timelines kept one per run.
    public static func pooled(_ runs: [Measurement]) -> Measurement {
        guard var pooled = runs.first else { return Measurement(operations: [], durationSeconds: 0) }
        func add<T: AdditiveArithmetic>(_ a: T?, _ b: T?) -> T? {
            guard let a, let b else { return nil }
            return a + b
        }
        for run in runs.dropFirst() {
            for index in pooled.operations.indices where index < run.operations.count {
                pooled.operations[index].statistics.merge(run.operations[index].statistics)
            }
            pooled.timelines += run.timelines
            pooled.runDurations += run.runDurations
            pooled.durationSeconds += run.durationSeconds
            pooled.bytesSent = add(pooled.bytesSent, run.bytesSent)
            pooled.bytesReceived = add(pooled.bytesReceived, run.bytesReceived)
            pooled.clientCPUSeconds = add(pooled.clientCPUSeconds, run.clientCPUSeconds)
            pooled.serverCPUSeconds = add(pooled.serverCPUSeconds, run.serverCPUSeconds)
        }
        return pooled
    }
}

/// The outcome of a run, in the shape the text, JSON and HTML reports print.
public struct BenchReport: Sendable {
    /// The version of the JSON report's shape (docs/BENCH.md). 1 was the shape before the field
    /// existed; 2 made `throughput` the OK answers per second and added the error rate, the
    /// timeline, the operations, the curve, thresholds, repeats and comparison.
    public static let schemaVersion = 2

    /// p50, p90, p99, p99.9 and the largest value of one histogram, in microseconds.
    public struct Percentiles: Sendable, Hashable {
        public var p50: UInt64
        public var p90: UInt64
        public var p99: UInt64
        public var p999: UInt64
        public var max: UInt64
        public var mean: Double

        public init(_ histogram: Histogram<UInt64>) {
            p50 = histogram.valueAtPercentile(50)
            p90 = histogram.valueAtPercentile(90)
            p99 = histogram.valueAtPercentile(99)
            p999 = histogram.valueAtPercentile(99.9)
            max = histogram.max
            mean = histogram.mean
        }

        public init(p50: UInt64, p90: UInt64, p99: UInt64, p999: UInt64, max: UInt64, mean: Double) {
            self.p50 = p50
            self.p90 = p90
            self.p99 = p99
            self.p999 = p999
            self.max = max
            self.mean = mean
        }

        /// The figures by name, in the order reports print them.
        public var named: [(name: String, key: String, micros: Double)] {
            [("p50", "p50", Double(p50)), ("p90", "p90", Double(p90)), ("p99", "p99", Double(p99)),
             ("p99.9", "p999", Double(p999)), ("max", "max", Double(max)), ("mean", "mean", mean)]
        }
    }

    /// A point of the latency-by-percentile curve: `fraction` of the requests took at most
    /// `micros`.
    public struct CurvePoint: Sendable, Hashable {
        public var fraction: Double
        public var micros: UInt64

        public init(fraction: Double, micros: UInt64) {
            self.fraction = fraction
            self.micros = micros
        }
    }

    /// One second of the timeline.
    public struct TimelinePoint: Sendable, Hashable {
        /// The run (1 ... N with `--repeat N`) and the second within it (0 is the first measured).
        public var run: Int
        public var second: Int
        /// 1, or less for the last, partial second.
        public var durationSeconds: Double
        public var ok: Int
        public var errors: Int
        /// Latency of the answers of that second (nil when there were none).
        public var p50Micros: UInt64?
        public var p99Micros: UInt64?
        public var maxMicros: UInt64?

        public var throughput: Double { Double(ok) / durationSeconds }
        public var errorsPerSecond: Double { Double(errors) / durationSeconds }
    }

    /// One operation of the mix on its own.
    public struct OperationReport: Sendable {
        public var name: String
        public var weight: Int
        public var requests: Int
        public var ok: Int
        public var errors: Int
        public var errorRate: Double
        /// OK answers per second of the measured time.
        public var throughput: Double
        public var latency: Percentiles
        public var serverTime: Percentiles?
        public var statusCounts: [String: Int]
    }

    /// What was run, for the report's heading.
    public struct Setup: Sendable, Hashable {
        public var operation: String
        public var addresses: [String]
        public var connections: Int
        public var depth: Int
        /// Requests sent together in one write (`PrecisClient.callBatch`); 1 sends each alone.
        public var batch: Int
        /// Requests per second of an open-loop run; nil for a closed loop.
        public var rate: Double?
        public var payloadBytes: Int
        public var documents: Int
        /// Runs pooled in this report (`--repeat`).
        public var repeats: Int

        public init(operation: String, addresses: [String], connections: Int, depth: Int, batch: Int = 1, rate: Double? = nil, payloadBytes: Int = 0, documents: Int = 0, repeats: Int = 1) {
            self.operation = operation
            self.addresses = addresses
            self.connections = connections
            self.depth = depth
            self.batch = batch
            self.rate = rate
            self.payloadBytes = payloadBytes
            self.documents = documents
            self.repeats = repeats
        }
    }

    public var setup: Setup
    /// Every request measured, OK or not.
    public var requests: Int
    public var ok: Int
    public var errors: Int
    /// errors / requests (0 when there were no requests).
    public var errorRate: Double
    public var durationSeconds: Double
    /// OK answers per second of the measured time: the headline.
    public var throughput: Double
    /// Every answer (OK or not) per second, and the errors alone.
    public var answeredThroughput: Double
    public var errorsPerSecond: Double
    public var latency: Percentiles
    /// The server's own time (`Response.server_micros`) of the OK answers; nil if there were none.
    public var serverTime: Percentiles?
    public var statusCounts: [String: Int]
    /// Bytes this process wrote to and read from its sockets while measuring; nil where the
    /// system does not say (it is read from /proc/self/io).
    public var bytesSent: Int?
    public var bytesReceived: Int?
    /// CPU time of this process (all threads) per request, in microseconds.
    public var clientCPUMicrosPerRequest: Double?
    /// CPU time of the server process given by `--server-pid` per request, in microseconds.
    public var serverCPUMicrosPerRequest: Double?
    public var curve: [CurvePoint]
    public var serverCurve: [CurvePoint]
    public var operations: [OperationReport]
    public var timeline: [TimelinePoint]
    /// With `--repeat N`: each run's figures and their median and range.
    public var repeats: RepeatSummary?
    /// Set by the command once it has judged the run.
    public var thresholds: ThresholdVerdict?
    /// Set with `--compare`.
    public var comparison: Comparison?

    public init(setup: Setup, measurement: Measurement) {
        let statistics = measurement.total
        let durationSeconds = measurement.durationSeconds
        self.setup = setup
        requests = statistics.requests
        ok = statistics.ok
        errors = statistics.errors
        errorRate = requests > 0 ? Double(errors) / Double(requests) : 0
        self.durationSeconds = durationSeconds
        func perSecond(_ count: Int) -> Double { durationSeconds > 0 ? Double(count) / durationSeconds : 0 }
        throughput = perSecond(ok)
        answeredThroughput = perSecond(requests)
        errorsPerSecond = perSecond(errors)
        latency = Percentiles(statistics.latency)
        serverTime = statistics.serverTime.totalCount > 0 ? Percentiles(statistics.serverTime) : nil
        statusCounts = statistics.statusCounts
        bytesSent = measurement.bytesSent
        bytesReceived = measurement.bytesReceived
        let perRequest = { (seconds: Double?) -> Double? in
            guard let seconds, statistics.requests > 0 else { return nil }
            return seconds * 1e6 / Double(statistics.requests)
        }
        clientCPUMicrosPerRequest = perRequest(measurement.clientCPUSeconds)
        serverCPUMicrosPerRequest = perRequest(measurement.serverCPUSeconds)
        curve = Self.curve(of: statistics.latency)
        serverCurve = statistics.serverTime.totalCount > 0 ? Self.curve(of: statistics.serverTime) : []
        operations = measurement.operations.map { operation in
            let s = operation.statistics
            return OperationReport(
                name: operation.name,
                weight: operation.weight,
                requests: s.requests,
                ok: s.ok,
                errors: s.errors,
                errorRate: s.requests > 0 ? Double(s.errors) / Double(s.requests) : 0,
                throughput: perSecond(s.ok),
                latency: Percentiles(s.latency),
                serverTime: s.serverTime.totalCount > 0 ? Percentiles(s.serverTime) : nil,
                statusCounts: s.statusCounts
            )
        }
        timeline = measurement.timelines.enumerated().flatMap { index, line in
            let seconds = index < measurement.runDurations.count ? measurement.runDurations[index] : Double(line.seconds.count)
            return line.points(durationSeconds: seconds, run: index + 1)
        }
    }

    /// A report of one operation's statistics alone (tests, and callers that have no mix).
    public init(setup: Setup, statistics: BenchStatistics, durationSeconds: Double, bytesSent: Int? = nil, bytesReceived: Int? = nil, clientCPUSeconds: Double? = nil, serverCPUSeconds: Double? = nil) {
        self.init(
            setup: setup,
            measurement: Measurement(
                operations: [(setup.operation, 1, statistics)],
                durationSeconds: durationSeconds,
                bytesSent: bytesSent,
                bytesReceived: bytesReceived,
                clientCPUSeconds: clientCPUSeconds,
                serverCPUSeconds: serverCPUSeconds
            )
        )
    }

    /// The percentile curve HdrHistogram's plotter draws: five points per halving of the
    /// remaining fraction (50%, 75%, 87.5%, ...), up to the largest value.
    static func curve(of histogram: Histogram<UInt64>) -> [CurvePoint] {
        guard histogram.totalCount > 0 else { return [] }
        var points: [CurvePoint] = []
        for step in histogram.percentiles(ticksPerHalfDistance: 5) {
            let point = CurvePoint(fraction: step.percentileLevelIteratedTo / 100, micros: step.value)
            if let last = points.last, last.fraction >= point.fraction { continue }
            points.append(point)
        }
        return points
    }
}

/// A finished run (or several pooled): what it measured, and the report made of it.
public struct BenchResult: Sendable {
    public var setup: BenchReport.Setup
    public var measurement: Measurement

    public init(setup: BenchReport.Setup, measurement: Measurement) {
        self.setup = setup
        self.measurement = measurement
    }

    public var report: BenchReport { BenchReport(setup: setup, measurement: measurement) }

    /// Every operation's latencies together, as `--hdr-out` writes them.
    public var statistics: BenchStatistics { measurement.total }
    public var histogramText: String { statistics.histogramText() }

    /// Runs of one plan (`--repeat`) as one result.
    public static func pooled(_ results: [BenchResult]) -> BenchResult {
        var setup = results.first?.setup ?? BenchReport.Setup(operation: "", addresses: [], connections: 0, depth: 0)
        setup.repeats = results.count
        return BenchResult(setup: setup, measurement: Measurement.pooled(results.map(\.measurement)))
    }
}
