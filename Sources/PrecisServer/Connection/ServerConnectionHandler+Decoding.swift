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
            let frame: InboundFrame?
            do {
                frame = try decoder.decode(buffer: &buffer)
            } catch {
                // PrecisFrameDecoder does not throw; anything else is a bug worth a closed connection.
                inbound = nil
                context.fireErrorCaught(error)
                return
            }
            // Store what is left before handling the frame, which may close the connection.
            inbound = buffer.readableBytes > 0 ? buffer : nil
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

    /// Drops the bytes already decoded once they outweigh the rest, so that a buffer holding a
    /// long pipeline does not keep every frame it ever held.
    private func compactInbound() {
        guard let buffer = inbound, buffer.readerIndex >= 64 << 10, buffer.readerIndex >= buffer.readableBytes else {
            return
        }
        inbound?.discardReadBytes()
    }

    /// Answers went out or the write buffer drained: decode what waits, then read again if
    /// nothing holds the connection back.
    func resumeInput(context: ChannelHandlerContext) {
        decodeBuffered(context: context)
        if machine.readResumable() { context.read() }
    }
}
