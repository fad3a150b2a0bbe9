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

/// One open connection: calls are written to it from any thread, pipelined, and matched to
/// their answers by id in `ClientConnectionHandler`.
final class ClientConnection: Sendable {
    let channel: any Channel
    let state: ClientConnectionState
    private let nextID = Atomic<UInt64>(1)

    init(channel: any Channel, state: ClientConnectionState) {
        self.channel = channel
        self.state = state
    }

    var isUsable: Bool { state.isUsable && channel.isActive }

    static func connect(
        to endpoint: PrecisClient.Endpoint,
        configuration: PrecisClient.Configuration,
        group: any EventLoopGroup
    ) -> EventLoopFuture<ClientConnection> {
        let state = ClientConnectionState()
        return ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(configuration.connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(ByteToMessageHandler(PrecisFrameDecoder(maxFrameBytes: configuration.maxFrameBytes)))
                    try sync.addHandler(ClientConnectionHandler(state: state))
                }
            }
            .connect(host: endpoint.host, port: endpoint.port)
            .map { ClientConnection(channel: $0, state: state) }
    }

    /// Sends `request` (its id is set here) and waits for the answer.
    func call(_ request: Request, timeout: TimeAmount?) async throws(PrecisError) -> Response {
        var request = request
        let id = nextID.add(1, ordering: .relaxed).oldValue
        request.id = id
        if let timeout {
            request.timeoutMs = UInt32(clamping: max(1, timeout.nanoseconds / 1_000_000))
        }
        var frame = channel.allocator.buffer(capacity: 256)
        do {
            try frame.writeFrame(request)
        } catch {
            throw PrecisError(code: error.code, message: error.message)
        }
        let promise = channel.eventLoop.makePromise(of: Response.self)
        // A write to a channel that has closed never reaches the handler: fail the call then
        // (completing a promise twice is a no-op, so a later answer or failure is harmless).
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { error in
            promise.fail(PrecisError(code: .unavailable, message: "connection to the server was lost: \(error)"))
        }
        channel.write(OutboundCall(id: id, frame: frame, timeout: timeout, promise: promise), promise: written)
        let channel = self.channel
        do {
            return try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                channel.triggerUserOutboundEvent(CancelCall(id: id), promise: nil)
            }
        } catch let error as PrecisError {
            throw error
        } catch {
            // The write itself failed: the channel was closed under us.
            throw PrecisError(code: .unavailable, message: "connection to the server was lost: \(error)")
        }
    }

    func close() async {
        try? await channel.close()
    }
}
