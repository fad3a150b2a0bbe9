import NIOCore
import PrecisEngine
import Synchronization

/// Whether a connection is still open, readable from worker threads, so that work queued for a
/// connection that has gone is skipped instead of computed for nobody, and work already running
/// for it is stopped: closing raises `signal`, which every engine call of the connection checks.
final class ConnectionLiveness: Sendable {
    private let open = Atomic<Bool>(true)
    /// Raised (cancelled) when the connection closes; follows the worker pool's signal.
    let signal: InterruptSignal

    init(parent: InterruptSignal? = nil) {
        self.signal = InterruptSignal(parent: parent)
    }

    var isOpen: Bool { open.load(ordering: .relaxed) }

    /// What the engine checks for a request of this connection: its deadline, `timeout` from
    /// now, and this connection's signal.
    func interrupt(after timeout: TimeAmount) -> Interrupt {
        Interrupt(deadline: .now + .nanoseconds(timeout.nanoseconds), signal: signal)
    }

    func close() {
        open.store(false, ordering: .relaxed)
        signal.raise(.cancelled)
    }
}
