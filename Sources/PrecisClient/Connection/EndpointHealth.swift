import NIOCore
import Synchronization

/// A circuit breaker for one endpoint, as a plain value: after a failed connect the endpoint is
/// skipped for a backoff that doubles with each failure in a row (up to a cap); once the backoff
/// has passed one attempt is let through, and a success closes the circuit again.
struct EndpointCircuit: Sendable {
    let baseBackoff: TimeAmount
    let maxBackoff: TimeAmount
    private(set) var failures = 0
    private(set) var openUntil: NIODeadline?

    init(baseBackoff: TimeAmount, maxBackoff: TimeAmount) {
        self.baseBackoff = baseBackoff
        self.maxBackoff = max(baseBackoff, maxBackoff)
    }

    /// Whether new connections may be tried at `now`.
    func isAvailable(at now: NIODeadline) -> Bool {
        guard let openUntil else { return true }
        return now >= openUntil
    }

    mutating func succeeded() {
        failures = 0
        openUntil = nil
    }

    mutating func failed(at now: NIODeadline) {
        failures += 1
        openUntil = now + backoff(afterFailures: failures)
    }

    func backoff(afterFailures failures: Int) -> TimeAmount {
        let doublings = min(max(0, failures - 1), 30)
        let nanos = baseBackoff.nanoseconds.multipliedReportingOverflow(by: Int64(1) << doublings)
        return nanos.overflow ? maxBackoff : min(.nanoseconds(nanos.partialValue), maxBackoff)
    }
}

/// The circuit of one endpoint, shared by the pool's slots that connect to it.
final class EndpointHealth: Sendable {
    private let circuit: Mutex<EndpointCircuit>

    init(baseBackoff: TimeAmount, maxBackoff: TimeAmount) {
        circuit = Mutex(EndpointCircuit(baseBackoff: baseBackoff, maxBackoff: maxBackoff))
    }

    func isAvailable(at now: NIODeadline = .now()) -> Bool {
        circuit.withLock { $0.isAvailable(at: now) }
    }

    func succeeded() {
        circuit.withLock { $0.succeeded() }
    }

    func failed(at now: NIODeadline = .now()) {
        circuit.withLock { $0.failed(at: now) }
    }
}
