import PrecisClient
import PrecisWire
import Synchronization

extension JSONLBatch {
    /// Whether any line has reached the server, and whether the batch has given up on reaching
    /// it; shared by every line's attempts.
    final class Reachability: Sendable {
        private let reached = Atomic<Bool>(false)
        private let unreachable = Atomic<Bool>(false)

        var isUnreachable: Bool { unreachable.load(ordering: .relaxed) }
        func markReached() { reached.store(true, ordering: .relaxed) }

        /// After a line's last connect failure: if no line ever reached the server, the rest
        /// fail at once instead of each waiting out its retries.
        func connectFailed() {
            if !reached.load(ordering: .relaxed) { unreachable.store(true, ordering: .relaxed) }
        }
    }

    /// One line's request and its retries.
    struct Attempt: Sendable {
        let configuration: Configuration
        let call: Call
        let reachability: Reachability

        struct Outcome: Sendable {
            var result: Result<Response, PrecisError>
            var attempts: Int
        }

        func run(_ operation: Request.Operation) async -> Outcome {
            let clock = ContinuousClock()
            let deadline = clock.now + configuration.timeout
            var backoff = configuration.firstBackoff
            var attempts = 0
            var last: PrecisError?
            while true {
                if reachability.isUnreachable {
                    let error = last ?? PrecisError(
                        code: .unavailable,
                        message: "not sent: no line could reach the server",
                        origin: .cannotConnect
                    )
                    return Outcome(result: .failure(error), attempts: max(attempts, 1))
                }
                attempts += 1
                let result = await call(operation, max(deadline - clock.now, .milliseconds(1)))
                guard case .failure(let error) = result else {
                    reachability.markReached()
                    return Outcome(result: result, attempts: attempts)
                }
                last = error
                if !error.isConnectFailure { reachability.markReached() }
                // Full jitter over the upper half, so that lines refused together come back apart.
                let wait = backoff * Double.random(in: 0.5...1.0)
                guard Self.isRetryable(error), attempts < configuration.maxAttempts, clock.now + wait < deadline,
                    !Task.isCancelled
                else {
                    if error.isConnectFailure { reachability.connectFailed() }
                    return Outcome(result: result, attempts: attempts)
                }
                try? await Task.sleep(for: wait)
                backoff = min(backoff * 2, configuration.maxBackoff)
            }
        }

        /// The server was busy or the connection went: worth another try. A request the client
        /// refused itself (over the frame limit, say) would fail the same way again.
        static func isRetryable(_ error: PrecisError) -> Bool {
            switch error.code {
            case .resourceExhausted: error.origin == .server
            case .unavailable: error.origin != .notPrecis && error.origin != .client
            default: false
            }
        }
    }
}
