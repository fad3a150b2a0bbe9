import NIOCore
import PrecisEngine
import Synchronization

/// Whether a connection is still open, and whether its client is behind on reading, readable
/// from worker threads: work queued for a connection that has gone is skipped instead of
/// computed for nobody, work already running for it is stopped (closing raises `signal`, which
/// every engine call of the connection checks), and work for a client whose unread answers are
/// over its budget is answered RESOURCE_EXHAUSTED instead of computed into an answer that would
/// be refused.
final class ConnectionLiveness: Sendable {
    private let open = Atomic<Bool>(true)
    private let backlogged = Atomic<Bool>(false)
    /// Raised (cancelled) when the connection closes; follows the worker pool's signal.
    let signal: InterruptSignal

    init(parent: InterruptSignal? = nil) {
        self.signal = InterruptSignal(parent: parent)
    }

    var isOpen: Bool { open.load(ordering: .relaxed) }

    func close() {
        open.store(false, ordering: .relaxed)
        signal.raise(.cancelled)
    }

    var isBacklogged: Bool { backlogged.load(ordering: .relaxed) }

    func setBacklogged(_ value: Bool) { backlogged.store(value, ordering: .relaxed) }
}
