import CoreMetrics
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
    /// All connections' bytes read (`precis_bytes_received_total`).
    private let received: Counter

    init(counts: ConnectionByteCounts, received: Counter) {
        self.counts = counts
        self.received = received
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data).readableBytes
        counts.received += bytes
        received.increment(by: bytes)
        context.fireChannelRead(data)
    }
}
