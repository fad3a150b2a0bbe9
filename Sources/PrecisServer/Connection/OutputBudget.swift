import Synchronization

/// The bytes of answers that all connections together have handed to their channels and the
/// sockets have not yet taken: answers waiting for clients that read slowly or not at all.
/// Past `limit` new document work is refused and answers are replaced by RESOURCE_EXHAUSTED
/// (see `ConnectionStateMachine.answerReady`), so the total stays bounded whatever the clients do.
final class OutputBudget: Sendable {
    let limit: Int
    private let queued = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    var queuedBytes: Int { queued.load(ordering: .relaxed) }

    /// Whether new work should be refused: the budget is spent.
    var isSpent: Bool { queuedBytes >= limit }

    /// Reserves `bytes` if they fit (or if nothing at all is queued: one answer always fits).
    func tryReserve(_ bytes: Int) -> Bool {
        var current = queued.load(ordering: .relaxed)
        while true {
            guard current == 0 || current + bytes <= limit else { return false }
            let (exchanged, original) = queued.compareExchange(
                expected: current, desired: current + bytes, ordering: .relaxed
            )
            if exchanged { return true }
            current = original
        }
    }

    func release(_ bytes: Int) {
        queued.subtract(bytes, ordering: .relaxed)
    }
}
