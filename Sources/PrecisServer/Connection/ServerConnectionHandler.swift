import Logging
import NIOCore
import PrecisWire

/// Sent down every connection's pipeline when the server starts shutting down.
struct ServerDrainEvent: Sendable {}

/// One server connection: carries out what `ConnectionStateMachine` decides. Framing, decoding
/// and cheap operations happen here on the event loop; engine work goes to the `WorkerPool` and
/// its answer comes back here to be written. Answers are flushed once per read burst or per
/// event-loop tick, not once per answer; the answers to one burst of reads are encoded back to
/// back into one buffer and written with one `write`.
///
/// The frame decoder and the idle and stalled-frame timeouts live inside this handler (not as a
/// `ByteToMessageHandler` and an `IdleStateHandler` in front of it): frames reach `frameReceived`
/// without being boxed for the pipeline, reads and writes pass through no other handler, and a
/// read only notes the time instead of re-arming timers. On a stream of small pings each of
/// those was several percent of the server's time.
final class ServerConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    var machine: ConnectionStateMachine
    let router: RequestRouter
    private let pool: WorkerPool
    private let liveness: ConnectionLiveness
    var logger: Logger
    private var context: ChannelHandlerContext?
    private var deadlines: [UInt64: Scheduled<Void>] = [:]
    var prefaceTimer: Scheduled<Void>?
    /// When bytes last arrived: the idle and stalled-frame timeouts count from it.
    var lastReadAt = NIODeadline.now()
    var idleCheck: Scheduled<Void>?
    /// When the idle timeout last fired: the next idle period counts from then or the last read.
    var idleFiredAt = NIODeadline.uptimeNanoseconds(0)
    var stallCheck: Scheduled<Void>?
    /// After a going-away notice: requests the client sent before it saw the notice are still
    /// arriving; until this deadline they are read and answered UNAVAILABLE rather than lost.
    private var lingerDeadline: NIODeadline?
    private var lingerTimer: Scheduled<Void>?
    static let lingerTime = TimeAmount.seconds(1)
    let byteCounts = ConnectionByteCounts()
    private var frames: NIOSingleStepByteToMessageProcessor<PrecisFrameDecoder>
    var inReadBurst = false
    var flushScheduled = false
    /// Answers encoded during the current read burst, written when it ends (or sooner).
    var burstOutput = BurstOutput()
    /// Bytes of the last read: the likely size of the answers to it.
    var lastReadBytes = 0

    init(router: RequestRouter, pool: WorkerPool, overCapacity: Bool, logger: Logger) {
        self.frames = NIOSingleStepByteToMessageProcessor(PrecisFrameDecoder(maxFrameBytes: router.configuration.maxFrameBytes))
        self.machine = ConnectionStateMachine(
            maxInFlight: router.configuration.maxInFlightPerConnection,
            overCapacity: overCapacity
        )
        self.router = router
        self.pool = pool
        self.liveness = ConnectionLiveness(parent: pool.interruptSignal)
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { startTimers(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        startTimers(context: context)
        context.fireChannelActive()
    }


    func channelInactive(context: ChannelHandlerContext) {
        liveness.close()
        prefaceTimer?.cancel()
        idleCheck?.cancel()
        stallCheck?.cancel()
        lingerTimer?.cancel()
        for (_, timer) in deadlines { timer.cancel() }
        deadlines.removeAll()
        if byteCounts.hasPartialFrame && (machine.state == .active || machine.state == .draining) {
            logger.info(
                "connection closed by the peer in the middle of a frame",
                metadata: ["pending_bytes": "\(byteCounts.received - byteCounts.consumed)"]
            )
        }
        if !machine.inFlight.isEmpty {
            logger.debug("connection closed with requests in flight", metadata: ["in_flight": "\(machine.inFlight.count)"])
        }
        router.metrics.requestsAbandoned(machine.inFlight.count)
        machine.closed()
        logger.debug("connection closed")
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    // MARK: inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        byteCounts.received += bytes.readableBytes
        router.metrics.bytesReceived.increment(by: bytes.readableBytes)
        lastReadAt = .now()
        lastReadBytes = bytes.readableBytes
        inReadBurst = true
        do {
            try frames.process(buffer: bytes) { frame in
                self.received(frame, context: context)
            }
        } catch {
            // PrecisFrameDecoder does not throw; anything else is a bug worth a closed connection.
            context.fireErrorCaught(error)
        }
    }

    private func received(_ frame: InboundFrame, context: ChannelHandlerContext) {
        switch frame {
        case .preface(let preface):
            prefaceReceived(preface, context: context)
        case .invalidPreface(let bytes):
            invalidPreface(bytes, context: context)
        case .frame(let payload):
            byteCounts.consumed += 4 + payload.readableBytes
            frameReceived(payload, context: context)
        case .oversizedFrame(let length, let limit):
            logger.info("closing connection: frame over the limit", metadata: ["length": "\(length)", "limit": "\(limit)"])
            let error = WireError(code: .resourceExhausted, message: "frame of \(length) bytes exceeds the limit of \(limit) bytes")
            router.metrics.frameRejected(.oversized)
            byteCounts.settle()
            writeAndClose(Self.errorResponse(error), context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        inReadBurst = false
        writeBurstOutput(context: context)
        context.flush()
        watchForStall(context: context)
        context.fireChannelReadComplete()
    }

    private func prefaceReceived(_ preface: Preface, context: ChannelHandlerContext) {
        prefaceTimer?.cancel()
        var buffer = context.channel.allocator.buffer(capacity: 64)
        Preface.current.write(to: &buffer)
        switch machine.prefaceReceived(preface) {
        case .accept:
            byteCounts.consumed += Preface.byteCount
            logger.debug("connection open", metadata: ["client_version": "\(preface)"])
            write(buffer, context: context)
        case .refuse(let code, let message):
            logger.info("refusing connection: \(message)")
            try? buffer.writeFrame(Response(status: Status(code: code, message: message)))
            writeAndClose(buffer, context: context)
        }
    }

    private func invalidPreface(_ bytes: ByteBuffer, context: ChannelHandlerContext) {
        prefaceTimer?.cancel()
        if Preface.looksLikeHTTP(bytes) {
            logger.info("closing connection: HTTP request on the Precis port")
            let body = "This port speaks the Precis binary protocol (docs/PROTOCOL.md), not HTTP.\n"
            let text = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
            writeAndClose(context.channel.allocator.buffer(string: text), context: context)
        } else {
            let what = Preface.looksLikeTLS(bytes) ? "a TLS handshake" : "bytes that are not a Precis preface"
            let hex = bytes.readableBytesView.prefix(8).map { String($0, radix: 16) }.joined(separator: " ")
            logger.info("closing connection: it opened with \(what)", metadata: ["first_bytes": "\(hex)"])
            context.close(promise: nil)
        }
    }

    private func frameReceived(_ payload: ByteBuffer, context: ChannelHandlerContext) {
        let request: Request
        do {
            request = try Request(decoding: payload)
        } catch {
            router.rejections.info(logger, "rejecting frame: \(error.message)", metadata: ["id": "\(error.requestID)"])
            router.metrics.frameRejected(.undecodable)
            router.metrics.requestAnswered(.none, code: error.code)
            write(Self.errorResponse(error), context: context)
            return
        }
        switch machine.requestReceived(id: request.id) {
        case .reject(let error):
            router.metrics.frameRejected(.refused)
            router.metrics.requestAnswered(ServerMetrics.Operation(request.operation), code: error.code)
            if error.code == .unavailable {
                logger.debug("rejecting request: \(error.message)", metadata: ["id": "\(request.id)"])
            } else {
                router.rejections.info(logger, "rejecting request: \(error.message)", metadata: ["id": "\(request.id)"])
            }
            write(Self.errorResponse(error), context: context)
        case .dispatch(let ticket):
            router.metrics.requestStarted()
            if let operation = request.operation, !RequestRouter.runsInline(operation) {
                dispatch(request, ticket: ticket, context: context)
            } else {
                let response = router.respond(to: request)
                Self.logFailure(response, logger: logger, rejections: router.rejections)
                let outcome = RequestOutcome(ServerMetrics.Operation(request.operation), response)
                finish(id: request.id, ticket: ticket, answer: .response(response), outcome: outcome)
            }
        }
    }

    private func dispatch(_ request: Request, ticket: UInt64, context: ChannelHandlerContext) {
        let id = request.id
        let timeout = request.timeoutMs > 0 ? .milliseconds(Int64(request.timeoutMs)) : router.configuration.defaultTimeout
        let received = NIODeadline.now()
        let deadline = received + timeout
        // The engine stops at the deadline, when the connection closes or at shutdown.
        let interrupt = liveness.interrupt(after: timeout)
        let operation = ServerMetrics.Operation(request.operation)
        let router = self.router
        let liveness = self.liveness
        let allocator = context.channel.allocator
        let eventLoop = context.eventLoop
        let handler = NIOLoopBound(self, eventLoop: eventLoop)
        let logger = self.logger
        let accepted = pool.trySubmit(from: ObjectIdentifier(liveness)) {
            // Skip work nobody waits for any more: the connection closed or the deadline passed
            // (the deadline timer answers for it).
            guard liveness.isOpen, NIODeadline.now() < deadline else { return }
            let response = router.respond(to: request, interrupt: interrupt)
            Self.logFailure(response, logger: logger, rejections: router.rejections)
            let frame = router.frame(for: response, allocator: allocator)
            let outcome = RequestOutcome(operation, response.status?.code ?? .ok, nanoseconds: (NIODeadline.now() - received).nanoseconds)
            eventLoop.execute { handler.value.finish(id: id, ticket: ticket, answer: .encoded(frame), outcome: outcome) }
        }
        guard accepted else {
            logger.debug("worker queue full", metadata: ["id": "\(id)", "queued": "\(pool.queuedCount)"])
            let error = WireError(
                code: .resourceExhausted,
                message: "server is busy: \(pool.limit) requests are queued; retry later",
                requestID: id
            )
            let outcome = RequestOutcome(operation, .resourceExhausted, nanoseconds: nil)
            finish(id: id, ticket: ticket, answer: .response(Self.errorResponse(error)), outcome: outcome)
            return
        }
        deadlines[id] = eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            let error = WireError(code: .deadlineExceeded, message: "deadline of \(timeout.nanoseconds / 1_000_000) ms exceeded", requestID: id)
            let outcome = RequestOutcome(operation, .deadlineExceeded, nanoseconds: timeout.nanoseconds)
            self.finish(id: id, ticket: ticket, answer: .response(Self.errorResponse(error)), outcome: outcome)
        }
    }

    /// Writes the answer of a dispatched request, unless it was answered already.
    private func finish(id: UInt64, ticket: UInt64, answer: Answer, outcome: RequestOutcome) {
        guard let context else { return }
        switch machine.requestFinished(id: id, ticket: ticket) {
        case .drop:
            return
        case .write(let resumeRead, let close):
            router.metrics.requestFinished(outcome.operation, code: outcome.code, nanoseconds: outcome.nanoseconds)
            deadlines.removeValue(forKey: id)?.cancel()
            if close && !isLingering {
                writeAndClose(answer, context: context)
                return
            }
            write(answer, context: context)
            if resumeRead { context.read() }
        }
    }

    // MARK: outbound

    func read(context: ChannelHandlerContext) {
        if machine.readRequested() { context.read() }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if machine.writabilityChanged(isWritable: context.channel.isWritable) { context.read() }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ServerDrainEvent {
            drain(machine.beginDrain(), reason: "server is shutting down", context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection error: \(error)")
        context.close(promise: nil)
    }

    func drain(_ action: ConnectionStateMachine.DrainAction, reason: String, context: ChannelHandlerContext) {
        switch action {
        case .none:
            return
        case .close:
            context.close(promise: nil)
        case .goAway:
            let graceMs = UInt32(clamping: router.configuration.shutdownGrace.nanoseconds / 1_000_000)
            let goAway = Response(
                status: Status(code: .unavailable, message: reason),
                body: .goAway(GoAway(reason: reason, graceMs: graceMs))
            )
            write(goAway, context: context)
            // Keep reading a moment for requests already on their way, then close as soon as
            // nothing is in flight (at once if the client closes first).
            let linger = min(Self.lingerTime, router.configuration.shutdownGrace)
            lingerDeadline = .now() + linger
            lingerTimer = context.eventLoop.assumeIsolated().scheduleTask(in: linger) {
                self.lingerDeadline = nil
                if self.machine.inFlight.isEmpty { context.close(promise: nil) }
            }
        }
    }

    private var isLingering: Bool {
        guard let lingerDeadline else { return false }
        return NIODeadline.now() < lingerDeadline
    }
}
