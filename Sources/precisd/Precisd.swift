import ArgumentParser
import Logging
import NIOCore
import PrecisServer
import PrecisWire
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Precisd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precisd",
        abstract: "The Precis server: parse, summarize and extract over a binary protocol on TCP.",
        discussion: """
            Listens on --host:--port (default \(ProtocolDefaults.address)) and serves until SIGTERM or \
            SIGINT, then (after --drain-delay, while /readyz says 503) stops accepting, answers \
            the requests in flight (up to --shutdown-grace) and exits 0. When it is ready it prints one line to standard \
            output: "precisd VERSION listening on HOST:PORT" (useful with --port 0). Logs go to \
            standard error. With --metrics-port it also serves Prometheus metrics on \
            http://METRICS-HOST:METRICS-PORT/metrics, liveness on /healthz (200 while its event \
            loops answer) and readiness on /readyz (503 while starting, draining or with a full \
            queue), and prints "precisd metrics on http://HOST:PORT/metrics" once that listens.

            Durations are written like 500ms, 5s, 2m or 1h.
            """,
        version: PrecisServer.version
    )

    @Option(name: .long, help: "Address to listen on. Use 0.0.0.0 or :: to listen on every interface.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "TCP port; 0 picks a free one.")
    var port = PrecisServer.Configuration.defaultPort

    @Option(name: .long, help: "Largest request frame accepted, in bytes.")
    var maxFrameBytes = PrecisServer.Configuration.defaults.maxFrameBytes

    @Option(name: .long, help: "Connections held at once; more are refused with RESOURCE_EXHAUSTED.")
    var maxConnections = PrecisServer.Configuration.defaults.maxConnections

    @Option(name: .long, help: "Requests in flight per connection before the server stops reading it.")
    var maxInFlight = PrecisServer.Configuration.defaults.maxInFlightPerConnection

    @Option(name: .long, help: "Bytes of request frames in flight per connection before the server stops reading it (one frame is always taken).")
    var maxInFlightBytes = PrecisServer.Configuration.defaults.maxInFlightBytesPerConnection

    @Option(name: .long, help: "Bytes of answers one client has not read; an answer past it is replaced by RESOURCE_EXHAUSTED.")
    var maxUnreadBytes = PrecisServer.Configuration.defaults.maxUnreadBytesPerConnection

    @Option(name: .long, help: "Bytes of answers not read, all connections together; past it new work and answers get RESOURCE_EXHAUSTED.")
    var maxUnreadBytesTotal = PrecisServer.Configuration.defaults.maxUnreadBytes

    @Option(name: .long, help: "Request frames of this many bytes or more are decoded on a thread pool, not on the I/O threads.")
    var offloadDecodeBytes = PrecisServer.Configuration.defaults.offloadDecodeBytes

    @Option(name: .long, help: "Requests queued for the workers, all connections together; more are answered RESOURCE_EXHAUSTED.")
    var maxQueue = PrecisServer.Configuration.defaults.maxQueuedRequests

    @Option(name: .long, help: "Threads running parse, summarize and extract; the default is the number of cores.")
    var workers = PrecisServer.Configuration.defaults.workers

    @Option(name: .long, help: ArgumentHelp("Deadline of requests that set none.", valueName: "duration"))
    var defaultTimeout = "30s"

    @Option(name: .long, help: ArgumentHelp("Close connections idle this long.", valueName: "duration"))
    var idleTimeout = "5m"

    @Option(name: .long, help: ArgumentHelp("Close a connection that has not sent its whole preface this long after connecting, or a whole frame this long after its first byte.", valueName: "duration"))
    var frameTimeout = "10s"

    @Option(name: .long, help: ArgumentHelp("After a fatal error, close the connection this long after its last answer even if the client does not read it.", valueName: "duration"))
    var closeLinger = "2s"

    @Option(name: .long, help: ArgumentHelp("Close a metrics connection whose HTTP request is not whole this long after its first byte.", valueName: "duration"))
    var metricsRequestTimeout = "10s"

    @Option(name: .long, help: ArgumentHelp("On shutdown, how long to wait for requests in flight.", valueName: "duration"))
    var shutdownGrace = "10s"

    @Option(name: .long, help: ArgumentHelp("On SIGTERM, go on serving this long with /readyz answering 503 before shutting down (lame duck); 0 shuts down at once.", valueName: "duration"))
    var drainDelay = "0s"

    @Option(name: .long, help: ArgumentHelp("Send a connection older than this (±10% jitter) a going-away notice, so clients reconnect and rebalance; off when not given.", valueName: "duration"))
    var maxConnectionAge: String?

    @Option(name: .long, help: ArgumentHelp("After the maximum-age notice, how long the connection's requests in flight may take before it is closed.", valueName: "duration"))
    var maxConnectionAgeGrace = "10s"

    @Option(name: .long, help: ArgumentHelp("TCP keepalive: after this long without traffic the kernel probes the client; 0 turns it off.", valueName: "duration"))
    var keepaliveInterval = "5m"

    @Option(name: .long, help: ArgumentHelp("TCP keepalive: a client that answers no probe for this long is dead and its connection closed.", valueName: "duration"))
    var keepaliveTimeout = "30s"

    @Option(name: .long, help: "Serve Prometheus metrics on GET /metrics at this port (HTTP/1.1); 0 picks a free one. Off when not given.")
    var metricsPort: Int?

    @Option(name: .long, help: "Address of the metrics listener.")
    var metricsHost = "127.0.0.1"

    @Option(name: .long, help: "Lines a second about rejected frames and failed requests, all connections together, after the burst; more are answered and counted in the metrics but not logged.")
    var rejectionLogRate = PrecisServer.Configuration.defaults.rejectionLogRate

    @Option(name: .long, help: "Lines about rejected frames and failed requests written at once before --rejection-log-rate applies.")
    var rejectionLogBurst = PrecisServer.Configuration.defaults.rejectionLogBurst

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Option(name: .long, help: ArgumentHelp("Append one line per answered request (time, peer, connection, id, operation, status, bytes in and out, queue and run µs) to this file, - for standard output; in --log-format.", valueName: "path"))
    var accessLog: String?

    @Option(name: .long, help: "Log lines as text or as one JSON object a line (time, level, label, source, message and the metadata), on standard error.")
    var logFormat = "text"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
        if let metricsPort, !(0...65535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be between 0 and 65535, got \(metricsPort)")
        }
        guard maxFrameBytes >= 64 && maxFrameBytes <= Int(UInt32.max) else {
            throw ValidationError("--max-frame-bytes must be between 64 and \(UInt32.max)")
        }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard maxInFlight >= 1 else { throw ValidationError("--max-in-flight must be at least 1") }
        guard maxInFlightBytes >= 1 else { throw ValidationError("--max-in-flight-bytes must be at least 1") }
        guard maxUnreadBytes >= 1 else { throw ValidationError("--max-unread-bytes must be at least 1") }
        guard maxUnreadBytesTotal >= 1 else { throw ValidationError("--max-unread-bytes-total must be at least 1") }
        guard offloadDecodeBytes >= 0 else { throw ValidationError("--offload-decode-bytes must not be negative") }
        guard maxQueue >= 1 else { throw ValidationError("--max-queue must be at least 1") }
        guard (1...1024).contains(workers) else { throw ValidationError("--workers must be between 1 and 1024") }
        guard rejectionLogRate >= 0 else { throw ValidationError("--rejection-log-rate must be 0 or more") }
        guard rejectionLogBurst >= 1 else { throw ValidationError("--rejection-log-burst must be at least 1") }
        for (flag, value) in [
            ("--default-timeout", defaultTimeout), ("--idle-timeout", idleTimeout), ("--frame-timeout", frameTimeout),
            ("--shutdown-grace", shutdownGrace), ("--drain-delay", drainDelay), ("--close-linger", closeLinger),
            ("--metrics-request-timeout", metricsRequestTimeout), ("--max-connection-age-grace", maxConnectionAgeGrace),
            ("--keepalive-interval", keepaliveInterval), ("--keepalive-timeout", keepaliveTimeout),
        ] + (maxConnectionAge.map { [("--max-connection-age", $0)] } ?? []) {
            guard let amount = TimeAmount(parsing: value), amount > .zero || (amount == .zero && ["--shutdown-grace", "--drain-delay", "--keepalive-interval"].contains(flag)) else {
                throw ValidationError("\(flag) must be a duration like 500ms, 5s or 2m, got \"\(value)\"")
            }
        }
        guard ServerLogHandler.Format(rawValue: logFormat) != nil else {
            throw ValidationError("--log-format must be text or json, got \"\(logFormat)\"")
        }
        guard Logger.Level(rawValue: logLevel.lowercased()) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel.lowercased()) ?? .info
        let format = ServerLogHandler.Format(rawValue: logFormat) ?? .text
        LoggingSystem.bootstrap { label in
            ServerLogHandler(label: label, format: format, level: level)
        }
        let logger = Logger(label: "precisd")
        let configuration = PrecisServer.Configuration(
            host: host,
            port: port,
            maxFrameBytes: maxFrameBytes,
            maxConnections: maxConnections,
            maxInFlightPerConnection: maxInFlight,
            maxQueuedRequests: maxQueue,
            workers: workers,
            defaultTimeout: TimeAmount(parsing: defaultTimeout)!,
            idleTimeout: TimeAmount(parsing: idleTimeout)!,
            prefaceTimeout: TimeAmount(parsing: frameTimeout)!,
            frameTimeout: TimeAmount(parsing: frameTimeout)!,
            shutdownGrace: TimeAmount(parsing: shutdownGrace)!,
            metricsHost: metricsHost,
            metricsPort: metricsPort,
            maxInFlightBytesPerConnection: maxInFlightBytes,
            maxUnreadBytesPerConnection: maxUnreadBytes,
            maxUnreadBytes: maxUnreadBytesTotal,
            closeLinger: TimeAmount(parsing: closeLinger)!,
            metricsRequestTimeout: TimeAmount(parsing: metricsRequestTimeout)!,
            offloadDecodeBytes: offloadDecodeBytes,
            rejectionLogRate: rejectionLogRate,
            rejectionLogBurst: rejectionLogBurst,
            drainDelay: TimeAmount(parsing: drainDelay)!,
            maxConnectionAge: maxConnectionAge.flatMap { TimeAmount(parsing: $0) },
            maxConnectionAgeGrace: TimeAmount(parsing: maxConnectionAgeGrace)!,
            accessLogPath: accessLog,
            accessLogFormat: format,
            keepalive: Self.keepalive(interval: TimeAmount(parsing: keepaliveInterval)!, timeout: TimeAmount(parsing: keepaliveTimeout)!)
        )
        let server = PrecisServer(configuration: configuration, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: server)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await serve(server, group: group)
        } catch is PrecisServer.StartFailure {
            throw ExitCode.failure  // logged once already, in words
        }
    }

    static func keepalive(interval: TimeAmount, timeout: TimeAmount) -> TCPKeepalive? {
        interval > .zero ? TCPKeepalive(idle: interval, timeout: timeout) : nil
    }

    private func serve(_ server: PrecisServer, group: ServiceGroup) async throws {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                let address = try await server.listeningAddress()
                let shown = "\(address.ipAddress ?? host):\(address.port ?? port)"
                print("precisd \(PrecisServer.version) listening on \(shown)")
                if let metrics = try await server.metricsAddress() {
                    print("precisd metrics on http://\(metrics.ipAddress ?? metricsHost):\(metrics.port ?? 0)/metrics")
                }
                fflush(nil)  // all streams: scripts wait for this line
            }
            try await tasks.waitForAll()
        }
    }
}
