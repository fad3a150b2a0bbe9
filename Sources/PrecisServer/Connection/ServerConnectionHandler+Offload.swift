import NIOCore
import NIOPosix
import PrecisWire

/// Frames of `offloadDecodeBytes` (256 KiB) or more are decoded on NIO's shared thread pool, not
/// on the event loop: checking every string of a 4 MiB frame and unpacking it takes the loop a
/// few milliseconds, time in which the other connections on that loop wait. While such a frame
/// is being decoded the connection decodes nothing else (`ConnectionStateMachine.canDecode`), so
/// its requests are still taken in order and counted against its in-flight budget.
extension ServerConnectionHandler {
    /// Decodes a frame's payload somewhere other than the event loop; the future completes on
    /// `eventLoop`.
    typealias DecodeElsewhere = @Sendable (_ payload: ByteBuffer, _ eventLoop: any EventLoop) -> EventLoopFuture<
        Result<Request, WireError>
    >

    static let decodeOnThreadPool: DecodeElsewhere = { payload, eventLoop in
        NIOThreadPool.singleton.runIfActive(eventLoop: eventLoop) {
            Result { () throws(WireError) -> Request in try Request(decoding: payload) }
        }
    }

    func decodeOffLoop(_ payload: ByteBuffer, context: ChannelHandlerContext) {
        machine.offloadedDecodeStarted()
        let frameBytes = 4 + payload.readableBytes
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        decodeElsewhere(payload, context.eventLoop).whenComplete { result in
            let decoded: Result<Request, WireError>
            switch result {
            case .success(let value): decoded = value
            case .failure: decoded = .failure(WireError(code: .unavailable, message: "server is shutting down"))
            }
            handler.value.offloadedDecodeFinished(decoded, frameBytes: frameBytes)
        }
    }

    private func offloadedDecodeFinished(_ result: Result<Request, WireError>, frameBytes: Int) {
        machine.offloadedDecodeFinished()
        guard let context, machine.state != .closed else { return }
        switch result {
        case .success(let request): requestDecoded(request, frameBytes: frameBytes, context: context)
        case .failure(let error): frameUndecodable(error, context: context)
        }
        resumeInput(context: context)
    }
}
