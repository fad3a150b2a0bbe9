import NIOCore
import PrecisClient
import PrecisWire
import Testing

@Suite struct LimitsTests {
    private static let longDocument = Document(
        String(repeating: "The council met again on Tuesday and talked about the bridge for hours. ", count: 15_000)
    )

    @Test func workPastItsDeadlineIsDeadlineExceeded() async throws {
        try await withTestServer({ $0.workers = 1 }) { port in
            let client = testClient(port: port)
            do {
                _ = try await client.analyze(Self.longDocument, timeout: .milliseconds(1))
                Issue.record("a 1 MB analyze finished within 1 ms")
            } catch let error as PrecisError {
                #expect(error.code == .deadlineExceeded)
            }
            // The connection is still good.
            #expect(try await client.ping([1]) == [1])
            await client.close()
        }
    }

    @Test func fullWorkerQueueIsResourceExhaustedAtOnce() async throws {
        try await withTestServer({
            $0.workers = 1
            $0.maxQueuedRequests = 1
        }) { port in
            let client = testClient(port: port, connections: 1)
            let codes = try await withThrowingTaskGroup(of: StatusCode.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await client.summarize(Self.longDocument)
                            return .ok
                        } catch let error as PrecisError {
                            return error.code
                        }
                    }
                }
                return try await group.reduce(into: [StatusCode]()) { $0.append($1) }
            }
            #expect(codes.contains(.ok))
            #expect(codes.contains(.resourceExhausted))
            #expect(codes.allSatisfy { $0 == .ok || $0 == .resourceExhausted })
            // Ping is answered on the event loop and never queues.
            #expect(try await client.ping([2]) == [2])
            await client.close()
        }
    }

    @Test func connectionsPastTheLimitAreRefusedCleanly() async throws {
        try await withTestServer({ $0.maxConnections = 1 }) { port in
            let first = testClient(port: port, connections: 1)
            #expect(try await first.ping([1]) == [1])
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                #expect(try await io.expectServerPreface() == .current)
                let answer = try #require(try await io.readResponse())
                #expect(answer.status?.code == .resourceExhausted)
                #expect(try await io.readToEnd().isEmpty)
            }
            // The admitted connection is unaffected.
            #expect(try await first.ping([2]) == [2])
            await first.close()
        }
    }

    @Test func clientReconnectsAfterTheServerClosedItsConnection() async throws {
        try await withTestServer({ $0.idleTimeout = .milliseconds(500) }) { port in
            let client = testClient(port: port, connections: 1)
            #expect(try await client.ping([1]) == [1])
            try await Task.sleep(for: .milliseconds(1500))  // the server closes the idle connection
            #expect(try await client.ping([2]) == [2])
            await client.close()
        }
    }

    @Test func unreachableServerIsAConnectFailure() async throws {
        // Port 1 on loopback: nothing listens there.
        let client = PrecisClient(host: "127.0.0.1", port: 1, configuration: .init(connectTimeout: .seconds(2)))
        do {
            _ = try await client.ping()
            Issue.record("connected to port 1")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.isConnectFailure)
        }
        await client.close()
    }
}
