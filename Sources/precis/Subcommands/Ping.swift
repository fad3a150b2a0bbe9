import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import PrecisClient
import PrecisWire

struct Ping: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the server answers, and how fast.",
        discussion: """
            Sends --count pings one after another and prints each round-trip time and the \
            endpoint that answered it. With --quiet, or --concurrency above 1 (that many pings \
            in flight over --connections connections), it prints only the throughput and \
            latency percentiles (p50, p90, p99, p99.9, max; --json has them too): a quick \
            measurement, not a load tool.

            With several addresses (--address a,b,c) the pings go round-robin over them; an \
            endpoint that does not answer is reported on standard error and skipped, and the \
            command fails (exit 3 when it cannot connect) only when none answers.
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
        if quiet || concurrency > 1 || connections > 1 {
            try await flood(payload: payload)
            return
        }
        try await sequential(payload: payload)
    }

    /// One ping at a time. Ping n goes to endpoint n mod endpoints; when that one does not
    /// answer, the next one is tried, and the line names the endpoint that really answered.
    private func sequential(payload: [UInt8]) async throws {
        let endpoints = try connection.endpoints()
        // One client per endpoint, so that an answer is known to come from that endpoint.
        let clients = endpoints.map { endpoint in
            PrecisClient(endpoints: [endpoint], configuration: connection.clientConfiguration(connections: 1))
        }
        var down = Set<Int>()  // endpoints reported down (reported once until they answer again)
        do {
            for sequence in 1...count {
                var lastFailure: PrecisError?
                var answered = false
                for attempt in 0..<endpoints.count {
                    let index = (sequence - 1 + attempt) % endpoints.count
                    let started = NIODeadline.now()
                    let echoed: [UInt8]
                    do {
                        echoed = try await clients[index].ping(payload)
                    } catch {
                        guard Self.isNoAnswer(error) else { throw error }
                        lastFailure = error
                        if endpoints.count > 1, down.insert(index).inserted {
                            printError("precis: no answer from \(endpoints[index]) (\(error)); trying the others")
                        }
                        continue
                    }
                    let micros = Double((NIODeadline.now() - started).nanoseconds) / 1000
                    guard echoed == payload else {
                        throw PrecisError(code: .internal, message: "\(endpoints[index]) echoed a different payload")
                    }
                    down.remove(index)
                    if output.json {
                        print("{\"seq\":\(sequence),\"endpoint\":\(jsonString(endpoints[index].description)),\"bytes\":\(echoed.count),\"micros\":\(Int(micros))}")
                    } else {
                        print("pong from \(endpoints[index]): seq=\(sequence) bytes=\(echoed.count) time=\(formatMillis(micros)) ms")
                    }
                    answered = true
                    break
                }
                if !answered, let lastFailure {
                    throw endpoints.count > 1 ? Self.noneAnswered(endpoints, lastFailure) : lastFailure
                }
            }
        } catch {
            for client in clients { await client.close() }
            throw error
        }
        for client in clients { await client.close() }
    }

    /// Keeps `concurrency` pings in flight until `count` are answered; prints one summary.
    /// Each connection is a client of its own on one event loop, and the workers that use it
    /// run on that loop (`EventLoopTaskExecutor`): no thread hop per ping. Endpoints that do
    /// not answer a first ping are skipped (and named on standard error); a worker whose
    /// endpoint stops answering during the run moves on to the next connection.
    private func flood(payload: [UInt8]) async throws {
        let count = self.count
        let workers = min(concurrency, count)
        let allEndpoints = try connection.endpoints()
        let endpoints = try await answeringEndpoints(allEndpoints)
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
                    let first = worker % clients.count
                    group.addTask(executorPreference: EventLoopTaskExecutor(loops[first])) {
                        var samples: [Int64] = []
                        samples.reserveCapacity(share)
                        var current = first
                        for _ in 0..<share {
                            var failures = 0
                            while true {
                                let sent = NIODeadline.now()
                                do {
                                    _ = try await clients[current].ping(payload)
                                    samples.append((NIODeadline.now() - sent).nanoseconds)
                                    break
                                } catch let error as PrecisError {
                                    // Every connection failed this ping in turn: nothing answers any more.
                                    failures += 1
                                    guard Self.isNoAnswer(error), failures < clients.count else { throw error }
                                    current = (current + 1) % clients.count
                                }
                            }
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
        let summary = LatencySummary(sortedNanoseconds: latencies)
        let rate = Int(Double(latencies.count) / seconds)
        if output.json {
            let answering = endpoints.map { jsonString($0.description) }.joined(separator: ",")
            let skipped = allEndpoints.filter { !endpoints.contains($0) }.map { jsonString($0.description) }.joined(separator: ",")
            print(
                "{\"requests\":\(latencies.count),\"seconds\":\(seconds),\"throughput\":\(rate),"
                    + "\"connections\":\(clientCount),\"concurrency\":\(concurrency),\"payloadBytes\":\(payload.count),"
                    + "\"p50Ms\":\(summary.json(0.5)),\"p90Ms\":\(summary.json(0.9)),\"p99Ms\":\(summary.json(0.99)),"
                    + "\"p999Ms\":\(summary.json(0.999)),\"maxMs\":\(summary.json(1)),"
                    + "\"endpoints\":[\(answering)],\"skippedEndpoints\":[\(skipped)]}"
            )
        } else {
            print(
                "\(latencies.count) pings of \(payload.count) bytes, \(clientCount) connections, \(concurrency) in flight: "
                    + "\(rate) req/s; latency p50 \(summary.text(0.5)) ms, p90 \(summary.text(0.9)) ms, "
                    + "p99 \(summary.text(0.99)) ms, p99.9 \(summary.text(0.999)) ms, max \(summary.text(1)) ms"
            )
        }
    }

    /// The endpoints that answer a first ping (each tried once, at the same time); the others are
    /// named on standard error. Throws when none answers.
    private func answeringEndpoints(_ endpoints: [PrecisClient.Endpoint]) async throws -> [PrecisClient.Endpoint] {
        if endpoints.count == 1 { return endpoints }  // its failure is the command's failure
        let configuration = connection.clientConfiguration(connections: 1)
        let results = await withTaskGroup(of: (Int, PrecisError?).self) { group in
            for (index, endpoint) in endpoints.enumerated() {
                group.addTask {
                    let client = PrecisClient(endpoints: [endpoint], configuration: configuration)
                    var failure: PrecisError?
                    do {
                        _ = try await client.ping()
                    } catch let error as PrecisError {
                        failure = error
                    } catch {
                        failure = PrecisError(code: .internal, message: "\(error)")
                    }
                    await client.close()
                    return (index, failure)
                }
            }
            var results = [PrecisError?](repeating: nil, count: endpoints.count)
            for await (index, failure) in group { results[index] = failure }
            return results
        }
        var answering: [PrecisClient.Endpoint] = []
        var lastFailure: PrecisError?
        for (endpoint, failure) in zip(endpoints, results) {
            if let failure {
                guard Self.isNoAnswer(failure) else { throw failure }
                printError("precis: skipping \(endpoint): \(failure)")
                lastFailure = failure
            } else {
                answering.append(endpoint)
            }
        }
        if answering.isEmpty, let lastFailure { throw Self.noneAnswered(endpoints, lastFailure) }
        return answering
    }

    /// A failure that means "this endpoint did not answer" (down, unreachable, too slow, going
    /// away) rather than an answer that is wrong.
    static func isNoAnswer(_ error: PrecisError) -> Bool {
        error.isConnectFailure || error.code == .unavailable || error.code == .deadlineExceeded
    }

    /// The error when no endpoint answered: the last failure's code (and connect flag, which
    /// decides the exit status), naming every endpoint.
    static func noneAnswered(_ endpoints: [PrecisClient.Endpoint], _ last: PrecisError) -> PrecisError {
        let names = endpoints.map(\.description).joined(separator: ", ")
        return PrecisError(
            code: last.code, message: "none of \(names) answered (last: \(last.message))",
            origin: last.origin)
    }
}

/// Percentiles of sorted latencies (nearest rank), printed in milliseconds.
struct LatencySummary {
    var sortedNanoseconds: [Int64]

    func nanoseconds(_ p: Double) -> Int64 {
        guard !sortedNanoseconds.isEmpty else { return 0 }
        let rank = Int((Double(sortedNanoseconds.count) * p).rounded(.up))
        return sortedNanoseconds[min(sortedNanoseconds.count - 1, max(0, rank - 1))]
    }

    func text(_ p: Double) -> String { formatMillis(Double(nanoseconds(p)) / 1000) }

    /// Milliseconds with microsecond precision, as a JSON number.
    func json(_ p: Double) -> String {
        let micros = nanoseconds(p) / 1000
        let fraction = String(micros % 1000)
        return "\(micros / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}

/// `text` as a JSON string literal.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func formatMillis(_ micros: Double) -> String {
    let hundredths = Int((micros / 10).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
