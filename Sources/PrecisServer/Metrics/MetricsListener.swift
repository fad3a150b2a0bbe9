import NIOCore
import NIOHTTP1
import NIOPosix

/// The tiny HTTP/1.1 listener behind `--metrics-port`: `GET /metrics`, `/healthz` and `/readyz`
/// (`MetricsHTTPHandler`) and nothing else.
enum MetricsListener {
    /// Binds `host:port` and serves until the returned channel is closed.
    /// - Parameters:
    ///   - probes: the answers of the health endpoints.
    ///   - render: the exposition text, produced on the event loop for each scrape.
    static func bind(
        host: String,
        port: Int,
        group: any EventLoopGroup,
        requestTimeout: TimeAmount,
        probes: MetricsHTTPHandler.Probes,
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
                    try sync.addHandler(MetricsHTTPHandler(probes: probes, render: render))
                }
            }
            .bind(host: host, port: port)
            .get()
    }
}
