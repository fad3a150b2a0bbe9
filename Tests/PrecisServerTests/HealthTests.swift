import Foundation
import NIOCore
import NIOEmbedded
import NIOHTTP1
import NIOPosix
import PrecisWire
import Testing

@testable import PrecisServer

/// `/healthz` and `/readyz`: the decisions as values, the liveness check on real event loops,
/// and the HTTP answers on an EmbeddedChannel.
@Suite struct HealthTests {
    @Test func readinessFollowsThePhaseAndTheQueue() {
        #expect(!Readiness.decide(phase: .starting, queued: 0, queueLimit: 8).healthy)
        #expect(Readiness.decide(phase: .serving, queued: 7, queueLimit: 8).healthy)
        let full = Readiness.decide(phase: .serving, queued: 8, queueLimit: 8)
        #expect(!full.healthy)
        #expect(full.reason.hasPrefix("overloaded"))
        let draining = Readiness.decide(phase: .draining, queued: 0, queueLimit: 8)
        #expect(!draining.healthy)
        #expect(draining.reason.hasPrefix("draining"))
    }

    @Test func theHealthOperationSaysWhatReadinessSays() {
        #expect(HealthResponse(phase: .serving, verdict: .ok("ready")).status == .serving)
        let full = HealthResponse(phase: .serving, verdict: .failing("overloaded: 8 requests queued"))
        #expect(full.status == .notServing)
        #expect(full.reason == "overloaded: 8 requests queued")
        #expect(HealthResponse(phase: .starting, verdict: .failing("starting")).status == .notServing)
        #expect(HealthResponse(phase: .draining, verdict: .failing("draining")).status == .draining)
    }

    @Test func livenessAnswersWhenEveryLoopTurnsAndFailsWhenOneIsWedged() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        defer { try? group.syncShutdownGracefully() }
        let loops = Array(group.makeIterator())
        let caller = loops[0]

        let healthy = try caller.flatSubmit { Liveness.check(loops, answerOn: caller) }.wait()
        #expect(healthy.healthy)
        #expect(healthy.reason == "alive: 2 event loops answered")

        // The second loop blocks (as a handler doing blocking I/O would) longer than the timeout.
        let release = DispatchSemaphore(value: 0)
        loops[1].execute { release.wait() }
        let wedged = try caller.flatSubmit { Liveness.check(loops, answerOn: caller, timeout: .milliseconds(100)) }.wait()
        release.signal()
        #expect(!wedged.healthy)
        #expect(wedged.reason == "1 of 2 event loops did not answer within 100ms")
    }

    @Test func theHealthPathsAnswerWithTheirVerdicts() throws {
        let probes = MetricsHTTPHandler.Probes(
            live: { $0.makeSucceededFuture(.ok("alive: 1 event loops answered")) },
            ready: { .failing("draining: shutting down, send new work elsewhere") }
        )
        #expect(try answer("GET /healthz HTTP/1.1", probes: probes).hasPrefix("HTTP/1.1 200 OK"))
        let ready = try answer("GET /readyz HTTP/1.1", probes: probes)
        #expect(ready.hasPrefix("HTTP/1.1 503 Service Unavailable"))
        #expect(ready.hasSuffix("\r\n\r\ndraining: shutting down, send new work elsewhere\n"))
        let head = try answer("HEAD /readyz HTTP/1.1", probes: probes)
        #expect(head.hasPrefix("HTTP/1.1 503") && head.hasSuffix("\r\n\r\n"))
        #expect(try answer("POST /healthz HTTP/1.1", probes: probes).hasPrefix("HTTP/1.1 405"))
        let missing = try answer("GET /health HTTP/1.1", probes: probes)
        #expect(missing.hasPrefix("HTTP/1.1 404"))
        #expect(missing.contains("/metrics, /healthz, /readyz"))
        let metrics = try answer("GET /metrics HTTP/1.1", probes: probes)
        #expect(metrics.hasPrefix("HTTP/1.1 200 OK") && metrics.hasSuffix("precis_up 1\n"))
    }

    @Test func aLivenessCheckThatFailsIsA503() throws {
        struct Broken: Error {}
        let probes = MetricsHTTPHandler.Probes(live: { $0.makeFailedFuture(Broken()) }, ready: { .ok("ready") })
        let answer = try answer("GET /healthz HTTP/1.1", probes: probes)
        #expect(answer.hasPrefix("HTTP/1.1 503"))
        #expect(answer.hasSuffix("the liveness check failed\n"))
    }

    /// One request through the HTTP pipeline and the handler; the answer as text.
    private func answer(_ requestLine: String, probes: MetricsHTTPHandler.Probes) throws -> String {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
        try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(probes: probes) { Array("precis_up 1\n".utf8) })
        try channel.writeInbound(ByteBuffer(string: "\(requestLine)\r\nHost: test\r\nConnection: close\r\n\r\n"))
        channel.embeddedEventLoop.run()
        var text = ""
        while let part = try channel.readOutbound(as: IOData.self) {
            if case .byteBuffer(let buffer) = part { text += String(buffer: buffer) }
        }
        _ = try? channel.finish()
        return text
    }
}
