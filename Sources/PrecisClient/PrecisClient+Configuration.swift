import NIOCore

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
        /// over them.
        public var connections: Int
        public var connectTimeout: TimeAmount
        /// The timeout of a call that gives none; nil waits as long as the server's default.
        public var defaultTimeout: TimeAmount?
        /// The largest response frame accepted.
        public var maxFrameBytes: Int
        /// Retry a call once on a new connection when its connection was lost or the server was
        /// going away. Every Precis operation is idempotent, so this is safe.
        public var retryOnConnectionLoss: Bool

        public init(
            connections: Int = 2,
            connectTimeout: TimeAmount = .seconds(5),
            defaultTimeout: TimeAmount? = nil,
            maxFrameBytes: Int = 64 << 20,
            retryOnConnectionLoss: Bool = true
        ) {
            self.connections = connections
            self.connectTimeout = connectTimeout
            self.defaultTimeout = defaultTimeout
            self.maxFrameBytes = maxFrameBytes
            self.retryOnConnectionLoss = retryOnConnectionLoss
        }

        public static var defaults: Self { Self() }
    }
}
