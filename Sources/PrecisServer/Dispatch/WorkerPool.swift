import NIOCore
import NIOPosix
import Synchronization

/// Runs engine work on its own threads, never on the event loops, with a bound on the work
/// queued or running across all connections.
final class WorkerPool: Sendable {
    private let threadPool: NIOThreadPool
    private let queued = Atomic<Int>(0)
    let limit: Int

    init(threads: Int, limit: Int) {
        self.threadPool = NIOThreadPool(numberOfThreads: max(1, threads))
        self.limit = limit
        threadPool.start()
    }

    var queuedCount: Int { queued.load(ordering: .relaxed) }

    /// Queues `work`; returns false, running nothing, when the queue is full.
    func trySubmit(_ work: @escaping @Sendable () -> Void) -> Bool {
        let (_, now) = queued.add(1, ordering: .relaxed)
        guard now <= limit else {
            queued.subtract(1, ordering: .relaxed)
            return false
        }
        threadPool.submit { state in
            defer { self.queued.subtract(1, ordering: .relaxed) }
            guard case .active = state else { return }
            work()
        }
        return true
    }

    func shutdown() async throws {
        try await threadPool.shutdownGracefully()
    }
}
