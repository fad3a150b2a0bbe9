import Logging
import NIOCore
import PrecisEngine
import PrecisWire

/// Engine work: handed to the worker pool with a deadline; its answer comes back to the event
/// loop, through the output budget, to be written.
extension ServerConnectionHandler {
    func dispatch(_ request: Request, ticket: UInt64, context: ChannelHandlerContext) {
        let id = request.id
        let timeout = request.timeoutMs > 0 ? .milliseconds(Int64(request.timeoutMs)) : router.configuration.defaultTimeout
        let received = context.eventLoop.now
        let deadline = received + timeout
        // The engine stops at the deadline, on a cancel, when the connection closes or at shutdown.
        let cancelSignal = InterruptSignal(parent: liveness.signal)
        let interrupt = Interrupt(deadline: .now + .nanoseconds(timeout.nanoseconds), signal: cancelSignal)
        let operation = ServerMetrics.Operation(request.operation)
        let router = self.router
        let liveness = self.liveness
        let allocator = context.channel.allocator
        let eventLoop = context.eventLoop
        let handler = NIOLoopBound(self, eventLoop: eventLoop)
        let logger = self.logger
        guard !outputBudget.isSpent else {
            // Envoy's overload manager stops taking requests when memory runs short: answers
            // clients have not read fill the output budget, so new work waits for them.
            logger.debug("output budget spent", metadata: ["id": "\(id)", "unread_bytes": "\(outputBudget.queuedBytes)"])
            refuse(id: id, ticket: ticket, operation, "server is busy: its output budget is spent on answers clients have not read; retry later")
            return
        }
        let accepted = pool.trySubmit(from: ObjectIdentifier(liveness)) {
            // Skip work nobody waits for any more: the connection closed or the deadline passed
            // (the deadline timer answers for it).
            guard liveness.isOpen, NIODeadline.now() < deadline, cancelSignal.reason == nil else { return }
            guard !liveness.isBacklogged else {
                let message = "not run: the answers waiting on this connection are over its unread budget; read them, then retry"
                eventLoop.execute { handler.value.refuse(id: id, ticket: ticket, operation, message) }
                return
            }
            let started = NIODeadline.now()
            let response = router.respond(to: request, interrupt: interrupt)
            let ran = NIODeadline.now()
            Self.logFailure(response, logger: logger, rejections: router.rejections)
            let frame = router.frame(for: response, allocator: allocator)
            var outcome = RequestOutcome(operation, response.status?.code ?? .ok, nanoseconds: (NIODeadline.now() - received).nanoseconds)
            outcome.queueNanoseconds = (started - received).nanoseconds
            outcome.runNanoseconds = (ran - started).nanoseconds
            router.metrics.workDone(operation, waited: outcome.queueNanoseconds!, ran: outcome.runNanoseconds!)
            eventLoop.execute { handler.value.finish(id: id, ticket: ticket, answer: .encoded(frame), outcome: outcome) }
        }
        guard accepted else {
            logger.debug("worker queue full", metadata: ["id": "\(id)", "queued": "\(pool.queuedCount)"])
            refuse(id: id, ticket: ticket, operation, "server is busy: \(pool.limit) requests are queued; retry later")
            return
        }
        cancellable[id] = Cancellable(signal: cancelSignal, ticket: ticket, operation: operation)
        deadlines[id] = eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            let error = WireError(code: .deadlineExceeded, message: "deadline of \(timeout.nanoseconds / 1_000_000) ms exceeded", requestID: id)
            let outcome = RequestOutcome(operation, .deadlineExceeded, nanoseconds: timeout.nanoseconds)
            self.router.overload.log(
                .warning, self.logger, "deadline exceeded: \(error.message)",
                metadata: ["id": "\(id)", "operation": "\(operation)", "queued": "\(self.pool.queuedCount)"]
            )
            self.finish(id: id, ticket: ticket, answer: .response(Self.errorResponse(error)), outcome: outcome)
        }
    }

    /// `Request{id, cancel}`: request `id`, if a worker has it (queued or running), is stopped and
    /// answered CANCELLED now; a late answer from the worker is dropped. An id that is not in
    /// flight (answered already, never sent, or a ping) is ignored: a cancel gets no answer itself.
    func cancelRequested(_ id: UInt64) {
        guard let entry = cancellable[id] else { return }
        entry.signal.raise(.cancelled)
        logger.debug("request cancelled by the client", metadata: ["id": "\(id)"])
        let error = WireError(code: .cancelled, message: "cancelled by the client", requestID: id)
        let outcome = RequestOutcome(entry.operation, .cancelled, nanoseconds: nil)
        finish(id: id, ticket: entry.ticket, answer: .response(Self.errorResponse(error)), outcome: outcome)
    }

    /// Answers a request RESOURCE_EXHAUSTED without running it.
    func refuse(id: UInt64, ticket: UInt64, _ operation: ServerMetrics.Operation, _ message: String) {
        let error = WireError(code: .resourceExhausted, message: message, requestID: id)
        router.overload.log(.warning, logger, "refusing request: \(message)", metadata: ["id": "\(id)", "operation": "\(operation)"])
        let outcome = RequestOutcome(operation, .resourceExhausted, nanoseconds: nil)
        finish(id: id, ticket: ticket, answer: .response(Self.errorResponse(error)), outcome: outcome)
    }

    /// Writes the answer of a dispatched request, unless it was answered already.
    func finish(id: UInt64, ticket: UInt64, answer: Answer, outcome: RequestOutcome) {
        guard let context else { return }
        if !cancellable.isEmpty { cancellable.removeValue(forKey: id) }
        switch machine.requestFinished(id: id, ticket: ticket) {
        case .drop:
            return
        case .write(let close):
            deadlines.removeValue(forKey: id)?.cancel()
            if close && !isLingering {
                answered(id: id, outcome, code: outcome.code, answer: answer, context: context)
                writeAndClose(answer, context: context)
                return
            }
            guard case .encoded(let frame) = answer else {
                answered(id: id, outcome, code: outcome.code, answer: answer, context: context)
                write(answer, context: context)
                resumeInput(context: context)
                return
            }
            let bytes = frame.readableBytes
            switch machine.answerReady(id: id, bytes: bytes, reserveGlobal: { outputBudget.tryReserve(bytes) }) {
            case .write:
                answered(id: id, outcome, code: outcome.code, answer: answer, context: context)
                writeCounted(frame, context: context)
            case .refuse(let error):
                logger.debug("answer refused: \(error.message)", metadata: ["id": "\(id)"])
                let refusal = Self.errorResponse(error)
                answered(id: id, outcome, code: error.code, answer: .response(refusal), context: context)
                write(refusal, context: context)
            }
            resumeInput(context: context)
        }
    }
}
