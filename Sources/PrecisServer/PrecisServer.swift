import Logging
import NIOCore
import NIOPosix
import Prometheus
import PrecisEngine
import PrecisWire
import ServiceLifecycle
import Synchronization

/// The Precis server: listens on TCP, speaks protocol v1, runs engine work on a bounded pool.
///
/// Run it as a `Service` (in a `ServiceGroup`, which turns SIGTERM/SIGINT into a graceful
/// shutdown) or call `run()` yourself. On graceful shutdown or cancellation it stops accepting,
/// sends every connection a going-away notice, answers what is in flight, closes connections
/// when they are done (or when `shutdownGrace` runs out) and returns.
public final class PrecisServer: Service, Sendable {
    public static let version = "0.1.0"

    public let configuration: Configuration
    let logger: Logger
    let group: any EventLoopGroup
    let pool: WorkerPool
    private let bound: EventLoopPromise<SocketAddress>
    private let drained: EventLoopPromise<Void>
    private let connections = Mutex(Connections())
    let metrics: ServerMetrics
    let registry: PrometheusCollectorRegistry?
    let metricsBound: EventLoopPromise<SocketAddress?>

    let outputBudget: OutputBudget
    private let servingPhase = Atomic<UInt8>(ServingPhase.starting.rawValue)

    /// Starting, serving or draining, as `/readyz` reports it.
    var phase: ServingPhase { ServingPhase(rawValue: servingPhase.load(ordering: .relaxed)) ?? .draining }

    private struct Connections {
        struct Entry {
            let channel: any Channel
            let id: Int
            /// Whether it holds one of the `maxConnections` slots.
            var admitted: Bool
            var prefaceReceived = false
        }

        var open: [ObjectIdentifier: Entry] = [:]
        var admitted = 0
        var draining = false
        var nextID = 1

        /// At the limit, the oldest admitted connection that has not sent its preface yet gives
        /// its slot to a newcomer (as a web server drops idle keep-alive connections first), so
        /// silent sockets cannot lock clients out.
        mutating func evictOldestWithoutPreface() -> Entry? {
            let candidates = open.filter { $0.value.admitted && !$0.value.prefaceReceived }
            guard let (key, entry) = candidates.min(by: { $0.value.id < $1.value.id }) else { return nil }
            open[key]?.admitted = false
            return entry
        }
    }

    /// - Parameters:
    ///   - configuration: listening address, limits and timeouts.
    ///   - logger: where the server says what happened.
    ///   - eventLoopGroup: the I/O threads; engine work never runs on them.
    public init(
        configuration: Configuration = .defaults,
        logger: Logger = Logger(label: "precisd"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.logger = logger
        self.group = eventLoopGroup
        self.pool = WorkerPool(threads: configuration.workers, limit: configuration.maxQueuedRequests)
        self.outputBudget = OutputBudget(limit: configuration.maxUnreadBytes)
        self.bound = eventLoopGroup.next().makePromise()
        self.drained = eventLoopGroup.next().makePromise()
        self.metricsBound = eventLoopGroup.next().makePromise()
        (self.metrics, self.registry) = Self.makeMetrics(configuration, pool: pool)
    }

    /// The address the server listens on, once it does (useful with port 0).
    public func listeningAddress() async throws -> SocketAddress {
        try await bound.futureResult.get()
    }

    public func run() async throws {
        var router = RequestRouter(
            engine: Engine(), configuration: configuration, startedAt: metrics.startedAt, metrics: metrics,
            rejections: RejectionLog(perSecond: configuration.rejectionLogRate, burst: configuration.rejectionLogBurst)
        )
        router.health = { [self] in (phase, readiness()) }
        if let path = configuration.accessLogPath {
            do {
                router.accessLog = try AccessLog(path: path, format: configuration.accessLogFormat)
            } catch {
                logger.error("\(error.message)")
                throw await abandonStart(error)
            }
        }
        let serverChannel: any Channel
        do {
            serverChannel = try await makeBootstrap(router: router)
                .bind(host: configuration.host, port: configuration.port).get()
        } catch {
            let failure = StartFailure("cannot listen on \(configuration.host):\(configuration.port): \(Self.describe(error))")
            logger.error("\(failure.message)")
            throw await abandonStart(failure)
        }
        let address = serverChannel.localAddress!
        let metricsChannel: (any Channel)?
        do {
            metricsChannel = try await startMetrics()
        } catch {
            try? await serverChannel.close()
            let failure = (error as? StartFailure) ?? StartFailure("cannot serve metrics: \(Self.describe(error))")
            throw await abandonStart(failure, metricsFailedAlready: true)
        }
        bound.succeed(address)
        servingPhase.store(ServingPhase.serving.rawValue, ordering: .relaxed)
        logger.info(
            "listening",
            metadata: [
                "address": "\(address)", "workers": "\(configuration.workers)",
                "max_connections": "\(configuration.maxConnections)",
            ]
        )
        // Access log lines reach the file at least once a second.
        let accessFlush = router.accessLog.map { log in
            group.next().scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in log.flush() }
        }
        try await withTaskCancellationOrGracefulShutdownHandler {
            try await serverChannel.closeFuture.get()
        } onCancelOrGracefulShutdown: {
            self.beginDraining(serverChannel)
        }
        try await drained.futureResult.get()
        accessFlush?.cancel()
        router.accessLog?.flush()
        try? await metricsChannel?.close()
        await stopWorkers()
        logger.info("stopped")
    }

    /// Gives up starting: fails the promises of the addresses (and of the metrics address unless
    /// `startMetrics` did), lets `run()` return and stops the workers. The caller logged why.
    private func abandonStart(_ failure: StartFailure, metricsFailedAlready: Bool = false) async -> StartFailure {
        bound.fail(failure)
        if !metricsFailedAlready { metricsBound.fail(failure) }
        drained.succeed()
        try? await pool.shutdown()
        return failure
    }

    /// Why `run()` could not start serving (a port taken, an address not local); already logged
    /// when thrown, so a caller need not print it again.
    public struct StartFailure: Error, CustomStringConvertible {
        public let message: String
        init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// A socket error in words: `bind(...): Address already in use (errno: 98)` becomes
    /// `address already in use (errno 98)`.
    static func describe(_ error: any Error) -> String {
        guard let io = error as? IOError else { return "\(error)" }
        return "\(String(cString: strerror(io.errnoCode)).lowercased()) (errno \(io.errnoCode))"
    }

    /// How long `run()` waits for the workers after the connections are closed. Engine work stops
    /// at its next interrupt check (milliseconds); work that does not (a bug) is left to end with
    /// the process rather than hold up the exit.
    static let workerStopWait = TimeAmount.seconds(1)

    /// Stops running engine work and the worker threads, waiting at most `workerStopWait`.
    /// Which comes first is decided on an event loop and by the pool's own callback, so a busy
    /// Swift concurrency pool cannot make the workers look late.
    private func stopWorkers() async {
        pool.interruptSignal.raise(.shutdown)
        let loop = group.next()
        /// Completes its promise once, with the first outcome.
        final class Outcome: Sendable {
            let promise: EventLoopPromise<Bool>
            private let settled = Atomic<Bool>(false)
            init(_ promise: EventLoopPromise<Bool>) { self.promise = promise }
            func settle(_ stopped: Bool) {
                if settled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
                    promise.succeed(stopped)
                }
            }
        }
        let outcome = Outcome(loop.makePromise(of: Bool.self))
        pool.shutdown { outcome.settle(true) }
        let timer = loop.scheduleTask(in: Self.workerStopWait) { outcome.settle(false) }
        if (try? await outcome.promise.futureResult.get()) != true {
            logger.warning("workers still busy \(Self.workerStopWait.humanReadable) after the connections closed; exiting without them")
        }
        timer.cancel()
    }

    private func makeBootstrap(router: RequestRouter) -> ServerBootstrap {
        var bootstrap = ServerBootstrap(group: group)
        for (option, value) in configuration.keepalive?.options ?? [] {
            bootstrap = bootstrap.childChannelOption(option, value: value)
        }
        return bootstrap
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            // One read (at most 64 KiB, NIO's adaptive maximum) per connection per event-loop
            // turn: every frame of a read is decoded and answered before the loop moves on, so
            // more reads per turn let one connection's burst hold up its neighbours (16 reads,
            // 10,000 pipelined pings, delayed the others on its loop by ~0.3 s).
            .childChannelOption(.maxMessagesPerRead, value: 1)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 256 << 10, high: 1 << 20))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try self.initializeConnection(channel, router: router)
                }
            }
    }

    private func initializeConnection(_ channel: any Channel, router: RequestRouter) throws {
        let key = ObjectIdentifier(channel)
        let (id, overCapacity, draining, evicted) = connections.withLock { state in
            let id = state.nextID
            state.nextID += 1
            var over = state.admitted >= configuration.maxConnections
            var evicted: Connections.Entry?
            if over, let victim = state.evictOldestWithoutPreface() {
                evicted = victim
                over = false
            } else if !over {
                state.admitted += 1
            }
            state.open[key] = Connections.Entry(channel: channel, id: id, admitted: !over)
            return (id, over, state.draining, evicted)
        }
        metrics.connectionOpened(refused: overCapacity)
        channel.closeFuture.whenComplete { _ in self.connectionClosed(key) }
        var logger = self.logger
        logger[metadataKey: "conn"] = "\(id)"
        logger[metadataKey: "peer"] = "\(channel.remoteAddress.map { "\($0)" } ?? "?")"
        if let evicted {
            logger.info(
                "closing connection \(evicted.id): at the limit of \(configuration.maxConnections) connections, the oldest one without a preface makes room"
            )
            evicted.channel.close(promise: nil)
        }
        if overCapacity {
            router.overload.log(.warning, logger, "connection over the limit of \(configuration.maxConnections); refusing it")
        }
        try channel.pipeline.syncOperations.addHandler(
            ServerConnectionHandler(
                router: router,
                pool: pool,
                outputBudget: outputBudget,
                overCapacity: overCapacity,
                logger: logger,
                onPrefaceAccepted: { self.connections.withLock { $0.open[key]?.prefaceReceived = true } }
            )
        )
        if draining { channel.close(promise: nil) }
    }

    private func connectionClosed(_ key: ObjectIdentifier) {
        metrics.connectionClosed()
        let done = connections.withLock { state in
            if let entry = state.open.removeValue(forKey: key), entry.admitted { state.admitted -= 1 }
            return state.draining && state.open.isEmpty
        }
        if done { drained.succeed() }
    }

    /// Lame duck: `/readyz` turns 503 at once, and for `drainDelay` the server goes on accepting
    /// and serving as before, so load balancers and Kubernetes take it out of rotation before
    /// anything is refused; then the shutdown proper begins.
    private func beginDraining(_ serverChannel: any Channel) {
        servingPhase.store(ServingPhase.draining.rawValue, ordering: .relaxed)
        let delay = configuration.drainDelay
        guard delay > .zero else { return beginShutdown(serverChannel) }
        logger.info(
            "draining: not ready from now; serving \(delay.humanReadable) more before shutting down",
            metadata: ["drain_delay": "\(delay.humanReadable)"]
        )
        group.next().scheduleTask(in: delay) { self.beginShutdown(serverChannel) }
    }

    private func beginShutdown(_ serverChannel: any Channel) {
        let open = connections.withLock { state in
            state.draining = true
            return state.open.values.map(\.channel)
        }
        logger.info("shutting down", metadata: ["connections": "\(open.count)"])
        serverChannel.close(promise: nil)
        if open.isEmpty {
            drained.succeed()
            return
        }
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(ServerDrainEvent())
        }
        group.next().scheduleTask(in: configuration.shutdownGrace) {
            let remaining = self.connections.withLock { $0.open.values.map(\.channel) }
            if !remaining.isEmpty {
                self.logger.warning("grace period over; closing \(remaining.count) connections")
            }
            // Engine work still running stops at its next check instead of holding up the exit.
            self.pool.interruptSignal.raise(.shutdown)
            for channel in remaining { channel.close(promise: nil) }
        }
    }
}
