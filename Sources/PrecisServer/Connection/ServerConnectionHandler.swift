import Logging
import NIOCore
import PrecisEngine
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
    let pool: WorkerPool
    let liveness: ConnectionLiveness
    var logger: Logger
    var context: ChannelHandlerContext?
    var deadlines: [UInt64: Scheduled<Void>] = [:]
    /// Requests handed to the workers, by id: what a cancel needs to stop and answer one.
    var cancellable: [UInt64: Cancellable] = [:]
    /// With an access log: each request's frame size and arrival, until it is answered.
    var arrivals: [UInt64: Arrival] = [:]
    struct Arrival {
        let bytes: Int
        let at: NIODeadline
    }
    struct Cancellable {
        let signal: InterruptSignal
        let ticket: UInt64
        let operation: ServerMetrics.Operation
    }
    var prefaceTimer: Scheduled<Void>?
    /// When bytes last arrived: the idle and stalled-frame timeouts count from it.
    var lastReadAt = NIODeadline.now()
    var idleCheck: Scheduled<Void>?
    /// When the idle timeout last fired: the next idle period counts from then or the last read.
    var idleFiredAt = NIODeadline.uptimeNanoseconds(0)
    var stallCheck: Scheduled<Void>?
    /// The going-away notice at `maxConnectionAge`, then the close at its grace.
    var ageTimer: Scheduled<Void>?
    var ageCloseTimer: Scheduled<Void>?
    /// Where in ±10% of `maxConnectionAge` this connection's age falls (0.9 to 1.1).
    let ageJitter: Double
    /// After a going-away notice: requests the client sent before it saw the notice are still
    /// arriving; until this deadline they are read and answered UNAVAILABLE rather than lost.
    private var lingerDeadline: NIODeadline?
    private var lingerTimer: Scheduled<Void>?
    static let lingerTime = TimeAmount.seconds(1)
    let byteCounts = ConnectionByteCounts()
    /// Bytes read and not yet decoded: frames wait here while the in-flight budget is spent.
    var inbound: ByteBuffer?
    var decoder: PrecisFrameDecoder
    /// Whether `decodeBuffered` is running (an inline answer can call back into it).
    var decoding = false
    /// When the first byte of the frame still incomplete arrived: it must be whole by
    /// `frameTimeout` after that.
    var frameStartedAt: NIODeadline?
    /// Closes the connection after a fatal error even if its last answer is never read.
    var closeTimer: Scheduled<Void>?
    let outputBudget: OutputBudget
    /// Told once the peer's preface is accepted (the server evicts only connections without one).
    private let onPrefaceAccepted: (@Sendable () -> Void)?
    /// Decodes frames of `offloadDecodeBytes` or more away from the event loop.
    let decodeElsewhere: DecodeElsewhere
    var inReadBurst = false
    var flushScheduled = false
    /// Answers encoded during the current read burst, written when it ends (or sooner).
    var burstOutput = BurstOutput()
    /// Bytes of the last read: the likely size of the answers to it.
    var lastReadBytes = 0

    init(
        router: RequestRouter,
        pool: WorkerPool,
        outputBudget: OutputBudget,
        overCapacity: Bool,
        logger: Logger,
        onPrefaceAccepted: (@Sendable () -> Void)? = nil,
        decodeElsewhere: @escaping DecodeElsewhere = ServerConnectionHandler.decodeOnThreadPool,
        ageJitter: Double = Double.random(in: 0.9...1.1)
    ) {
        let configuration = router.configuration
        self.decoder = PrecisFrameDecoder(maxFrameBytes: configuration.maxFrameBytes)
        self.machine = ConnectionStateMachine(
            limits: .init(
                maxInFlight: configuration.maxInFlightPerConnection,
                maxInFlightBytes: configuration.maxInFlightBytesPerConnection,
                maxQueuedAnswerBytes: configuration.maxUnreadBytesPerConnection
            ),
            overCapacity: overCapacity
        )
        self.router = router
        self.pool = pool
        self.outputBudget = outputBudget
        self.liveness = ConnectionLiveness(parent: pool.interruptSignal)
        self.logger = logger
        self.onPrefaceAccepted = onPrefaceAccepted
        self.decodeElsewhere = decodeElsewhere
        self.ageJitter = ageJitter
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
        ageTimer?.cancel()
        ageCloseTimer?.cancel()
        lingerTimer?.cancel()
        closeTimer?.cancel()
        inbound = nil
        for (_, timer) in deadlines { timer.cancel() }
        deadlines.removeAll()
        cancellable.removeAll()
        arrivals.removeAll()
        if frameStartedAt != nil && (machine.state == .active || machine.state == .draining) {
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
        lastReadAt = context.eventLoop.now
        lastReadBytes = bytes.readableBytes
        inReadBurst = true
        if inbound == nil {
            inbound = bytes
        } else {
            inbound!.writeImmutableBuffer(bytes)
        }
        decodeBuffered(context: context)
    }

    func received(_ frame: InboundFrame, context: ChannelHandlerContext) {
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
            inbound = nil
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
            onPrefaceAccepted?()
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

    /// - Parameter grace: what the notice tells the client the server waits for its requests in
    ///   flight (the shutdown grace unless said otherwise).
    func drain(
        _ action: ConnectionStateMachine.DrainAction,
        reason: String,
        grace: TimeAmount? = nil,
        context: ChannelHandlerContext
    ) {
        switch action {
        case .none:
            return
        case .close:
            context.close(promise: nil)
        case .goAway:
            let grace = grace ?? router.configuration.shutdownGrace
            let graceMs = UInt32(clamping: grace.nanoseconds / 1_000_000)
            let goAway = Response(
                status: Status(code: .unavailable, message: reason),
                body: .goAway(GoAway(reason: reason, graceMs: graceMs))
            )
            write(goAway, context: context)
            // Keep reading a moment for requests already on their way, then close as soon as
            // nothing is in flight (at once if the client closes first).
            let linger = min(Self.lingerTime, grace)
            lingerDeadline = context.eventLoop.now + linger
            lingerTimer = context.eventLoop.assumeIsolated().scheduleTask(in: linger) {
                self.lingerDeadline = nil
                // A large frame still being decoded was received before the notice: it is
                // answered, and the connection closes with its answer (or at the grace period).
                if self.machine.inFlight.isEmpty && !self.machine.offloadedDecodePending { context.close(promise: nil) }
            }
        }
    }

    var isLingering: Bool {
        guard let lingerDeadline else { return false }
        return (context?.eventLoop.now ?? .now()) < lingerDeadline
    }
}
