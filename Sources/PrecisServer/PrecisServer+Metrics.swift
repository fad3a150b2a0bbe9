import CoreMetrics
import NIOCore
import PrecisWire
import Prometheus

extension PrecisServer {
    /// Latency buckets of `precis_request_duration_seconds`: from a ping on loopback (tens of
    /// microseconds) to a long document at its deadline.
    static let latencyBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
        .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10), .seconds(30),
    ]

    /// With a metrics port the server keeps its own Prometheus registry (nothing global); without
    /// one it records into whatever `MetricsSystem` was bootstrapped with (no-op by default).
    static func makeMetrics(
        _ configuration: Configuration,
        pool: WorkerPool
    ) -> (ServerMetrics, PrometheusCollectorRegistry?) {
        let queueDepth: @Sendable () -> Int = { pool.queuedCount }
        guard configuration.metricsPort != nil else {
            return (ServerMetrics(factory: MetricsSystem.factory, queueDepth: queueDepth), nil)
        }
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        for label in ServerMetrics.histogramLabels { factory.durationHistogramBuckets[label] = latencyBuckets }
        return (ServerMetrics(factory: factory, queueDepth: queueDepth), registry)
    }

    /// The address `/metrics` is served on, once it is (nil when `metricsPort` is not set).
    public func metricsAddress() async throws -> SocketAddress? {
        try await metricsBound.futureResult.get()
    }

    /// The Prometheus text exposition of every metric, as a scrape of `/metrics` returns it
    /// (empty without a metrics port).
    public func metricsText() -> String {
        String(decoding: renderMetrics(), as: UTF8.self)
    }

    func renderMetrics() -> [UInt8] {
        guard let registry else { return [] }
        metrics.sampleGauges()
        var text = Exposition.withHelp(registry.emitToBuffer())
        text += Exposition.buildInfo(version: PrecisServer.version, protocolVersion: "\(Preface.current.major).\(Preface.current.minor)")
        text += ProcessMetrics.sample()?.exposition() ?? []
        return text
    }

    /// `/healthz` checks every event loop of the group; `/readyz` reads the phase and the queue.
    func healthProbes() -> MetricsHTTPHandler.Probes {
        let loops = Array(group.makeIterator())
        return MetricsHTTPHandler.Probes(
            live: { loop in Liveness.check(loops, answerOn: loop) },
            ready: { [self] in readiness() }
        )
    }

    /// The verdict of `/readyz` and of the health operation.
    func readiness() -> HealthVerdict {
        Readiness.decide(phase: phase, queued: pool.queuedCount, queueLimit: configuration.maxQueuedRequests)
    }

    /// Binds the metrics listener when `metricsPort` is set.
    func startMetrics() async throws -> (any Channel)? {
        guard let port = configuration.metricsPort else {
            metricsBound.succeed(nil)
            return nil
        }
        do {
            let channel = try await MetricsListener.bind(host: configuration.metricsHost, port: port, group: group,
                requestTimeout: configuration.metricsRequestTimeout, probes: healthProbes()
            ) {
                [self] in self.renderMetrics()
            }
            logger.info("serving metrics", metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
            metricsBound.succeed(channel.localAddress)
            return channel
        } catch {
            let failure = StartFailure("cannot serve metrics on \(configuration.metricsHost):\(port): \(Self.describe(error))")
            logger.error("\(failure.message)")
            metricsBound.fail(failure)
            throw failure
        }
    }
}
