import NIOCore
import PrecisWire

/// Frames are decoded from `inbound` only while the connection's in-flight budget allows
/// (`ConnectionStateMachine.canDecode`): the bytes of the others stay in the buffer, the socket
/// is not read meanwhile, and decoding resumes as answers go out. So `--max-in-flight` bounds
/// the requests a connection has in flight, however many frames one read brings.
extension ServerConnectionHandler {
    /// Decodes and handles buffered frames for as long as the budget allows.
    func decodeBuffered(context: ChannelHandlerContext) {
        // An inline answer (ping, info, an error) finishes while its frame is being handled;
        // the loop below goes on with the next frame anyway.
        guard !decoding else { return }
        decoding = true
        defer { decoding = false }
        var needsMoreBytes = false
        while machine.canDecode, var buffer = inbound {
            inbound = nil  // `buffer` holds the only reference while the decoder moves through it
            let frame: InboundFrame?
            do {
                frame = try decoder.decode(buffer: &buffer)
            } catch {
                // PrecisFrameDecoder does not throw; anything else is a bug worth a closed connection.
                context.fireErrorCaught(error)
                return
            }
            // Store what is left before handling the frame, which may close the connection.
            if buffer.readableBytes > 0 { inbound = buffer }
            guard let frame else {
                needsMoreBytes = true
                break
            }
            frameStartedAt = nil
            received(frame, context: context)
        }
        if needsMoreBytes && frameStartedAt == nil {
            frameStartedAt = context.eventLoop.now
        }
        compactInbound()
        watchForStall(context: context)
    }

    /// Drops the bytes already decoded, as NIO's byte-to-message decoders do (from 2 KiB on), so
    /// that the next read is appended after a short remainder; but only once they outweigh the
    /// rest, so that a buffer whose frames wait for the in-flight budget is not moved again for
    /// every frame taken from it.
    private func compactInbound() {
        // No binding of the buffer here: a second reference would make the compaction copy.
        guard let readerIndex = inbound?.readerIndex, let remaining = inbound?.readableBytes,
            readerIndex >= 2048, readerIndex >= remaining
        else { return }
        inbound?.discardReadBytes()
    }

    /// Answers went out or the write buffer drained: decode what waits, then read again if
    /// nothing holds the connection back.
    func resumeInput(context: ChannelHandlerContext) {
        decodeBuffered(context: context)
        if machine.readResumable() { context.read() }
    }
}
