import NIOCore
import PrecisWire

extension PrecisServer {
    /// Everything `precisd`'s flags set. Every field has a default that suits one machine.
    public struct Configuration: Sendable, Hashable {
        /// The address to listen on; 127.0.0.1 keeps the port off the network.
        public var host: String
        /// The TCP port; 0 picks a free one (see `PrecisServer.listeningAddress()`).
        public var port: Int
        /// The largest request frame accepted; larger ones are refused from the header alone.
        public var maxFrameBytes: Int
        /// Connections held at once; past this a new connection is refused with RESOURCE_EXHAUSTED.
        public var maxConnections: Int
        /// Requests in flight on one connection; past this the server stops reading it.
        public var maxInFlightPerConnection: Int
        /// Bytes of request frames in flight on one connection; past this no further frame is
        /// decoded (and the socket is not read) until answers go out. One frame is always taken.
        public var maxInFlightBytesPerConnection: Int
        /// Bytes of answers on one connection that the client has not read yet (handed to the
        /// socket's write buffer and not taken by the kernel): an answer that would go past it
        /// while others wait is replaced by RESOURCE_EXHAUSTED with its id.
        public var maxUnreadBytesPerConnection: Int
        /// The same, all connections together: past it new document work and further answers are
        /// refused with RESOURCE_EXHAUSTED until clients read.
        public var maxUnreadBytes: Int
        /// After a fatal error (a frame over the limit, a stalled frame, a refused preface) the
        /// connection is closed once its last answer is written, or after this long if the
        /// client does not read it.
        public var closeLinger: TimeAmount
        /// A metrics (HTTP) request must arrive whole within this long of its first byte.
        public var metricsRequestTimeout: TimeAmount
        /// Request frames of this many bytes or more are decoded on a thread pool rather than on
        /// the event loop, which then serves other connections meanwhile.
        public var offloadDecodeBytes: Int
        /// Requests waiting for or running on a worker, all connections together; past this new
        /// work is answered with RESOURCE_EXHAUSTED at once.
        public var maxQueuedRequests: Int
        /// Threads running engine work.
        public var workers: Int
        /// The deadline of a request that sets no `timeout_ms`.
        public var defaultTimeout: TimeAmount
        /// A connection with nothing in flight that sends nothing for this long is closed.
        public var idleTimeout: TimeAmount
        /// A connection that has not sent its preface by then is closed.
        public var prefaceTimeout: TimeAmount
        /// A connection that starts a frame and then sends nothing for this long is closed.
        public var frameTimeout: TimeAmount
        /// How long a graceful shutdown waits for in-flight work before closing connections.
        public var shutdownGrace: TimeAmount
        /// On SIGTERM (or cancellation), how long the server goes on accepting and serving with
        /// `/readyz` answering 503 before the shutdown proper (GoAway, stop accepting,
        /// `shutdownGrace`): time for load balancers to stop sending it new connections.
        public var drainDelay: TimeAmount
        /// A connection older than this (each connection's age jittered by ±10%, so they do not
        /// all go at once) gets a going-away notice, so that clients reconnect and spread over
        /// the servers behind a load balancer again; nil keeps connections for as long as they
        /// are used (gRPC's MAX_CONNECTION_AGE).
        public var maxConnectionAge: TimeAmount?
        /// After that notice, how long the connection's requests in flight may take before it is
        /// closed anyway (gRPC's MAX_CONNECTION_AGE_GRACE).
        public var maxConnectionAgeGrace: TimeAmount
        /// TCP keepalive on client connections: a client that vanished is found by kernel probes
        /// after `idle` + `timeout` without traffic and its slot freed (Redis's `tcp-keepalive`,
        /// 300 s by default there too); nil: off.
        public var keepalive: TCPKeepalive?
        /// Where to append one line per answered request ("-": standard output); nil writes none.
        public var accessLogPath: String?
        /// Text or JSON lines, for the access log (precisd's `--log-format`).
        public var accessLogFormat: ServerLogHandler.Format
        /// Where `GET /metrics` (Prometheus text over HTTP/1.1) is served; 127.0.0.1 keeps it
        /// off the network.
        public var metricsHost: String
        /// The metrics port; nil serves no metrics, 0 picks a free port (see `metricsAddress()`).
        public var metricsPort: Int?
        /// Lines a second about rejected frames and failed requests (all connections together),
        /// after a burst of `rejectionLogBurst`; more are answered and counted but not logged.
        public var rejectionLogRate: Int
        /// Lines about rejected frames and failed requests written at once before
        /// `rejectionLogRate` applies.
        public var rejectionLogBurst: Int

        /// The default port, documented in README.md and docs/PROTOCOL.md.
        public static let defaultPort = ProtocolDefaults.port

        public init(
            host: String = "127.0.0.1",
            port: Int = PrecisServer.Configuration.defaultPort,
            maxFrameBytes: Int = 4 << 20,
            maxConnections: Int = 1024,
            maxInFlightPerConnection: Int = 128,
            maxQueuedRequests: Int = 1024,
            workers: Int = System.coreCount,
            defaultTimeout: TimeAmount = .seconds(30),
            idleTimeout: TimeAmount = .minutes(5),
            prefaceTimeout: TimeAmount = .seconds(10),
            frameTimeout: TimeAmount = .seconds(10),
            shutdownGrace: TimeAmount = .seconds(10),
            metricsHost: String = "127.0.0.1",
            metricsPort: Int? = nil,
            maxInFlightBytesPerConnection: Int = 16 << 20,
            maxUnreadBytesPerConnection: Int = 32 << 20,
            maxUnreadBytes: Int = 256 << 20,
            closeLinger: TimeAmount = .seconds(2),
            metricsRequestTimeout: TimeAmount = .seconds(10),
            offloadDecodeBytes: Int = 256 << 10,
            rejectionLogRate: Int = 10,
            rejectionLogBurst: Int = 100,
            drainDelay: TimeAmount = .zero,
            maxConnectionAge: TimeAmount? = nil,
            maxConnectionAgeGrace: TimeAmount = .seconds(10),
            accessLogPath: String? = nil,
            accessLogFormat: ServerLogHandler.Format = .text,
            keepalive: TCPKeepalive? = TCPKeepalive(idle: .minutes(5), timeout: .seconds(30))
        ) {
            self.host = host
            self.port = port
            self.maxFrameBytes = maxFrameBytes
            self.maxConnections = maxConnections
            self.maxInFlightPerConnection = maxInFlightPerConnection
            self.maxQueuedRequests = maxQueuedRequests
            self.workers = workers
            self.defaultTimeout = defaultTimeout
            self.idleTimeout = idleTimeout
            self.prefaceTimeout = prefaceTimeout
            self.frameTimeout = frameTimeout
            self.shutdownGrace = shutdownGrace
            self.metricsHost = metricsHost
            self.metricsPort = metricsPort
            self.maxInFlightBytesPerConnection = maxInFlightBytesPerConnection
            self.maxUnreadBytesPerConnection = maxUnreadBytesPerConnection
            self.maxUnreadBytes = maxUnreadBytes
            self.closeLinger = closeLinger
            self.metricsRequestTimeout = metricsRequestTimeout
            self.offloadDecodeBytes = offloadDecodeBytes
            self.rejectionLogRate = rejectionLogRate
            self.rejectionLogBurst = rejectionLogBurst
            self.drainDelay = drainDelay
            self.maxConnectionAge = maxConnectionAge
            self.maxConnectionAgeGrace = maxConnectionAgeGrace
            self.accessLogPath = accessLogPath
            self.accessLogFormat = accessLogFormat
            self.keepalive = keepalive
        }

        public static var defaults: Self { Self() }

        public static func defaults(_ configure: (inout Self) -> Void) -> Self {
            var configuration = Self()
            configure(&configuration)
            return configuration
        }
    }
}
