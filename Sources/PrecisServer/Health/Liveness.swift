import NIOCore

/// Decides `GET /healthz`: is the process alive and are its I/O threads turning? Each event
/// loop of the group is asked to run an empty task; the verdict is failing when one has not run
/// it within `timeout` (a loop wedged by a blocking call), which is what a liveness probe should
/// restart a process for. Busy workers are not a liveness failure (see `Readiness`).
enum Liveness {
    static let defaultTimeout = TimeAmount.seconds(1)

    /// - Parameters:
    ///   - loops: the event loops to check.
    ///   - answerOn: the loop the verdict completes on (the caller's).
    static func check(
        _ loops: [any EventLoop],
        answerOn: any EventLoop,
        timeout: TimeAmount = Liveness.defaultTimeout
    ) -> EventLoopFuture<HealthVerdict> {
        let promise = answerOn.makePromise(of: HealthVerdict.self)
        // Touched only on `answerOn`: how many loops answered, and whether the verdict is out.
        let tally = NIOLoopBoundBox((answered: 0, done: false), eventLoop: answerOn)
        let timer = answerOn.scheduleTask(in: timeout) {
            guard !tally.value.done else { return }
            tally.value.done = true
            let late = loops.count - tally.value.answered
            promise.succeed(.failing("\(late) of \(loops.count) event loops did not answer within \(timeout.humanReadable)"))
        }
        for loop in loops {
            loop.submit {}.hop(to: answerOn).whenComplete { _ in
                tally.value.answered += 1
                guard tally.value.answered == loops.count, !tally.value.done else { return }
                tally.value.done = true
                timer.cancel()
                promise.succeed(.ok("alive: \(loops.count) event loops answered"))
            }
        }
        if loops.isEmpty {
            tally.value.done = true
            timer.cancel()
            promise.succeed(.ok("alive"))
        }
        return promise.futureResult
    }
}
