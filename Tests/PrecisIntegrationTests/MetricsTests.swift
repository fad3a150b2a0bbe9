import Logging
import NIOCore
import PrecisClient
import PrecisServer
import PrecisWire
import Testing

/// `/metrics` after real traffic: the counters a dashboard relies on move, and nothing else is
/// served on the metrics port.
@Suite struct MetricsTests {
    @Test func countersMoveAfterTraffic() async throws {
        try await withMetricsServer { port, metricsPort in
            let before = try await scrape(metricsPort)
            #expect(before["precis_requests_total{operation=\"ping\",status=\"OK\"}"] == 0)

            let client = testClient(port: port, connections: 1)
            for _ in 0..<3 { _ = try await client.ping([1, 2, 3]) }
            _ = try await client.summarize(Document(Article.text), options: SummaryOptions(length: .sentences(2)))
            await #expect(throws: PrecisError.self) {
                _ = try await client.summarize(Document(Article.text), options: SummaryOptions(length: .ratio(2)))
            }
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                _ = try await io.expectServerPreface()
                try await io.sendFrame([0xFF, 0xFF, 0xFF])
                _ = try await io.readResponse()
            }
            let info = try await client.info()
            await client.close()

            let after = try await scrape(metricsPort)
            #expect(after["precis_requests_total{operation=\"ping\",status=\"OK\"}"] == 3)
            #expect(after["precis_requests_total{operation=\"summarize\",status=\"OK\"}"] == 1)
            #expect(after["precis_requests_total{operation=\"summarize\",status=\"INVALID_ARGUMENT\"}"] == 1)
            #expect(after["precis_frames_rejected_total{reason=\"undecodable\"}"] == 1)
            #expect(after["precis_request_duration_seconds_count{operation=\"ping\"}"] == 3)
            #expect(after["precis_request_duration_seconds_count{operation=\"summarize\"}"] == 2)
            #expect((after["precis_request_duration_seconds_sum{operation=\"summarize\"}"] ?? 0) > 0)
            #expect((after["precis_connections_total"] ?? 0) >= 2)
            #expect((after["precis_bytes_received_total"] ?? 0) > Double(Article.text.utf8.count * 2))
            #expect((after["precis_bytes_sent_total"] ?? 0) > 0)
            #expect(after["precis_requests_in_flight"] == 0)
            #expect(after["precis_queue_depth"] == 0)
            #expect(after.keys.contains("precis_uptime_seconds"))
            // The summaries' time split into waiting for a worker and running on it.
            #expect(after["precis_queue_wait_seconds_count{operation=\"summarize\"}"] == 2)
            #expect(after["precis_run_seconds_count{operation=\"summarize\"}"] == 2)
            #expect(after["precis_build_info{version=\"\(PrecisServer.version)\",protocol=\"1.0\"}"] == 1)
            #expect((after["process_cpu_seconds_total"] ?? 0) > 0)
            #expect((after["process_resident_memory_bytes"] ?? 0) > 1_000_000)
            #expect((after["process_open_fds"] ?? 0) >= 3)

            // info reports the load too: itself in flight, the requests before it answered.
            #expect(info.inFlight == 1)
            #expect(info.connections >= 1)
            #expect(info.requestsTotal >= 6)
            #expect(info.limits?.frameTimeoutMs == 10_000)
        }
    }

    @Test func everyFamilyHasHelp() async throws {
        try await withMetricsServer { _, metricsPort in
            let text = try await httpRequest(metricsPort, "GET /metrics HTTP/1.1")
            let lines = text.split(whereSeparator: \.isNewline)  // "\r\n" is one Character
            let typed = lines.filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] }
            let helped = Set(lines.filter { $0.hasPrefix("# HELP ") }.map { $0.split(separator: " ")[2] })
            #expect(typed.count >= 20)
            #expect(typed.filter { !helped.contains($0) }.isEmpty, "no # HELP for \(typed.filter { !helped.contains($0) })")
        }
    }

    @Test func otherPathsAndMethodsAreRefused() async throws {
        try await withMetricsServer { _, metricsPort in
            let notFound = try await httpRequest(metricsPort, "GET /other HTTP/1.1")
            #expect(notFound.hasPrefix("HTTP/1.1 404"))
            let post = try await httpRequest(metricsPort, "POST /metrics HTTP/1.1")
            #expect(post.hasPrefix("HTTP/1.1 405"))
            let ok = try await httpRequest(metricsPort, "GET /metrics HTTP/1.1")
            #expect(ok.hasPrefix("HTTP/1.1 200"))
            #expect(ok.contains("Content-Type: text/plain; version=0.0.4"))
        }
    }

    @Test func withoutAMetricsPortNothingIsServed() async throws {
        let server = PrecisServer(
            configuration: .init(host: "127.0.0.1", port: 0),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            _ = try await server.listeningAddress()
            #expect(try await server.metricsAddress() == nil)
            #expect(server.metricsText().isEmpty)
            group.cancelAll()
            try await group.waitForAll()
        }
    }
}

/// A server with `metricsPort` 0: `body` gets the Precis port and the metrics port.
private func withMetricsServer(_ body: (_ port: Int, _ metricsPort: Int) async throws -> Void) async throws {
    let configuration = PrecisServer.Configuration.defaults {
        $0.port = 0
        $0.metricsPort = 0
        $0.shutdownGrace = .seconds(5)
    }
    let server = PrecisServer(configuration: configuration, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        do {
            let port = try await server.listeningAddress().port!
            let metricsPort = try await server.metricsAddress()!.port!
            try await body(port, metricsPort)
        } catch {
            group.cancelAll()
            try? await group.waitForAll()
            throw error
        }
        group.cancelAll()
        try await group.waitForAll()
    }
}

/// One HTTP/1.1 request with `Connection: close`; the whole answer as text.
private func httpRequest(_ port: Int, _ requestLine: String) async throws -> String {
    try await RawConnection.withConnection(port: port) { io in
        try await io.send(Array("\(requestLine)\r\nHost: test\r\nConnection: close\r\n\r\n".utf8))
        return String(decoding: try await io.readToEnd(), as: UTF8.self)
    }
}

/// The samples of a scrape: "name{labels}" → value (comments skipped).
private func scrape(_ port: Int) async throws -> [String: Double] {
    let answer = try await httpRequest(port, "GET /metrics HTTP/1.1")
    guard let split = answer.range(of: "\r\n\r\n") else { return [:] }
    var samples: [String: Double] = [:]
    for line in answer[split.upperBound...].split(separator: "\n") where !line.hasPrefix("#") {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
        samples[String(line[..<space])] = value
    }
    return samples
}
