extension BenchReport {
    /// A self-contained page (`--html`): the figures, the status counts and the latency by
    /// percentile drawn as inline SVG. No scripts, fonts or images from anywhere else.
    public func html(generatedAt: String? = nil) -> String {
        var series = [PercentileChart.Series(name: "latency seen by the client", color: "#1f6fb4", points: curve)]
        if !serverCurve.isEmpty {
            series.append(PercentileChart.Series(name: "time inside the server (server_micros)", color: "#d9822b", points: serverCurve))
        }
        let chart = PercentileChart(series: series, sampleCount: UInt64(requests)).svg()
        var rows: [(String, String)] = [
            ("requests", Formatting.count(requests)),
            ("errors", Formatting.count(errors)),
            ("measured for", "\(Formatting.fixed(durationSeconds, places: 2)) s"),
            ("throughput", "\(Formatting.count(Int(throughput.rounded()))) req/s"),
        ]
        if let bytesSent, let bytesReceived {
            rows.append(("bytes sent / received", "\(Formatting.bytes(Double(bytesSent))) / \(Formatting.bytes(Double(bytesReceived)))"))
        }
        if let client = clientCPUMicrosPerRequest { rows.append(("client CPU per request", Formatting.micros(client))) }
        if let server = serverCPUMicrosPerRequest { rows.append(("server CPU per request", Formatting.micros(server))) }

        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>precis-bench: \(HTML.escape(title))</title>
            <style>
            body { font: 15px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 24px 32px; max-width: 960px; }
            h1 { font-size: 20px; margin: 0 0 4px; }
            p.sub { color: #555; margin: 0 0 18px; }
            table { border-collapse: collapse; margin: 0 24px 18px 0; display: inline-table; vertical-align: top; }
            th, td { padding: 3px 12px 3px 0; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            thead th { border-bottom: 1px solid #bbb; }
            figure { margin: 8px 0 0; }
            figcaption { color: #555; font-size: 13px; }
            </style>
            </head>
            <body>
            <h1>precis-bench: \(HTML.escape(title))</h1>
            <p class="sub">against \(HTML.escape(setup.addresses.joined(separator: ", ")))\(generatedAt.map { " · " + HTML.escape($0) } ?? "")</p>

            """
        page += "<table><tbody>\n"
        for (name, value) in rows {
            page += "<tr><th>\(HTML.escape(name))</th><td class=\"n\">\(HTML.escape(value))</td></tr>\n"
        }
        page += "</tbody></table>\n"
        page += "<table><thead><tr><th></th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>mean</th></tr></thead><tbody>\n"
        page += Self.percentileRow("latency", latency)
        if let serverTime { page += Self.percentileRow("server time", serverTime) }
        page += "</tbody></table>\n"
        page += "<table><thead><tr><th>status</th><th>answers</th></tr></thead><tbody>\n"
        for (name, count) in statusCounts.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            page += "<tr><td>\(HTML.escape(name))</td><td class=\"n\">\(Formatting.count(count))</td></tr>\n"
        }
        page += "</tbody></table>\n"
        page += "<figure>\n\(chart)\n<figcaption>Latency by percentile; the horizontal axis is logarithmic in "
        page += "1/(1 − percentile), so each step right is one more nine. The line ends at the largest latency seen.</figcaption>\n</figure>\n"
        page += "</body>\n</html>\n"
        return page
    }

    private static func percentileRow(_ name: String, _ p: Percentiles) -> String {
        let cells = [p.p50, p.p90, p.p99, p.p999, p.max].map { "<td class=\"n\">\(Formatting.micros($0))</td>" }.joined()
        return "<tr><th>\(name)</th>\(cells)<td class=\"n\">\(Formatting.micros(p.mean))</td></tr>\n"
    }
}

enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
