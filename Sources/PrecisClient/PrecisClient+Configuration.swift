import NIOCore
import PrecisWire

extension PrecisClient {
    /// A host and port to connect to.
    public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    public struct Configuration: Sendable, Hashable {
        /// Connections kept open, spread round-robin over the endpoints; calls are pipelined
        /// over them. Use at least one per endpoint.
        public var connections: Int
        public var connectTimeout: TimeAmount
        /// The timeout of a call that gives none; nil waits as long as the server's default.
        public var defaultTimeout: TimeAmount?
        /// The largest response frame accepted.
        public var maxFrameBytes: Int
        /// The largest request frame sent: a call whose request is bigger fails alone with
        /// RESOURCE_EXHAUSTED before anything is written. The server refuses an oversized frame
        /// by closing the connection, which would fail every other call on it too. The default is
        /// precisd's `--max-frame-bytes` default (4 MiB); raise both together.
        public var maxRequestBytes: Int
        /// Retry a call once on a new connection when its connection was lost or the server was
        /// going away. Every Precis operation is idempotent, so this is safe.
        /// With several endpoints a call is tried on up to `endpoints.count` of them (at least
        /// twice in all), skipping endpoints whose circuit is open.
        public var retryOnConnectionLoss: Bool
        /// After a failed connect an endpoint is skipped for this long, doubling with each
        /// failure in a row up to `maxEndpointBackoff`; then one connection is tried again.
        public var endpointBackoff: TimeAmount
        public var maxEndpointBackoff: TimeAmount
        /// TCP keepalive on the connections: a server that vanished (host down, network cut) is
        /// found after `idle` + `timeout` without traffic, and the connection's calls fail (and
        /// are retried) instead of waiting for their deadlines. nil: off.
        public var keepalive: TCPKeepalive?

        public init(
            connections: Int = 2,
            connectTimeout: TimeAmount = .seconds(5),
            defaultTimeout: TimeAmount? = nil,
            maxFrameBytes: Int = 64 << 20,
            maxRequestBytes: Int = 4 << 20,
            retryOnConnectionLoss: Bool = true,
            endpointBackoff: TimeAmount = .milliseconds(200),
            maxEndpointBackoff: TimeAmount = .seconds(10),
            keepalive: TCPKeepalive? = TCPKeepalive(idle: .seconds(60), timeout: .seconds(30))
        ) {
            self.connections = connections
            self.connectTimeout = connectTimeout
            self.defaultTimeout = defaultTimeout
            self.maxFrameBytes = maxFrameBytes
            self.maxRequestBytes = maxRequestBytes
            self.retryOnConnectionLoss = retryOnConnectionLoss
            self.endpointBackoff = endpointBackoff
            self.maxEndpointBackoff = maxEndpointBackoff
            self.keepalive = keepalive
        }

        public static var defaults: Self { Self() }
    }
}
