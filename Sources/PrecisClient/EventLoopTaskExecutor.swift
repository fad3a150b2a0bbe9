import NIOCore

/// A `TaskExecutor` that runs tasks on one NIO event loop.
///
/// A task that prefers the event loop of its client's connection sends each call from the
/// loop itself and is resumed there when the answer is read: no hop between threads in either
/// direction, which on a busy client is a large share of the cost of a call. For hot loops of
/// calls (a load generator, a batch job), create the client on one event loop and run the
/// callers with this executor as their preference:
///
/// ```swift
/// let loop = MultiThreadedEventLoopGroup.singleton.next()
/// let client = PrecisClient(host: "127.0.0.1", port: 7450, eventLoopGroup: loop)
/// try await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
///     for text in texts { _ = try await client.summarize(Document(text)) }
/// }
/// ```
///
/// Work that blocks (file I/O, heavy computation) does not belong on an event loop: it stalls
/// the connection's reads and writes for as long as it runs.
public final class EventLoopTaskExecutor: TaskExecutor, Sendable {
    public let eventLoop: any EventLoop

    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
