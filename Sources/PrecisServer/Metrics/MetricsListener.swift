import NIOCore
import NIOHTTP1
import NIOPosix

/// The tiny HTTP/1.1 listener behind `--metrics-port`: serves `GET /metrics` and nothing else.
enum MetricsListener {
    /// Binds `host:port` and serves until the returned channel is closed.
    /// - Parameters:
    ///   - render: the exposition text, produced on the event loop for each scrape.
    static func bind(
        host: String,
        port: Int,
        group: any EventLoopGroup,
        requestTimeout: TimeAmount,
        render: @escaping @Sendable () -> [UInt8]
    ) async throws -> any Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 16)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(MetricsRequestTimer(timeout: requestTimeout))
                    try sync.configureHTTPServerPipeline(withErrorHandling: true)
                    try sync.addHandler(IdleStateHandler(readTimeout: .seconds(60)))
                    try sync.addHandler(MetricsHTTPHandler(render: render))
                }
            }
            .bind(host: host, port: port)
            .get()
    }
}
