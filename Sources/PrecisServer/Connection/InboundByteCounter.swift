import NIOCore

/// Bytes read from a connection and bytes the connection handler has consumed as preface and
/// frames. More read than consumed means a frame has started and not finished. Shared by two
/// handlers of the same pipeline, so only ever touched on the channel's event loop.
final class ConnectionByteCounts {
    var received = 0
    var consumed = 0

    var hasPartialFrame: Bool { received > consumed }

    /// The server is closing the connection itself: whatever was left unread is accounted for.
    func settle() { consumed = received }
}

/// Sits before the frame decoder and counts the bytes read.
final class InboundByteCounter: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let counts: ConnectionByteCounts

    init(counts: ConnectionByteCounts) {
        self.counts = counts
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        counts.received += unwrapInboundIn(data).readableBytes
        context.fireChannelRead(data)
    }
}
