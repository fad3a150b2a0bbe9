import Foundation
import NIOCore
import PrecisClient
import PrecisWire
import Synchronization
import Testing

/// One client over three precisd processes: one is killed mid-run and no call fails (every
/// operation is idempotent, so the client retries on another endpoint); the endpoint is used
/// again once a server is back on its port.
@Suite(.serialized) struct ScaleOutTests {
    @Test func killingOneOfThreeServersFailsNoCall() async throws {
        var servers = [try await ServerProcess(), try await ServerProcess(), try await ServerProcess()]
        let endpoints = servers.map { PrecisClient.Endpoint(host: "127.0.0.1", port: $0.port) }
        let client = PrecisClient(
            endpoints: endpoints,
            configuration: .init(
                connections: 6,
                connectTimeout: .seconds(2),
                defaultTimeout: .seconds(30),
                endpointBackoff: .milliseconds(50),
                maxEndpointBackoff: .milliseconds(300)
            )
        )
        let tally = Tally()
        let victim = servers[1]

        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for call in 0..<120 {
                        do {
                            if call % 6 == 0 {
                                let summary = try await client.summarize(
                                    Document(Article.text),
                                    options: SummaryOptions(length: .sentences(2))
                                )
                                if summary.sentences.count != 2 { tally.failures.withLock { $0.append("short summary") } }
                            } else {
                                let payload: [UInt8] = [UInt8(worker), UInt8(call % 256)]
                                if try await client.ping(payload) != payload { tally.failures.withLock { $0.append("bad echo") } }
                            }
                            tally.answered.add(1, ordering: .relaxed)
                        } catch {
                            tally.failures.withLock { $0.append("\(error)") }
                        }
                    }
                }
            }
            group.addTask {
                // Kill one server by its PID once traffic is flowing over all three.
                while tally.answered.load(ordering: .relaxed) < 150 { try await Task.sleep(for: .milliseconds(5)) }
                victim.signal(SIGKILL)
            }
            try await group.waitForAll()
        }
        let failed = tally.failures.withLock { $0 }
        #expect(failed.isEmpty, "calls failed after a server was killed: \(failed.prefix(5))")
        #expect(tally.answered.load(ordering: .relaxed) == 8 * 120)
        #expect(await victim.waitForExit(seconds: 5) != nil)

        // The survivors both served calls.
        for survivor in [servers[0], servers[2]] {
            #expect(try await requestsAnswered(port: survivor.port) > 0)
        }

        // A server back on the killed port gets calls again once its circuit's backoff passes.
        let reborn = try await ServerProcess(port: victim.port)
        servers[1] = reborn
        try await Task.sleep(for: .milliseconds(400))
        for call in 0..<60 {
            let payload: [UInt8] = [UInt8(call)]
            #expect(try await client.ping(payload) == payload)
        }
        #expect(try await requestsAnswered(port: reborn.port) > 0)
        await client.close()
        for server in servers { server.signal(SIGTERM) }
    }

    @Test func theCLISpreadsPingsOverCommaSeparatedAddresses() async throws {
        let servers = [try await ServerProcess(), try await ServerProcess()]
        let address = servers.map { "127.0.0.1:\($0.port)" }.joined(separator: ",")
        let result = try await run("precis", ["ping", "--address", address, "--count", "400", "--connections", "4", "--concurrency", "16", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"requests\":400"))
        for server in servers {
            #expect(try await requestsAnswered(port: server.port) > 0)
            server.signal(SIGTERM)
        }
    }
}

/// Calls answered and failures seen by the load's tasks.
private final class Tally: Sendable {
    let answered = Atomic<Int>(0)
    let failures = Mutex<[String]>([])
}

/// Requests a server had answered, asked over a connection of its own.
private func requestsAnswered(port: Int) async throws -> UInt64 {
    let client = PrecisClient(host: "127.0.0.1", port: port, configuration: .init(connections: 1))
    let info = try await client.info()
    await client.close()
    return info.requestsTotal
}
