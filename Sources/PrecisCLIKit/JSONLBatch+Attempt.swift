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

    /// How many requests the batch keeps in flight, below `--concurrency` while the server says
    /// it is full: halved on RESOURCE_EXHAUSTED, at most once per half window of answers (so
    /// once per round trip, not once per refusal of the same burst), and raised by one per
    /// window of successful answers after that: additive increase, multiplicative decrease, as
    /// TCP does. A batch against a small queue slows down instead of failing lines.
    final class Congestion: Sendable {
        private struct State {
            var window: Double
            var answersSinceDecrease: Int
        }
        private let state: Mutex<State>
        private let ceiling: Double

        init(limit: Int) {
            ceiling = Double(limit)
            state = Mutex(State(window: Double(limit), answersSinceDecrease: limit))
        }

        var limit: Int { state.withLock { max(1, Int($0.window)) } }

        func refused() {
            state.withLock { state in
                state.answersSinceDecrease += 1
                guard Double(state.answersSinceDecrease) >= state.window / 2 else { return }
                state.window = max(1, state.window / 2)
                state.answersSinceDecrease = 0
            }
        }

        func answered() {
            state.withLock { state in
                state.answersSinceDecrease += 1
                state.window = min(ceiling, state.window + 1 / state.window)
            }
        }
    }

    /// One line's request and its retries.
    struct Attempt: Sendable {
        let configuration: Configuration
        let call: Call
        let reachability: Reachability
        let congestion: Congestion

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
                    congestion.answered()
                    return Outcome(result: result, attempts: attempts)
                }
                last = error
                if error.code == .resourceExhausted && error.origin == .server { congestion.refused() }
                if !error.isConnectFailure { reachability.markReached() }
                // Full jitter over the upper half, so that lines refused together come back apart.
                let wait = backoff * Double.random(in: 0.5...1.0)
                let allowed = error.isConnectFailure ? configuration.maxConnectAttempts : configuration.maxAttempts
                guard Self.isRetryable(error), attempts < allowed, clock.now + wait < deadline,
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
