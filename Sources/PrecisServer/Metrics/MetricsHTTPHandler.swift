import NIOCore
import NIOHTTP1

/// Serves the metrics port: `GET /metrics` (the Prometheus text exposition), `GET /healthz`
/// (liveness: 200 while the process runs and its event loops answer) and `GET /readyz`
/// (readiness: 503 while starting, draining or overloaded). Any other path is 404 and any other
/// method 405. Keeps the connection open when the client asks for keep-alive.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let metricsPath = "/metrics"
    static let livenessPath = "/healthz"
    static let readinessPath = "/readyz"
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// How the health endpoints find their answers.
    struct Probes: Sendable {
        /// The liveness verdict, completed on (or hopped to) the given loop.
        var live: @Sendable (any EventLoop) -> EventLoopFuture<HealthVerdict>
        var ready: @Sendable () -> HealthVerdict

        /// Always healthy: for a listener that has no server behind it (tests).
        static let alwaysHealthy = Probes(
            live: { $0.makeSucceededFuture(.ok("alive")) },
            ready: { .ok("ready") }
        )
    }

    private let render: @Sendable () -> [UInt8]
    private let probes: Probes
    private var head: HTTPRequestHead?

    init(probes: Probes = .alwaysHealthy, render: @escaping @Sendable () -> [UInt8]) {
        self.probes = probes
        self.render = render
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body:
            break
        case .end:
            guard let head else { return }
            self.head = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let known = [Self.metricsPath, Self.livenessPath, Self.readinessPath]
        guard known.contains(String(path)) else {
            let text = "Not found: this port serves \(known.joined(separator: ", ")).\n"
            return send(.notFound, text: text, to: head, context: context)
        }
        guard head.method == .GET || head.method == .HEAD else {
            return send(.methodNotAllowed, text: "Use GET \(path).\n", extraHeaders: [("Allow", "GET, HEAD")], to: head, context: context)
        }
        switch path {
        case Self.livenessPath:
            probes.live(context.eventLoop).hop(to: context.eventLoop).assumeIsolated().whenComplete { result in
                let verdict = (try? result.get()) ?? .failing("the liveness check failed")
                self.send(verdict, to: head, context: context)
            }
        case Self.readinessPath:
            send(probes.ready(), to: head, context: context)
        default:
            let text = render()
            var body = context.channel.allocator.buffer(capacity: text.count)
            body.writeBytes(text)
            send(.ok, body: body, contentType: Self.contentType, to: head, context: context)
        }
    }

    private func send(_ verdict: HealthVerdict, to head: HTTPRequestHead, context: ChannelHandlerContext) {
        send(verdict.healthy ? .ok : .serviceUnavailable, text: verdict.reason + "\n", to: head, context: context)
    }

    private func send(
        _ status: HTTPResponseStatus,
        text: String,
        extraHeaders: [(String, String)] = [],
        to head: HTTPRequestHead,
        context: ChannelHandlerContext
    ) {
        let body = context.channel.allocator.buffer(string: text)
        send(status, body: body, contentType: "text/plain; charset=utf-8", extraHeaders: extraHeaders, to: head, context: context)
    }

    private func send(
        _ status: HTTPResponseStatus,
        body: ByteBuffer,
        contentType: String,
        extraHeaders: [(String, String)] = [],
        to head: HTTPRequestHead,
        context: ChannelHandlerContext
    ) {
        var body = body
        var headers = HTTPHeaders(extraHeaders)
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: "\(body.readableBytes)")
        let keepAlive = head.isKeepAlive
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        if head.method == .HEAD { body.clear() }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            done.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)  // a scraper that went quiet
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
