import NIOCore

/// Runs tasks on a NIO event loop: a load-generating task that prefers the event loop of its
/// connection (`withTaskExecutorPreference`) is resumed there when its answer arrives and hands
/// its next request to the connection handler directly, with no hop between threads in either
/// direction.
final class EventLoopExecutor: TaskExecutor, Sendable {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
