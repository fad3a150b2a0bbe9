import PrecisClient
import PrecisWire
import NIOCore
import NIOPosix

/// A bare server on 127.0.0.1 (a free port) whose every connection gets the handler `make`
/// returns: a peer that misbehaves on purpose, for client tests. Close the channel when done.
func startPeer(_ make: @escaping @Sendable () -> any ChannelHandler) async throws -> (channel: any Channel, port: Int) {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .childChannelInitializer { channel in
            channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(make()) }
        }
        .bind(host: "127.0.0.1", port: 0)
        .get()
    guard let port = channel.localAddress?.port else {
        try await channel.close()
        throw PeerError.noPort
    }
    return (channel, port)
}

enum PeerError: Error {
    case noPort
}

/// The status code of each answer of a batch: nil for an answer that succeeded.
func failureCodes(_ answers: [BatchAnswer]) -> [StatusCode?] {
    answers.map { answer in
        if case .failure(let error) = answer.result { error.code } else { nil }
    }
}
