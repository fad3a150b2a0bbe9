import ArgumentParser
import NIOCore
import NIOPosix
import PrecisClient
import PrecisWire

struct Ping: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the server answers, and how fast.",
        discussion: """
            Sends --count pings one after another and prints each round-trip time. With \
            --quiet, or --concurrency above 1 (that many pings in flight over --connections \
            connections), it prints only the throughput and latency percentiles: a quick \
            measurement, not a load tool.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Pings to send.")
    var count: Int = 1

    @Option(name: .long, help: "Bytes of payload each ping carries (echoed back).")
    var payloadBytes: Int = 0

    @Option(name: .long, help: "Pings in flight at once; above 1 prints a throughput summary.")
    var concurrency: Int = 1

    @Option(name: .long, help: "Connections to spread the pings over.")
    var connections: Int = 1

    @Flag(name: [.short, .long], help: "Print only the summary (implied by --concurrency or --connections above 1).")
    var quiet = false

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
        guard (1...4096).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 4096") }
        guard (1...256).contains(connections) else { throw ValidationError("--connections must be between 1 and 256") }
        guard (0...(1 << 20)).contains(payloadBytes) else { throw ValidationError("--payload-bytes must be between 0 and 1048576") }
    }

    func run() async throws {
        let payload = (0..<payloadBytes).map { UInt8(truncatingIfNeeded: $0) }
        let endpoint = try connection.endpoint()
        if quiet || concurrency > 1 || connections > 1 {
            try await flood(payload: payload)
            return
        }
        try await connection.withClient { client in
            for sequence in 1...count {
                let started = NIODeadline.now()
                let echoed = try await client.ping(payload)
                let micros = Double((NIODeadline.now() - started).nanoseconds) / 1000
                guard echoed == payload else {
                    throw PrecisError(code: .internal, message: "the server echoed a different payload")
                }
                if output.json {
                    print("{\"seq\":\(sequence),\"bytes\":\(echoed.count),\"micros\":\(Int(micros))}")
                } else {
                    print("pong from \(endpoint): seq=\(sequence) bytes=\(echoed.count) time=\(formatMillis(micros)) ms")
                }
            }
        }
    }

    /// Keeps `concurrency` pings in flight until `count` are answered; prints one summary.
    /// Each connection is a client of its own on one event loop, and the workers that use it
    /// run on that loop (`EventLoopTaskExecutor`): no thread hop per ping.
    private func flood(payload: [UInt8]) async throws {
        let count = self.count
        let workers = min(concurrency, count)
        let endpoints = try connection.endpoints()
        let clientCount = max(connections, endpoints.count)
        let loops = (0..<clientCount).map { _ in MultiThreadedEventLoopGroup.singleton.next() }
        let clients = loops.indices.map { index in
            PrecisClient(
                endpoints: [endpoints[index % endpoints.count]],
                configuration: connection.clientConfiguration(connections: 1),
                eventLoopGroup: loops[index]
            )
        }
        let started = NIODeadline.now()
        let latencies: [Int64]
        do {
            latencies = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<workers {
                    // Worker w sends pings w, w + workers, w + 2·workers, … below count, over
                    // connection w mod connections.
                    let share = (count - worker + workers - 1) / workers
                    let client = clients[worker % clients.count]
                    group.addTask(executorPreference: EventLoopTaskExecutor(loops[worker % loops.count])) {
                        var samples: [Int64] = []
                        samples.reserveCapacity(share)
                        for _ in 0..<share {
                            let sent = NIODeadline.now()
                            _ = try await client.ping(payload)
                            samples.append((NIODeadline.now() - sent).nanoseconds)
                        }
                        return samples
                    }
                }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }.sorted()
            }
        } catch {
            for client in clients { await client.close() }
            throw error
        }
        for client in clients { await client.close() }
        let seconds = Double((NIODeadline.now() - started).nanoseconds) / 1e9
        func percentile(_ p: Double) -> String {
            formatMillis(Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) / 1000)
        }
        let rate = Int(Double(latencies.count) / seconds)
        if output.json {
            print("{\"requests\":\(latencies.count),\"seconds\":\(seconds),\"throughput\":\(rate),\"connections\":\(connections),\"concurrency\":\(concurrency)}")
        } else {
            print(
                "\(latencies.count) pings of \(payload.count) bytes, \(connections) connections, \(concurrency) in flight: "
                    + "\(rate) req/s; latency p50 \(percentile(0.5)) ms, p99 \(percentile(0.99)) ms, max \(percentile(1)) ms"
            )
        }
    }
}

func formatMillis(_ micros: Double) -> String {
    let hundredths = Int((micros / 10).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
