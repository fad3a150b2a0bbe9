import ArgumentParser
import Foundation
import NIOCore
import PrecisBenchKit
import PrecisClient
import PrecisWire

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct PrecisBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precis-bench",
        abstract: "Load-test a Precis server: OK answers per second, errors, latency percentiles, second by second.",
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
            weighs 1); a mix is reported operation by operation as well as in total. Document \
            operations need --input: a text file (one document), a JSONL file (.jsonl/.ndjson, \
            one {"id","text"} object a line) or a directory of such files.

            The headline is the OK answers per second, with the errors and the error rate beside \
            it; any error is called out (a line in the text, a red banner in --html). Each second \
            a progress line goes to standard error when it is a terminal; the same seconds are in \
            the report's timeline (--json "timeline", a chart in --html). The final report goes \
            to standard output; --json prints one object whose shape is versioned \
            ("schemaVersion": 2) and described field by field in docs/BENCH.md.

            --repeat N runs the plan N times and reports the median and range (min–max) of the \
            throughput and each percentile. --compare BASE.json sets this run beside an earlier \
            --json report (change of throughput and of each percentile, with a noise note; the \
            HTML draws the base run's curve dashed); `precis-bench compare BASE.json NEW.json` \
            compares two saved reports.

            Exit status: 0 the run met its thresholds; 1 a threshold failed: the error rate was \
            above --max-error-rate (0 by default, so any error fails the run, as in ghz and k6), \
            p99 was above --max-p99, or nothing was answered; 2 a usage or setup error (bad \
            flags, unreadable --input or --compare file, a server that cannot be reached, a \
            report that cannot be written).

            Example: precis-bench --address \(ProtocolDefaults.address) --op ping --payload-bytes 3072 \
            --connections 4 --depth 50 --duration 10s --max-p99 5ms --json
            """,
        subcommands: [Compare.self]
    )

    @Option(name: .long, help: ArgumentHelp("Server address; repeat to spread connections over several servers (default \(ProtocolDefaults.address)).", valueName: "host:port"))
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

    @Option(name: .long, help: ArgumentHelp("Fail (exit 1) when more than this share of requests failed: a fraction (0.01) or a percentage (1%). Default 0: any error fails the run.", valueName: "rate"))
    var maxErrorRate: String = "0"

    @Option(name: .long, help: ArgumentHelp("Fail (exit 1) when p99 latency is above this, e.g. 5ms, 500us.", valueName: "duration"))
    var maxP99: String?

    @Option(name: .long, help: ArgumentHelp("Run the plan this many times; report the median and range (min–max) of throughput and percentiles.", valueName: "n"))
    var `repeat`: Int = 1

    @Option(name: .long, help: ArgumentHelp("An earlier --json report to set this run beside (change and noise note; its curve dashed in --html).", valueName: "base.json"))
    var compare: String?

    @Flag(name: .long, help: "Print the report as one JSON object (schema in docs/BENCH.md).")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Write the latency histogram (HdrHistogram percentile text, milliseconds) to this file.", valueName: "file"))
    var hdrOut: String?

    @Option(name: .long, help: ArgumentHelp("Write a self-contained HTML report (percentile and per-second charts) to this file.", valueName: "file"))
    var html: String?

    @Option(name: .long, help: ArgumentHelp("Process id of the server, to report its CPU time per request (Linux /proc).", valueName: "pid"))
    var serverPid: Int32?

    @Flag(name: [.short, .long], help: "No progress lines, even on a terminal.")
    var quiet = false

    /// Exit statuses: parse and validation errors (ArgumentParser's 64) and anything unforeseen
    /// become 2, as the help says; help, 0 and 1 pass through.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if error is ExitCode || exitCode(for: error) == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    func validate() throws {
        guard (1...10_000).contains(connections) else { throw ValidationError("--connections must be between 1 and 10000") }
        guard (1...10_000).contains(depth) else { throw ValidationError("--depth must be between 1 and 10000") }
        guard (1...depth).contains(batch), depth % batch == 0 else { throw ValidationError("--batch must divide --depth (got --batch \(batch), --depth \(depth))") }
        if batch > 1 && rate != nil { throw ValidationError("--batch is for the closed loop; an open loop (--rate) sends each request on its own schedule") }
        guard connections * depth <= 100_000 else { throw ValidationError("--connections × --depth must be at most 100000") }
        guard (0...(16 << 20)).contains(payloadBytes) else { throw ValidationError("--payload-bytes must be between 0 and 16777216") }
        guard (1...100).contains(`repeat`) else { throw ValidationError("--repeat must be between 1 and 100") }
        if let requests, requests < 1 { throw ValidationError("--requests must be at least 1") }
        for (name, value) in [("--duration", duration), ("--warmup", warmup), ("--timeout", timeout)] where TimeAmount(parsing: value) == nil {
            throw ValidationError("\(name) must be a duration like 500ms, 10s or 2m, got \"\(value)\"")
        }
        if let maxP99 {
            guard let amount = TimeAmount(parsing: maxP99), amount > .zero else {
                throw ValidationError("--max-p99 must be a duration above 0 like 500us, 5ms or 1s, got \"\(maxP99)\"")
            }
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
            _ = try Thresholds.parseRate(maxErrorRate)
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
        let thresholds = Thresholds(
            maxErrorRate: try Thresholds.parseRate(maxErrorRate),
            maxP99Micros: maxP99.flatMap(TimeAmount.init(parsing:)).map { UInt64(max(1, ($0.nanoseconds + 999) / 1000)) }
        )
        // Read the base first: a typo in its name should not cost a whole run.
        let base = try compare.map { path throws(BenchError) in try RunFigures(json: Self.read(path), label: path) }
        let documents = try input.map { path throws(BenchError) in try BenchInput.load(path) } ?? []
        let workload = try Workload(mix: mix, documents: documents, payloadBytes: payloadBytes)
        let endpoints = address.isEmpty ? [PrecisClient.Endpoint(host: ProtocolDefaults.host, port: ProtocolDefaults.port)] : address.compactMap(PrecisClient.Endpoint.init(parsing:))
        let progress = !quiet && isatty(STDERR_FILENO) != 0
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
            progress: progress,
            serverPID: serverPid
        )
        var results: [BenchResult] = []
        for number in 1...`repeat` {
            if progress && `repeat` > 1 { FileHandle.standardError.write(Data("run \(number) of \(`repeat`)\n".utf8)) }
            results.append(try await BenchRunner.run(plan))
        }
        let result = BenchResult.pooled(results)
        var report = result.report
        if results.count > 1 { report.repeats = RepeatSummary(results.map(\.report)) }
        let verdict = thresholds.judge(report)
        report.thresholds = verdict
        if let base { report.comparison = Comparison(base: base, new: RunFigures(report: report, label: "this run")) }

        if let hdrOut { try write(result.histogramText, to: hdrOut) }
        if let html { try write(report.html(generatedAt: Self.timestamp()), to: html) }
        print(json ? report.json() : report.text())
        if !verdict.passed {
            if json {
                for failure in verdict.failures { FileHandle.standardError.write(Data("precis-bench: threshold failed: \(failure)\n".utf8)) }
            }
            throw ExitCode(1)
        }
    }

    static func read(_ path: String) throws(BenchError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw BenchError("\(path) is not UTF-8 text") }
        return text
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

/// `precis-bench compare BASE.json NEW.json`: two saved reports side by side.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two --json reports: the change in throughput and each percentile, with a noise note.",
        discussion: """
            With --repeat on both sides a change counts as noise when the two ranges (min–max) \
            overlap; otherwise when it is under 10% (25% for p99.9 and max). Exit status: 0 \
            compared; 2 a file that cannot be read as a precis-bench report.
            """
    )

    @Argument(help: ArgumentHelp("The earlier report (precis-bench --json).", valueName: "base.json"))
    var base: String

    @Argument(help: ArgumentHelp("The later report.", valueName: "new.json"))
    var new: String

    @Flag(name: .long, help: "Print the comparison as one JSON object.")
    var json = false

    func run() throws {
        do throws(BenchError) {
            let comparison = Comparison(
                base: try RunFigures(json: PrecisBench.read(base), label: base),
                new: try RunFigures(json: PrecisBench.read(new), label: new)
            )
            print(json ? comparison.json() : comparison.text())
        } catch {
            FileHandle.standardError.write(Data("precis-bench compare: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }
}
