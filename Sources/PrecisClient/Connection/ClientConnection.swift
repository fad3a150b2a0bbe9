import NIOCore
import NIOPosix
import PrecisWire
import Synchronization

/// Whether a connection may take new calls, shared between its handler (on the event loop) and
/// the callers that pick a connection (anywhere).
final class ClientConnectionState: Sendable {
    private let usable = Atomic<Bool>(true)

    var isUsable: Bool { usable.load(ordering: .relaxed) }

    func markUnusable() { usable.store(false, ordering: .relaxed) }
}

/// One open connection: calls are encoded on the calling thread, handed to the handler on the
/// connection's event loop (one hop per call or per batch), pipelined, and matched to their
/// answers by id in `ClientConnectionHandler`.
final class ClientConnection: Sendable {
    let channel: any Channel
    let state: ClientConnectionState
    private let handler: NIOLoopBound<ClientConnectionHandler>
    private let nextID = Atomic<UInt64>(1)
    private let maxRequestBytes: Int

    private init(
        channel: any Channel,
        handler: NIOLoopBound<ClientConnectionHandler>,
        state: ClientConnectionState,
        maxRequestBytes: Int
    ) {
        self.channel = channel
        self.handler = handler
        self.state = state
        self.maxRequestBytes = maxRequestBytes
    }

    var isUsable: Bool { state.isUsable && channel.isActive }

    static func connect(
        to endpoint: PrecisClient.Endpoint,
        configuration: PrecisClient.Configuration,
        group: any EventLoopGroup
    ) -> EventLoopFuture<ClientConnection> {
        let state = ClientConnectionState()
        var bootstrap = ClientBootstrap(group: group)
        for (option, value) in configuration.keepalive?.options ?? [] {
            bootstrap = bootstrap.channelOption(option, value: value)
        }
        return bootstrap
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(configuration.connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ClientConnectionHandler(state: state, maxFrameBytes: configuration.maxFrameBytes)
                    )
                }
            }
            .connect(host: endpoint.host, port: endpoint.port)
            .flatMapThrowing { channel in
                // The handler is gone when the peer closed the connection at once (a load
                // balancer without a backend does that): not a failure to connect.
                guard let handler = try? channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self) else {
                    throw PrecisError.closedBeforePreface
                }
                return ClientConnection(
                    channel: channel,
                    handler: NIOLoopBound(handler, eventLoop: channel.eventLoop),
                    state: state,
                    maxRequestBytes: configuration.maxRequestBytes
                )
            }
    }

    /// Sends `request` (its id is set here) and waits for the answer.
    func call(_ request: Request, timeout: TimeAmount?) async throws(PrecisError) -> Response {
        guard !Task.isCancelled else { throw Self.cancelled }
        var request = request
        let id = nextID.add(1, ordering: .relaxed).oldValue
        request.id = id
        if let timeout { request.timeoutMs = Self.milliseconds(timeout) }
        var frame = channel.allocator.buffer(capacity: 256)
        do {
            try frame.writeFrame(request)
        } catch {
            throw PrecisError(code: error.code, message: error.message)
        }
        if let oversized = oversized(frameBytes: frame.readableBytes) { throw oversized }
        let result = await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                submit(OutboundCalls(ids: [id], frames: frame, timeout: timeout, waiters: .single(continuation)))
            }
        } onCancel: {
            self.cancel([id])
        }
        return try result.get()
    }

    /// Sends every request in one write and waits for all the answers, in the order of
    /// `requests`. A request that cannot be encoded fails alone (INVALID_ARGUMENT) and is not sent.
    func callBatch(_ requests: [Request], timeout: TimeAmount?) async -> [BatchAnswer] {
        if Task.isCancelled {
            return requests.map { _ in BatchAnswer(result: .failure(Self.cancelled), receivedAt: .now()) }
        }
        var answers: [BatchAnswer?] = Array(repeating: nil, count: requests.count)
        var sent: [Int] = []
        var ids: [UInt64] = []
        sent.reserveCapacity(requests.count)
        ids.reserveCapacity(requests.count)
        let firstID = nextID.add(UInt64(requests.count), ordering: .relaxed).oldValue
        var frames = channel.allocator.buffer(capacity: 256 * requests.count)
        for (index, request) in requests.enumerated() {
            var request = request
            request.id = firstID + UInt64(index)
            if let timeout { request.timeoutMs = Self.milliseconds(timeout) }
            let mark = frames.writerIndex
            do throws(PrecisError) {
                do throws(WireError) {
                    try frames.writeFrame(request)
                } catch {
                    throw PrecisError(code: error.code, message: error.message)
                }
                if let oversized = oversized(frameBytes: frames.writerIndex - mark) { throw oversized }
                sent.append(index)
                ids.append(request.id)
            } catch {
                frames.moveWriterIndex(to: mark)
                answers[index] = BatchAnswer(result: .failure(error), receivedAt: .now())
            }
        }
        let sentIDs = ids
        let received = await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                let collector = BatchCollector(count: sentIDs.count, continuation: continuation)
                guard !sentIDs.isEmpty else { return }
                submit(OutboundCalls(ids: sentIDs, frames: frames, timeout: timeout, waiters: .batch(collector)))
            }
        } onCancel: {
            self.cancel(sentIDs)
        }
        if sent.count == requests.count { return received }
        for (position, index) in sent.enumerated() { answers[index] = received[position] }
        return answers.map { $0! }
    }

    private func submit(_ calls: OutboundCalls) {
        let handler = self.handler
        if channel.eventLoop.inEventLoop {
            handler.value.send(calls)
        } else {
            channel.eventLoop.execute { handler.value.send(calls) }
        }
    }

    private func cancel(_ ids: [UInt64]) {
        let handler = self.handler
        channel.eventLoop.execute {
            for id in ids { handler.value.cancel(id) }
        }
    }

    func close() async {
        try? await channel.close()
    }

    /// The error for a request frame (header included) over `maxRequestBytes`, if it is.
    private func oversized(frameBytes: Int) -> PrecisError? {
        let payload = frameBytes - 4
        guard payload > maxRequestBytes else { return nil }
        return PrecisError(
            code: .resourceExhausted,
            message: "the request is \(payload) bytes, over the frame limit of \(maxRequestBytes) bytes; nothing was sent (split the document, or raise precisd --max-frame-bytes and the client's maxRequestBytes together)"
        )
    }

    private static let cancelled = PrecisError(code: .cancelled, message: "the call was cancelled")

    private static func milliseconds(_ timeout: TimeAmount) -> UInt32 {
        UInt32(clamping: max(1, timeout.nanoseconds / 1_000_000))
    }
}
