import ArgumentParser
import Foundation
import NIOCore
import PrecisBenchKit
import PrecisClient

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct PrecisBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precis-bench",
        abstract: "Load-test a Precis server: throughput, latency percentiles, status counts.",
        discussion: """
            Closed loop (default): --connections C × --depth D requests in flight; each worker \
            sends its next request as soon as the last is answered. Open loop (--rate R): \
            requests leave on a fixed schedule of R per second over all connections, and each \
            latency counts from the time the request was due, so a stalled server shows in the \
            tail (coordinated omission corrected, as in wrk2); at most C × D are in flight. \
            Each connection's pacer wakes at most every 200 µs and sends what is due by then \
            together (that wait counts in the latency too). \
            With --batch B the closed loop sends B requests at a time in one write and waits for \
            all of them (like redis-benchmark -P); each latency still counts per request.

            --op takes one operation (ping, parse, summarize, extract, analyze), `mix` (all five, \
            equal weights) or a weighted mix: --op mix=ping:1,summarize:3 (a name without :N \
            weighs 1). Document operations need --input: a text file (one document), a JSONL \
            file (.jsonl/.ndjson, one {"id","text"} object a line) or a directory of such files.

            Each second a progress line goes to standard error when it is a terminal. The final \
            report goes to standard output (--json: one JSON object with requests, errors, \
            durationSeconds, throughput, latencyMicros {p50,p90,p99,p999,max,mean}, \
            serverMicros, statusCounts, bytesSent, bytesReceived, clientCpuMicrosPerRequest, \
            serverCpuMicrosPerRequest, setup).

            Example: precis-bench --address 127.0.0.1:7450 --op ping --payload-bytes 3072 \
            --connections 4 --depth 50 --duration 10s --json
            """
    )

    @Option(name: .long, help: ArgumentHelp("Server address; repeat to spread connections over several servers (default 127.0.0.1:7450).", valueName: "host:port"))
    var address: [String] = []

    @Option(name: [.short, .long], help: "Connections to open (spread round-robin over the addresses).")
    var connections: Int = 1

    @Option(name: [.short, .long], help: "Requests in flight on each connection.")
    var depth: Int = 1

    @Option(name: [.short, .long], help: ArgumentHelp("Closed loop: send requests in batches of this many, one write each, waiting for the whole batch before the next (like redis-benchmark -P). --depth must be a multiple; 1 sends each request on its own.", valueName: "n"))
    var batch: Int = 1

    @Option(name: .long, help: ArgumentHelp("ping, parse, summarize, extract, analyze, mix, or mix=OP:WEIGHT,... (e.g. mix=ping:1,summarize:3).", valueName: "op"))
    var op: String = "ping"

    @Option(name: .long, help: "Bytes of payload in each ping.")
    var payloadBytes: Int = 16

    @Option(name: .long, help: ArgumentHelp("Documents for parse/summarize/extract/analyze: a text file, a JSONL file or a directory.", valueName: "path"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("How long to measure, e.g. 10s, 2m (ignored with --requests).", valueName: "duration"))
    var duration: String = "10s"

    @Option(name: [.short, .long], help: "Measure this many requests instead of a duration.")
    var requests: Int?

    @Option(name: .long, help: ArgumentHelp("Send load this long before measuring, e.g. 1s (0 for none).", valueName: "duration"))
    var warmup: String = "1s"

    @Option(name: .long, help: ArgumentHelp("Open loop: requests per second over all connections, on a fixed schedule.", valueName: "per-second"))
    var rate: Double?

    @Option(name: .long, help: ArgumentHelp("Timeout of each request (DEADLINE_EXCEEDED after it); 0 for none.", valueName: "duration"))
    var timeout: String = "30s"

    @Flag(name: .long, help: "Print the report as one JSON object.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Write the latency histogram (HdrHistogram percentile text, milliseconds) to this file.", valueName: "file"))
    var hdrOut: String?

    @Option(name: .long, help: ArgumentHelp("Write a self-contained HTML report with the percentile chart to this file.", valueName: "file"))
    var html: String?

    @Option(name: .long, help: ArgumentHelp("Process id of the server, to report its CPU time per request (Linux /proc).", valueName: "pid"))
    var serverPid: Int32?

    @Flag(name: [.short, .long], help: "No progress lines, even on a terminal.")
    var quiet = false

    func validate() throws {
        guard (1...10_000).contains(connections) else { throw ValidationError("--connections must be between 1 and 10000") }
        guard (1...10_000).contains(depth) else { throw ValidationError("--depth must be between 1 and 10000") }
        guard (1...depth).contains(batch), depth % batch == 0 else { throw ValidationError("--batch must divide --depth (got --batch \(batch), --depth \(depth))") }
        if batch > 1 && rate != nil { throw ValidationError("--batch is for the closed loop; an open loop (--rate) sends each request on its own schedule") }
        guard connections * depth <= 100_000 else { throw ValidationError("--connections × --depth must be at most 100000") }
        guard (0...(16 << 20)).contains(payloadBytes) else { throw ValidationError("--payload-bytes must be between 0 and 16777216") }
        if let requests, requests < 1 { throw ValidationError("--requests must be at least 1") }
        for (name, value) in [("--duration", duration), ("--warmup", warmup), ("--timeout", timeout)] where TimeAmount(parsing: value) == nil {
            throw ValidationError("\(name) must be a duration like 500ms, 10s or 2m, got \"\(value)\"")
        }
        if requests == nil, let amount = TimeAmount(parsing: duration), amount <= .zero {
            throw ValidationError("--duration must be longer than 0")
        }
        for value in address where PrecisClient.Endpoint(parsing: value) == nil {
            throw ValidationError("--address must be host:port, got \"\(value)\"")
        }
        do {
            if let rate { _ = try OpenLoopSchedule(rate: rate) }
            _ = try OperationMix(parsing: op)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        do {
            try await measure()
        } catch let error as BenchError {
            FileHandle.standardError.write(Data("precis-bench: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func measure() async throws {
        let mix = try OperationMix(parsing: op)
        let documents = try input.map { path throws(BenchError) in try BenchInput.load(path) } ?? []
        let workload = try Workload(mix: mix, documents: documents, payloadBytes: payloadBytes)
        let endpoints = address.isEmpty ? [PrecisClient.Endpoint(host: "127.0.0.1", port: 7450)] : address.compactMap(PrecisClient.Endpoint.init(parsing:))
        let plan = BenchPlan(
            endpoints: endpoints,
            connections: connections,
            depth: depth,
            batch: batch,
            workload: workload,
            duration: requests == nil ? TimeAmount(parsing: duration) : nil,
            requests: requests,
            warmup: TimeAmount(parsing: warmup) ?? .zero,
            rate: rate,
            timeout: TimeAmount(parsing: timeout).flatMap { $0 > .zero ? $0 : nil },
            progress: !quiet && isatty(STDERR_FILENO) != 0,
            serverPID: serverPid
        )
        let result = try await BenchRunner.run(plan)
        if let hdrOut { try write(result.histogramText, to: hdrOut) }
        if let html { try write(result.report.html(generatedAt: Self.timestamp()), to: html) }
        print(json ? result.report.json() : result.report.text())
        if result.report.requests > 0 && result.report.errors == result.report.requests {
            throw ExitCode(1)
        }
    }

    private func write(_ text: String, to path: String) throws(BenchError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw BenchError("cannot write \(path)")
        }
    }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date())
    }
}
