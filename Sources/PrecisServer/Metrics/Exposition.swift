/// What `/metrics` adds to swift-prometheus's text: a `# HELP` line for every family (the
/// swift-metrics factory names families but cannot describe them) and `precis_build_info`.
enum Exposition {
    /// One sentence for each family the server exports; a test checks that none is missing.
    static let help: [String: String] = [
        "precis_requests_total": "Requests answered, by operation and status code.",
        "precis_request_duration_seconds": "From reading a request to its answer being ready, queue wait included.",
        "precis_queue_wait_seconds": "Time a parse, summarize, extract or analyze request waited for a worker.",
        "precis_run_seconds": "Time a worker spent on a parse, summarize, extract or analyze request.",
        "precis_requests_in_flight": "Requests received and not yet answered, all connections.",
        "precis_queue_depth": "Requests waiting for or running on a worker (compare with --max-queue).",
        "precis_connections_open": "Connections open now.",
        "precis_connections_total": "Connections accepted since the start.",
        "precis_connections_refused_total": "Connections refused past --max-connections.",
        "precis_bytes_received_total": "Bytes read from clients (prefaces and frames).",
        "precis_bytes_sent_total": "Bytes of response frames written to clients.",
        "precis_frames_rejected_total": "Frames that never reached an operation, by reason.",
        "precis_uptime_seconds": "Seconds since the server started.",
    ]

    /// `text` with `# HELP NAME …` before each `# TYPE NAME …` line whose family has help.
    static func withHelp(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + help.count * 80)
        let typePrefix = Array("# TYPE ".utf8)
        for line in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.starts(with: typePrefix) {
                let name = line.dropFirst(typePrefix.count).prefix { $0 != UInt8(ascii: " ") }
                if let sentence = help[String(decoding: name, as: UTF8.self)] {
                    out += Array("# HELP ".utf8) + name + Array(" \(sentence)\n".utf8)
                }
            }
            out += line
            out.append(UInt8(ascii: "\n"))
        }
        if text.last == UInt8(ascii: "\n") || text.isEmpty { out.removeLast() }  // no newline added at the end
        return out
    }

    /// `precis_build_info{version="0.1.0",protocol="1.0"} 1`, as Prometheus exporters name their build.
    static func buildInfo(version: String, protocolVersion: String) -> [UInt8] {
        Array(
            """
            # HELP precis_build_info The running precisd's version and protocol version (always 1).
            # TYPE precis_build_info gauge
            precis_build_info{version="\(version)",protocol="\(protocolVersion)"} 1

            """.utf8
        )
    }
}
