import PrecisWire

/// How a request in flight ended, for the metrics: its operation, the status of its answer and
/// its latency (nil when it never ran, such as a request refused because the queue was full).
struct RequestOutcome: Sendable {
    let operation: ServerMetrics.Operation
    let code: StatusCode
    let nanoseconds: Int64?
    /// For work a worker ran: how long it waited for the worker, and ran on it (access log).
    var queueNanoseconds: Int64?
    var runNanoseconds: Int64?

    init(_ operation: ServerMetrics.Operation, _ code: StatusCode, nanoseconds: Int64?) {
        self.operation = operation
        self.code = code
        self.nanoseconds = nanoseconds
    }

    /// An answer produced by `RequestRouter.respond`, timed by it.
    init(_ operation: ServerMetrics.Operation, _ response: Response) {
        self.init(operation, response.status?.code ?? .ok, nanoseconds: Int64(response.serverMicros) &* 1000)
    }
}
