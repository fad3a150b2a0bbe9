import Histogram

/// The outcome of a run, in the shape the text, JSON and HTML reports print.
public struct BenchReport: Sendable {
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
    }

    /// A point of the latency-by-percentile curve: `fraction` of the requests took at most
    /// `micros`.
    public struct CurvePoint: Sendable, Hashable {
        public var fraction: Double
        public var micros: UInt64
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

        public init(operation: String, addresses: [String], connections: Int, depth: Int, batch: Int = 1, rate: Double? = nil, payloadBytes: Int = 0, documents: Int = 0) {
            self.operation = operation
            self.addresses = addresses
            self.connections = connections
            self.depth = depth
            self.batch = batch
            self.rate = rate
            self.payloadBytes = payloadBytes
            self.documents = documents
        }
    }

    public var setup: Setup
    public var requests: Int
    public var errors: Int
    public var durationSeconds: Double
    /// Answered requests (OK or not) per second of the measured time.
    public var throughput: Double
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

    public init(
        setup: Setup,
        statistics: BenchStatistics,
        durationSeconds: Double,
        bytesSent: Int? = nil,
        bytesReceived: Int? = nil,
        clientCPUSeconds: Double? = nil,
        serverCPUSeconds: Double? = nil
    ) {
        self.setup = setup
        requests = statistics.requests
        errors = statistics.errors
        self.durationSeconds = durationSeconds
        throughput = durationSeconds > 0 ? Double(requests) / durationSeconds : 0
        latency = Percentiles(statistics.latency)
        serverTime = statistics.serverTime.totalCount > 0 ? Percentiles(statistics.serverTime) : nil
        statusCounts = statistics.statusCounts
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        let perRequest = { (seconds: Double?) -> Double? in
            guard let seconds, statistics.requests > 0 else { return nil }
            return seconds * 1e6 / Double(statistics.requests)
        }
        clientCPUMicrosPerRequest = perRequest(clientCPUSeconds)
        serverCPUMicrosPerRequest = perRequest(serverCPUSeconds)
        curve = Self.curve(of: statistics.latency)
        serverCurve = statistics.serverTime.totalCount > 0 ? Self.curve(of: statistics.serverTime) : []
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
