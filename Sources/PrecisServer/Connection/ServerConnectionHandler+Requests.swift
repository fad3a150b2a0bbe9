import Logging
import NIOCore
import PrecisWire

/// A frame becomes a request: decoded here (or, when large, elsewhere: `decodeOffLoop`), checked
/// by the state machine, then answered at once (ping, info, errors) or dispatched to a worker.
extension ServerConnectionHandler {
    func frameReceived(_ payload: ByteBuffer, context: ChannelHandlerContext) {
        guard payload.readableBytes < router.configuration.offloadDecodeBytes else {
            decodeOffLoop(payload, context: context)
            return
        }
        let request: Request
        do {
            request = try Request(decoding: payload)
        } catch {
            frameUndecodable(error, context: context)
            return
        }
        requestDecoded(request, frameBytes: 4 + payload.readableBytes, context: context)
    }

    func frameUndecodable(_ error: WireError, context: ChannelHandlerContext) {
        router.rejections.info(logger, "rejecting frame: \(error.message)", metadata: ["id": "\(error.requestID)"])
        router.metrics.frameRejected(.undecodable)
        router.metrics.requestAnswered(.none, code: error.code)
        write(Self.errorResponse(error), context: context)
    }

    func requestDecoded(_ request: Request, frameBytes: Int, context: ChannelHandlerContext) {
        if case .cancel? = request.operation {
            return cancelRequested(request.id)
        }
        switch machine.requestReceived(id: request.id, bytes: frameBytes) {
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
            noteArrival(id: request.id, frameBytes: frameBytes, context: context)
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
}
