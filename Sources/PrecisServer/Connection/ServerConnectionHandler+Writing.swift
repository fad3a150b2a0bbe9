import Logging
import NIOCore
import PrecisWire

/// How answers leave: encoded into the burst's buffer while reading, written at once otherwise,
/// flushed once per burst or per event-loop tick.
extension ServerConnectionHandler {
    /// An answer on its way out: encoded already (by a worker), or to be encoded here.
    enum Answer {
        case encoded(ByteBuffer)
        case response(Response)
    }

    func write(_ answer: Answer, context: ChannelHandlerContext) {
        switch answer {
        case .encoded(let frame): write(frame, context: context)
        case .response(let response): write(response, context: context)
        }
    }

    func write(_ frame: ByteBuffer, promise: EventLoopPromise<Void>? = nil, context: ChannelHandlerContext) {
        writeBurstOutput(context: context)
        router.metrics.bytesSent.increment(by: frame.readableBytes)
        context.write(wrapOutboundOut(frame), promise: promise)
        guard !inReadBurst, !flushScheduled else { return }
        // Answers that complete in the same event-loop tick share one flush (one syscall).
        flushScheduled = true
        context.eventLoop.assumeIsolated().execute {
            self.flushScheduled = false
            context.flush()
        }
    }

    /// Writes an answer that `ConnectionStateMachine.answerReady` let through: its bytes count
    /// against the connection's and the server's output budgets until the socket has taken them.
    func writeCounted(_ frame: ByteBuffer, context: ChannelHandlerContext) {
        let bytes = frame.readableBytes
        let written = context.eventLoop.makePromise(of: Void.self)
        liveness.setBacklogged(machine.isBacklogged)
        written.futureResult.assumeIsolated().whenComplete { _ in
            self.machine.answerWritten(bytes: bytes)
            self.outputBudget.release(bytes)
            self.liveness.setBacklogged(self.machine.isBacklogged)
        }
        write(frame, promise: written, context: context)
    }

    /// During a read burst the answer is encoded after the others of the burst, in one buffer;
    /// otherwise into a buffer of its own, written at once.
    func write(_ response: Response, context: ChannelHandlerContext) {
        guard inReadBurst else {
            write(router.frame(for: response, allocator: context.channel.allocator), context: context)
            return
        }
        if burstOutput.append(response, allocator: context.channel.allocator, expectedBytes: lastReadBytes) {
            writeBurstOutput(context: context)
            context.flush()
        }
    }

    /// Hands the answers encoded so far in this burst to the pipeline, ahead of anything else.
    func writeBurstOutput(context: ChannelHandlerContext) {
        guard let buffer = burstOutput.take() else { return }
        router.metrics.bytesSent.increment(by: buffer.readableBytes)
        context.write(wrapOutboundOut(buffer), promise: nil)
    }

    /// The last answer of a connection: nothing more is read or decoded; the connection closes
    /// once the answer is written, or after `closeLinger` if the client does not read it.
    func writeAndClose(_ frame: ByteBuffer, context: ChannelHandlerContext) {
        machine.fatalErrorOccurred()
        writeBurstOutput(context: context)
        router.metrics.bytesSent.increment(by: frame.readableBytes)
        context.writeAndFlush(wrapOutboundOut(frame)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
        guard closeTimer == nil else { return }
        closeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: router.configuration.closeLinger) {
            self.logger.debug("closing connection: its last answer was not read within the linger")
            context.close(promise: nil)
        }
    }

    func writeAndClose(_ answer: Answer, context: ChannelHandlerContext) {
        switch answer {
        case .encoded(let frame): writeAndClose(frame, context: context)
        case .response(let response): writeAndClose(response, context: context)
        }
    }

    func writeAndClose(_ response: Response, context: ChannelHandlerContext) {
        writeAndClose(router.frame(for: response, allocator: context.channel.allocator), context: context)
    }

    /// One line for a request the client got wrong (or the server did): bad arguments, an unknown
    /// operation or format, a bug. Load-related answers (busy, deadline) stay at debug level.
    static func logFailure(_ response: Response, logger: Logger, rejections: RejectionLog) {
        guard let status = response.status, status.code != .ok else { return }
        switch status.code {
        case .invalidArgument, .unimplemented, .internal, .failedPrecondition:
            rejections.info(logger, "request failed: \(status.message)", metadata: ["id": "\(response.id)", "status": "\(status.code.protoName ?? "")"])
        default:
            logger.debug("request failed: \(status.message)", metadata: ["id": "\(response.id)", "status": "\(status.code.protoName ?? "")"])
        }
    }

    static func errorResponse(_ error: WireError) -> Response {
        Response(id: error.requestID, status: Status(code: error.code, message: error.message))
    }
}
