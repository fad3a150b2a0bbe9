import NIOCore
import PrecisWire

/// `--access-log`: what the handler notes when a request arrives and writes when it is answered.
/// Nothing is noted or written without an access log.
extension ServerConnectionHandler {
    /// Remembers a request's size and arrival for its access-log line.
    func noteArrival(id: UInt64, frameBytes: Int, context: ChannelHandlerContext) {
        guard router.accessLog != nil else { return }
        arrivals[id] = Arrival(bytes: frameBytes, at: context.eventLoop.now)
    }

    /// Counts the answer of a request in the metrics and writes its access-log line.
    func answered(id: UInt64, _ outcome: RequestOutcome, code: StatusCode, answer: Answer, context: ChannelHandlerContext) {
        router.metrics.requestFinished(outcome.operation, code: code, nanoseconds: outcome.nanoseconds)
        guard let log = router.accessLog, let arrival = arrivals.removeValue(forKey: id) else { return }
        let bytesOut: Int
        switch answer {
        case .encoded(let frame): bytesOut = frame.readableBytes
        case .response(let response): bytesOut = router.frame(for: response, allocator: context.channel.allocator).readableBytes
        }
        log.record(
            AccessLog.Entry(
                time: ServerLogHandler.timestamp(seconds: ServerLogHandler.now()),
                peer: accessPeer,
                connection: accessConnection,
                id: id,
                operation: outcome.operation.label,
                status: code.protoName ?? "\(code.rawValue)",
                bytesIn: arrival.bytes,
                bytesOut: bytesOut,
                queueMicros: outcome.queueNanoseconds.map { $0 / 1000 },
                runMicros: outcome.runNanoseconds.map { $0 / 1000 },
                totalMicros: (context.eventLoop.now - arrival.at).nanoseconds / 1000
            )
        )
    }

    private var accessPeer: String {
        context?.channel.remoteAddress.map { address in
            address.ipAddress.map { "\($0):\(address.port ?? 0)" } ?? "\(address)"
        } ?? "?"
    }

    private var accessConnection: Int { logger[metadataKey: "conn"].flatMap { Int("\($0)") } ?? 0 }
}
