extension BenchReport {
    /// A heading for the run: `ping (16 B), 4 connections × 50 in flight, open loop at 20000 req/s`.
    public var title: String {
        var parts: [String] = []
        var operation = setup.operation
        if setup.operation.contains("ping") { operation += " (\(Formatting.bytes(Double(setup.payloadBytes))) payload)" }
        if setup.documents > 0 { operation += " over \(setup.documents) document\(setup.documents == 1 ? "" : "s")" }
        parts.append(operation)
        parts.append("\(setup.connections) connection\(setup.connections == 1 ? "" : "s") × \(setup.depth) in flight"
            + (setup.batch > 1 ? " (batches of \(setup.batch))" : ""))
        if let rate = setup.rate { parts.append("open loop at \(Formatting.count(Int(rate))) req/s") }
        if setup.repeats > 1 { parts.append("\(setup.repeats) runs") }
        return parts.joined(separator: ", ")
    }

    /// The headline: OK answers per second, and the errors beside them.
    public var headline: String {
        var line = "\(Formatting.count(Int(throughput.rounded()))) OK/s"
        if errors == 0 {
            line += ", 0 errors"
        } else {
            line += ", \(Formatting.count(Int(errorsPerSecond.rounded()))) errors/s (\(Formatting.percent(errorRate)) of requests failed)"
        }
        if let note = repeatNote { line += "; " + note }
        return line
    }

    /// With `--repeat`: the headline pools every run; this says what the runs did one by one.
    public var repeatNote: String? {
        guard let repeats, repeats.runs.count > 1 else { return nil }
        let t = repeats.throughput
        return "all \(repeats.runs.count) runs pooled; median of the runs \(Formatting.count(Int(t.median.rounded()))) OK/s "
            + "(range \(Formatting.count(Int(t.min.rounded())))–\(Formatting.count(Int(t.max.rounded()))))"
    }

    /// One sentence on the errors, or nil when there were none: the share that failed and how.
    public var errorSummary: String? {
        guard errors > 0 else { return nil }
        let failed = statusCounts.filter { $0.key != "OK" }.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        return "\(Formatting.percent(errorRate)) of requests failed (\(Formatting.count(errors)) of \(Formatting.count(requests))): "
            + failed.map { "\($0.key) \(Formatting.count($0.value))" }.joined(separator: ", ")
    }

    /// The final report for people.
    public func text() -> String {
        var lines: [String] = []
        lines.append("precis-bench: \(title) against \(setup.addresses.joined(separator: ", "))")
        lines.append("  throughput   \(headline)")
        if let errorSummary { lines.append("  ERRORS       \(errorSummary)") }
        lines.append(
            "  requests     \(Formatting.count(requests)) in \(Formatting.fixed(durationSeconds, places: 2)) s "
                + "(\(Formatting.count(ok)) OK, \(Formatting.count(errors)) errors; \(Formatting.count(Int(answeredThroughput.rounded()))) answers/s)"
        )
        lines.append("  latency      " + Self.describe(latency))
        if let serverTime {
            lines.append("  server time  " + Self.describe(serverTime))
        }
        lines.append("  status       " + Self.describe(statusCounts))
        if operations.count > 1 {
            lines.append("  by operation")
            let width = operations.map(\.name.count).max() ?? 0
            for operation in operations {
                let name = operation.name + String(repeating: " ", count: width - operation.name.count)
                var line = "    \(name)  \(Formatting.count(Int(operation.throughput.rounded()))) OK/s, "
                line += operation.errors == 0 ? "0 errors" : "\(Formatting.count(operation.errors)) errors (\(Formatting.percent(operation.errorRate)))"
                line += "; " + Self.describe(operation.latency)
                lines.append(line)
                lines.append("    " + String(repeating: " ", count: width) + "  status " + Self.describe(operation.statusCounts))
            }
        }
        if let bytesSent, let bytesReceived, durationSeconds > 0 {
            lines.append(
                "  bytes        sent \(Formatting.bytes(Double(bytesSent))) (\(Formatting.bytes(Double(bytesSent) / durationSeconds))/s), "
                    + "received \(Formatting.bytes(Double(bytesReceived))) (\(Formatting.bytes(Double(bytesReceived) / durationSeconds))/s)"
            )
        }
        var cpu: [String] = []
        if let client = clientCPUMicrosPerRequest { cpu.append("client \(Formatting.micros(client))/request") }
        if let server = serverCPUMicrosPerRequest { cpu.append("server \(Formatting.micros(server))/request") }
        if !cpu.isEmpty { lines.append("  cpu          " + cpu.joined(separator: ", ")) }
        if let repeats, repeats.runs.count > 1 {
            lines.append("  repeats      \(repeats.runs.count) runs, median (range min–max):")
            let t = repeats.throughput
            lines.append(
                "    throughput \(Formatting.count(Int(t.median.rounded()))) OK/s (\(Formatting.count(Int(t.min.rounded())))–\(Formatting.count(Int(t.max.rounded()))), "
                    + "spread \(Formatting.percent(t.relativeRange)))"
            )
            var cells: [String] = []
            for (name, key) in [("p50", "p50"), ("p90", "p90"), ("p99", "p99"), ("p99.9", "p999"), ("max", "max")] {
                guard let s = repeats.latency[key] else { continue }
                cells.append("\(name) \(Formatting.micros(s.median)) (\(Formatting.micros(s.min))–\(Formatting.micros(s.max)))")
            }
            lines.append("    " + cells.joined(separator: "  "))
            lines.append("    per run: " + repeats.runs.map { run in
                "\(Formatting.count(Int(run.throughput.rounded())))" + (run.errors > 0 ? " (\(Formatting.count(run.errors)) errors)" : "")
            }.joined(separator: ", ") + " OK/s")
        }
        if let thresholds {
            if thresholds.passed {
                var marks = ["error rate \(Formatting.percent(errorRate)) ≤ \(Formatting.percent(thresholds.thresholds.maxErrorRate))"]
                if let p99 = thresholds.thresholds.maxP99Micros { marks.append("p99 \(Formatting.micros(latency.p99)) ≤ \(Formatting.micros(p99))") }
                lines.append("  thresholds   passed: " + marks.joined(separator: ", "))
            } else {
                lines.append("  thresholds   FAILED: " + thresholds.failures.joined(separator: "; "))
            }
        }
        if let comparison {
            lines.append(comparison.text())
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ p: Percentiles) -> String {
        "p50 \(Formatting.micros(p.p50))  p90 \(Formatting.micros(p.p90))  p99 \(Formatting.micros(p.p99))  "
            + "p99.9 \(Formatting.micros(p.p999))  max \(Formatting.micros(p.max))  (mean \(Formatting.micros(p.mean)))"
    }

    static func describe(_ counts: [String: Int]) -> String {
        let statuses = counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        return statuses.isEmpty ? "none" : statuses.map { "\($0.key) \(Formatting.count($0.value))" }.joined(separator: ", ")
    }
}
