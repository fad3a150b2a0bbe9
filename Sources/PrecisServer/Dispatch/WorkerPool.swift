import NIOCore
import NIOPosix
import PrecisEngine
import Synchronization

/// Runs engine work on its own threads, never on the event loops, with a bound on the work
/// queued or running across all connections.
///
/// Queued work is taken round robin across connections (``FairQueue``): each submission hands the
/// thread pool a job that runs whichever queued work is next in turn, so a connection with many
/// requests queued delays another connection's next request by at most one of its own requests
/// per worker, not by all of them.
final class WorkerPool: Sendable {
    typealias Job = @Sendable () -> Void

    private let threadPool: NIOThreadPool
    private let waiting = Mutex(FairQueue<ObjectIdentifier, Job>())
    private let queued = Atomic<Int>(0)
    let limit: Int
    /// The parent of every connection's signal: raised when the server stops waiting for work at
    /// shutdown, it stops running engine work at its next check.
    let interruptSignal = InterruptSignal()

    init(threads: Int, limit: Int) {
        self.threadPool = NIOThreadPool(numberOfThreads: max(1, threads))
        self.limit = limit
        threadPool.start()
    }

    /// Requests queued or running, all connections.
    var queuedCount: Int { queued.load(ordering: .relaxed) }

    /// Queues `work` behind the other work of `connection`; returns false, running nothing,
    /// when the queue is full.
    func trySubmit(from connection: ObjectIdentifier, _ work: @escaping Job) -> Bool {
        let (_, now) = queued.add(1, ordering: .relaxed)
        guard now <= limit else {
            queued.subtract(1, ordering: .relaxed)
            return false
        }
        waiting.withLock { $0.enqueue(work, for: connection) }
        threadPool.submit { state in
            defer { self.queued.subtract(1, ordering: .relaxed) }
            // One job per submission: this one runs whatever work is next in turn.
            guard let next = self.waiting.withLock({ $0.dequeue() }), case .active = state else { return }
            next()
        }
        return true
    }

    /// Stops the threads once the work they are running returns; queued work is dropped.
    func shutdown() async throws {
        try await threadPool.shutdownGracefully()
    }

    /// Stops the threads like `shutdown()`; `done` is called (on a thread of the pool's own) once
    /// they have stopped, without needing a Swift task to run.
    func shutdown(_ done: @escaping @Sendable () -> Void) {
        threadPool.shutdownGracefully { _ in done() }
    }
}
