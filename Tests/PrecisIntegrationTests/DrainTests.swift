import Foundation
import Logging
import NIOCore
import PrecisClient
import PrecisServer
import PrecisWire
import ServiceLifecycle
import Testing

/// Lame-duck shutdown: on a graceful shutdown `/readyz` turns 503 at once while the server goes
/// on serving for `drainDelay`, and only then sends GoAway and stops.
@Suite struct DrainTests {
    @Test func readinessTurnsAtOnceAndServingGoesOnForTheDrainDelay() async throws {
        let delay = 5.0
        let configuration = PrecisServer.Configuration.defaults {
            $0.port = 0
            $0.metricsPort = 0
            $0.shutdownGrace = .seconds(5)
            $0.drainDelay = .milliseconds(Int64(delay * 1000))
        }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let server = PrecisServer(configuration: configuration, logger: logger)
        let services = ServiceGroup(services: [server], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            let port = try await server.listeningAddress().port!
            let metricsPort = try await server.metricsAddress()!.port!
            #expect(try await httpGet(metricsPort, "/readyz").hasPrefix("HTTP/1.1 200"))
            #expect(try await httpGet(metricsPort, "/healthz").hasPrefix("HTTP/1.1 200"))

            let probe = testClient(port: port, connections: 1)
            #expect(try await probe.health().status == .serving)

            let started = Date()
            await services.triggerGracefulShutdown()
            // The service group tells the server asynchronously: wait for readiness to turn.
            var ready = try await httpGet(metricsPort, "/readyz")
            for _ in 0..<100 where ready.hasPrefix("HTTP/1.1 200") {
                try await Task.sleep(for: .milliseconds(20))
                ready = try await httpGet(metricsPort, "/readyz")
            }
            #expect(ready.hasPrefix("HTTP/1.1 503"))
            #expect(ready.contains("draining"))
            #expect(try await httpGet(metricsPort, "/healthz").hasPrefix("HTTP/1.1 200"))  // still alive
            let health = try await probe.health()
            #expect(health.status == .draining)
            #expect(health.reason.hasPrefix("draining"))
            await probe.close()

            // A client that connects during the delay is served as before (after it, the listener
            // is closed and this would fail).
            let client = testClient(port: port, connections: 1)
            #expect(try await client.ping([7]) == [7])
            await client.close()

            try await group.waitForAll()
            #expect(Date().timeIntervalSince(started) >= delay)
        }
    }
}

/// One HTTP/1.1 GET with `Connection: close`; the whole answer as text.
private func httpGet(_ port: Int, _ path: String) async throws -> String {
    try await RawConnection.withConnection(port: port) { io in
        try await io.send(Array("GET \(path) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".utf8))
        return String(decoding: try await io.readToEnd(), as: UTF8.self)
    }
}
