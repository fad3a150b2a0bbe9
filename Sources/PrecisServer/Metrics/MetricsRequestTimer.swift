import NIOCore

/// First in the metrics pipeline: a request must arrive whole within `timeout` of its first
/// byte, or the connection gets `408 Request Timeout` and is closed, so a client that sends
/// half a request line and stops (or dribbles bytes) cannot hold a connection. The clock stops
/// when the answer starts to go out and starts again with the next request's first byte; a
/// keep-alive connection waiting between scrapes is left to the idle timeout.
final class MetricsRequestTimer: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let timeoutAnswer = "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if timer == nil {
            timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                let answer = context.channel.allocator.buffer(string: Self.timeoutAnswer)
                context.writeAndFlush(NIOAny(answer), promise: nil)
                context.close(promise: nil)
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        timer?.cancel()
        timer = nil
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }
}
