import NIOCore
import PrecisClient

/// Everything a run needs, checked: where to, how many in flight, what to send, for how long.
public struct BenchPlan: Sendable {
    public var endpoints: [PrecisClient.Endpoint]
    /// Connections; connection `c` goes to endpoint `c % endpoints.count`.
    public var connections: Int
    /// Requests in flight on each connection (closed loop), or at most in flight (open loop).
    public var depth: Int
    /// Closed loop only: each worker sends this many requests at a time in one write and waits
    /// for all of them (as redis-benchmark's -P does); `depth / batch` workers per connection.
    public var batch: Int
    public var workload: Workload
    /// Stop after this long of measuring, or after `requests` measured requests.
    public var duration: TimeAmount?
    public var requests: Int?
    /// Sent before measuring starts, not counted.
    public var warmup: TimeAmount
    /// Requests per second on a fixed schedule (open loop); nil keeps every slot busy (closed).
    public var rate: Double?
    public var timeout: TimeAmount?
    /// Print a line each second to standard error.
    public var progress: Bool
    /// A server process whose CPU time to read while measuring.
    public var serverPID: Int32?

    public init(
        endpoints: [PrecisClient.Endpoint],
        connections: Int,
        depth: Int,
        batch: Int = 1,
        workload: Workload,
        duration: TimeAmount?,
        requests: Int?,
        warmup: TimeAmount = .zero,
        rate: Double? = nil,
        timeout: TimeAmount? = .seconds(30),
        progress: Bool = false,
        serverPID: Int32? = nil
    ) {
        self.endpoints = endpoints
        self.connections = connections
        self.depth = depth
        self.batch = batch
        self.workload = workload
        self.duration = duration
        self.requests = requests
        self.warmup = warmup
        self.rate = rate
        self.timeout = timeout
        self.progress = progress
        self.serverPID = serverPID
    }

    var setup: BenchReport.Setup {
        BenchReport.Setup(
            operation: workload.mix.description,
            addresses: endpoints.map(\.description),
            connections: connections,
            depth: depth,
            batch: batch,
            rate: rate,
            payloadBytes: workload.mix.weights.contains { $0.operation == .ping } ? workload.payloadBytes : 0,
            documents: workload.mix.needsDocuments ? workload.documentCount : 0
        )
    }
}
