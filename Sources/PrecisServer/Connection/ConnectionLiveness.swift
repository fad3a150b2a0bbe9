import Synchronization

/// Whether a connection is still open, readable from worker threads, so that work queued for a
/// connection that has gone is skipped instead of computed for nobody.
final class ConnectionLiveness: Sendable {
    private let open = Atomic<Bool>(true)

    var isOpen: Bool { open.load(ordering: .relaxed) }

    func close() { open.store(false, ordering: .relaxed) }
}
