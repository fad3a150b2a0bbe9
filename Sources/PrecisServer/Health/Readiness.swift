import PrecisWire

/// Where the server is in its life, as the health endpoints report it.
enum ServingPhase: UInt8, Sendable {
    /// Listening sockets are being bound; nothing is served yet.
    case starting
    /// Serving requests.
    case serving
    /// Shutting down (SIGTERM or cancellation): still serving during `--drain-delay`, then going
    /// away. Never ready again.
    case draining
}

/// What a probe answers: healthy or not, and a sentence saying why.
struct HealthVerdict: Equatable, Sendable {
    var healthy: Bool
    var reason: String

    static func ok(_ reason: String) -> Self { Self(healthy: true, reason: reason) }
    static func failing(_ reason: String) -> Self { Self(healthy: false, reason: reason) }
}

/// Decides `GET /readyz`: should a load balancer or an orchestrator send this server new work?
/// A pure function of the phase and the worker queue, so it is tested as values.
enum Readiness {
    /// - Parameters:
    ///   - queued: requests waiting for or running on a worker, all connections together.
    ///   - queueLimit: `maxQueuedRequests`; at it, new document work is refused, so the server
    ///     says it is not ready until the queue has room again.
    static func decide(phase: ServingPhase, queued: Int, queueLimit: Int) -> HealthVerdict {
        switch phase {
        case .starting:
            return .failing("starting: not serving yet")
        case .draining:
            return .failing("draining: shutting down, send new work elsewhere")
        case .serving where queued >= queueLimit:
            return .failing("overloaded: \(queued) requests queued for the workers, the limit is \(queueLimit)")
        case .serving:
            return .ok("ready: \(queued) of \(queueLimit) queue places taken")
        }
    }
}

extension HealthResponse {
    /// The health operation's answer: SERVING when ready, DRAINING from SIGTERM on, NOT_SERVING
    /// while starting or overloaded; the reason is the readiness sentence.
    init(phase: ServingPhase, verdict: HealthVerdict) {
        let status: ServingStatus =
            switch phase {
            case .draining: .draining
            case .starting: .notServing
            case .serving: verdict.healthy ? .serving : .notServing
            }
        self.init(status: status, reason: verdict.reason)
    }
}
