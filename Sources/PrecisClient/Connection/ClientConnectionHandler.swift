import NIOCore
import PrecisWire

/// The client side of one connection: sends the preface, matches responses to calls by id,
/// enforces call deadlines, and fails every pending call when the connection goes.
///
/// Calls reach it through `send` (called on the event loop by `ClientConnection`), not through
/// the pipeline: no promise per write, no boxing, one write for a whole batch. Frames are cut
/// out of the byte stream here too (not by a `ByteToMessageHandler` in front), so answers reach
/// `received` without being boxed and cast for the pipeline.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        var waiter: CallWaiter
        var deadline: NIODeadline?
        var timeout: TimeAmount?
    }

    private var pending: [UInt64: Pending] = [:]
    /// One timer for all the calls' deadlines, armed for the earliest of them. (A scheduled
    /// task per call cost a heap insertion and a removal on the event loop for every call,
    /// about a tenth of the client's CPU when pipelining.)
    private var deadlineTimer: Scheduled<Void>?
    private var deadlineTimerAt: NIODeadline?
    private var failure: PrecisError?
    private var context: ChannelHandlerContext?
    /// The server said it is going away: close once the calls already sent are answered.
    private var goingAway = false
    private var flushScheduled = false
    private var inbound = ClientInbound()
    private let state: ClientConnectionState
    private var frames: NIOSingleStepByteToMessageProcessor<PrecisFrameDecoder>

    init(state: ClientConnectionState, maxFrameBytes: Int) {
        self.state = state
        self.frames = NIOSingleStepByteToMessageProcessor(PrecisFrameDecoder(maxFrameBytes: maxFrameBytes))
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        // Every waiter is resumed exactly once, even if the handler goes without the channel
        // going inactive first.
        failAll(failure ?? PrecisError.connectionLost)
    }

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: Preface.byteCount)
        Preface.current.write(to: &buffer)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.markUnusable()
        // Calls sent from now on fail at once.
        failure = failure ?? (inbound.sawPreface ? PrecisError.connectionLost : PrecisError.closedBeforePreface)
        failAll(failure!)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failure = failure ?? PrecisError(code: .unavailable, message: "the connection failed: \(ConnectFailure.describe(error))", origin: .connectionLost)
        context.close(promise: nil)
    }

    // MARK: outbound

    /// Registers `calls` and writes their frames; the frames of calls written in the same
    /// event-loop tick share one flush (one syscall). On a closed connection the calls fail.
    func send(_ calls: OutboundCalls) {
        guard let context, failure == nil else {
            calls.fail(failure ?? PrecisError.connectionLost)
            return
        }
        guard !goingAway else {
            // Raced with the server's going-away notice: UNAVAILABLE, so the call is retried
            // on another connection.
            calls.fail(PrecisError(code: .unavailable, message: "the server is going away", origin: .connectionLost))
            return
        }
        var deadline: NIODeadline?
        if let timeout = calls.timeout {
            deadline = NIODeadline.now() + timeout
            armDeadlineTimer(for: deadline!, context: context)
        }
        for (index, id) in calls.ids.enumerated() {
            pending[id] = Pending(waiter: calls.waiter(index), deadline: deadline, timeout: calls.timeout)
        }
        context.write(wrapOutboundOut(calls.frames), promise: nil)
        guard !flushScheduled else { return }
        flushScheduled = true
        context.eventLoop.assumeIsolated().execute {
            self.flushScheduled = false
            self.context?.flush()
        }
    }

    /// Gives up on a call (its task was cancelled) and tells the server, which stops the work
    /// (`Request{id, cancel}`; its CANCELLED answer then finds no waiter and is dropped).
    func cancel(_ id: UInt64) {
        guard pending[id] != nil else { return }
        if let context, failure == nil {
            var frame = context.channel.allocator.buffer(capacity: 16)
            if (try? frame.writeFrame(Request(id: id, operation: .cancel(CancelRequest())))) != nil {
                context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
            }
        }
        complete(id, with: .failure(PrecisError(code: .cancelled, message: "the call was cancelled")))
    }

    /// Makes sure the deadline timer fires no later than `deadline`.
    private func armDeadlineTimer(for deadline: NIODeadline, context: ChannelHandlerContext) {
        if let armed = deadlineTimerAt, armed <= deadline { return }
        deadlineTimer?.cancel()
        deadlineTimerAt = deadline
        deadlineTimer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.deadlineTimer = nil
            self.deadlineTimerAt = nil
            self.expireDeadlines(context: context)
        }
    }

    /// Fails the calls whose deadline has passed and re-arms the timer for the next one.
    private func expireDeadlines(context: ChannelHandlerContext) {
        let now = NIODeadline.now()
        var expired: [(UInt64, TimeAmount)] = []
        var next: NIODeadline?
        for (id, entry) in pending {
            guard let deadline = entry.deadline else { continue }
            if deadline <= now {
                expired.append((id, entry.timeout ?? .zero))
            } else {
                next = min(next ?? deadline, deadline)
            }
        }
        for (id, timeout) in expired {
            complete(id, with: .failure(PrecisError(code: .deadlineExceeded, message: "no answer within \(timeout.nanoseconds / 1_000_000) ms", origin: .timeout)))
        }
        if let next, self.context != nil { armDeadlineTimer(for: next, context: context) }
    }

    // MARK: inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        do {
            try frames.process(buffer: unwrapInboundIn(data)) { frame in
                self.received(frame, context: context)
            }
        } catch {
            // PrecisFrameDecoder does not throw; anything else ends the connection.
            fatal(PrecisError(code: .internal, message: "cannot read the server's frames: \(error)", origin: .notPrecis), context: context)
        }
    }

    private func received(_ frame: InboundFrame, context: ChannelHandlerContext) {
        switch inbound.receive(frame) {
        case .none:
            break
        case .answer(let id, let response):
            complete(id, with: .success(response))
        case .goAway:
            // Calls already sent are still answered; new calls go to a new connection.
            state.markUnusable()
            goingAway = true
            if pending.isEmpty { context.close(promise: nil) }
        case .fatal(let error):
            fatal(error, context: context)
        }
    }

    private func complete(_ id: UInt64, with result: Result<Response, PrecisError>) {
        guard let entry = pending.removeValue(forKey: id) else { return }
        entry.waiter.complete(result)
        if goingAway && pending.isEmpty { context?.close(promise: nil) }
    }

    private func fatal(_ error: PrecisError, context: ChannelHandlerContext) {
        failure = error
        state.markUnusable()
        failAll(error)
        context.close(promise: nil)
    }

    private func failAll(_ error: PrecisError) {
        let entries = pending
        pending.removeAll()
        deadlineTimer?.cancel()
        deadlineTimer = nil
        deadlineTimerAt = nil
        for (_, entry) in entries {
            entry.waiter.complete(.failure(error))
        }
    }
}
