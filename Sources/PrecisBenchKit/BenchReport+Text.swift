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
        return parts.joined(separator: ", ")
    }

    /// The final report for people.
    public func text() -> String {
        var lines: [String] = []
        lines.append("precis-bench: \(title) against \(setup.addresses.joined(separator: ", "))")
        lines.append(
            "  requests     \(Formatting.count(requests)) in \(Formatting.fixed(durationSeconds, places: 2)) s, "
                + "\(Formatting.count(errors)) errors, \(Formatting.count(Int(throughput.rounded()))) req/s"
        )
        lines.append("  latency      " + Self.describe(latency))
        if let serverTime {
            lines.append("  server time  " + Self.describe(serverTime))
        }
        let statuses = statusCounts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        lines.append("  status       " + (statuses.isEmpty ? "none" : statuses.map { "\($0.key) \(Formatting.count($0.value))" }.joined(separator: ", ")))
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
        return lines.joined(separator: "\n")
    }

    static func describe(_ p: Percentiles) -> String {
        "p50 \(Formatting.micros(p.p50))  p90 \(Formatting.micros(p.p90))  p99 \(Formatting.micros(p.p99))  "
            + "p99.9 \(Formatting.micros(p.p999))  max \(Formatting.micros(p.max))  (mean \(Formatting.micros(p.mean)))"
    }
}
