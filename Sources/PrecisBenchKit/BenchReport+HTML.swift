extension BenchReport {
    /// A self-contained page (`--html`): the headline (OK answers per second, errors beside
    /// them), a red banner when anything failed, the figures, the status counts, each operation
    /// of a mix, the latency by percentile and the run second by second, drawn as inline SVG. No
    /// scripts, fonts or images from anywhere else. With `--compare`, the base run's percentile
    /// curve is drawn dashed beside this one's.
    public func html(generatedAt: String? = nil) -> String {
        let clientName = errors == 0 ? "latency seen by the client"
            : ok == 0 ? "latency seen by the client (every request failed)" : "latency seen by the client (failed requests included)"
        var series = [PercentileChart.Series(name: clientName, color: "#1f6fb4", points: curve)]
        if !serverCurve.isEmpty {
            series.append(PercentileChart.Series(name: "time inside the server (server_micros)", color: "#d9822b", points: serverCurve))
        }
        if let comparison, !comparison.base.curve.isEmpty {
            series.append(PercentileChart.Series(name: "base run: \(comparison.base.label)", color: "#777", points: comparison.base.curve, dashed: true))
        }
        let chart = PercentileChart(series: series, sampleCount: UInt64(requests)).svg()
        var rows: [(String, String)] = [
            ("OK answers", Formatting.count(ok)),
            ("errors", errors == 0 ? "0" : "\(Formatting.count(errors)) (\(Formatting.percent(errorRate)))"),
            ("requests", Formatting.count(requests)),
            ("measured for", "\(Formatting.fixed(durationSeconds, places: 2)) s"),
            ("all answers", "\(Formatting.count(Int(answeredThroughput.rounded()))) /s"),
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
            h2 { font-size: 16px; margin: 22px 0 6px; }
            p.sub { color: #555; margin: 0 0 14px; }
            p.headline { font-size: 26px; margin: 6px 0 14px; }
            p.headline b { font-variant-numeric: tabular-nums; }
            p.headline .bad { color: #b71c1c; }
            p.headline .good { color: #2e7d32; font-size: 18px; }
            div.banner { background: #c62828; color: #fff; padding: 10px 14px; margin: 0 0 14px; border-radius: 4px; font-weight: 600; }
            div.banner ul { margin: 4px 0 0; padding-left: 20px; font-weight: normal; }
            div.pass { background: #e8f5e9; color: #1b5e20; padding: 6px 14px; margin: 0 0 14px; border-radius: 4px; }
            table { border-collapse: collapse; margin: 0 24px 18px 0; display: inline-table; vertical-align: top; }
            th, td { padding: 3px 12px 3px 0; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.bad { color: #b71c1c; font-weight: 600; }
            td.better { color: #2e7d32; font-weight: 600; }
            thead th { border-bottom: 1px solid #bbb; }
            figure { margin: 8px 0 0; }
            figcaption { color: #555; font-size: 13px; }
            </style>
            </head>
            <body>
            <h1>precis-bench: \(HTML.escape(title))</h1>
            <p class="sub">against \(HTML.escape(setup.addresses.joined(separator: ", ")))\(generatedAt.map { " · " + HTML.escape($0) } ?? "")</p>

            """
        // The banner: any error, or any threshold failed, in red at the top.
        var problems: [String] = []
        if let errorSummary { problems.append(errorSummary) }
        if let thresholds { problems += thresholds.failures.map { "threshold failed: " + $0 } }
        if !problems.isEmpty {
            let heading = errors > 0 ? "\(Formatting.percent(errorRate)) of requests failed" : "a threshold failed"
            page += "<div class=\"banner\">\(HTML.escape(heading))<ul>\n"
            for problem in problems { page += "<li>\(HTML.escape(problem))</li>\n" }
            page += "</ul></div>\n"
        } else if let thresholds, thresholds.passed {
            var marks = ["no errors"]
            if let p99 = thresholds.thresholds.maxP99Micros { marks.append("p99 \(Formatting.micros(latency.p99)) within --max-p99 \(Formatting.micros(p99))") }
            page += "<div class=\"pass\">thresholds passed: \(HTML.escape(marks.joined(separator: ", ")))</div>\n"
        }
        page += "<p class=\"headline\"><b>\(Formatting.count(Int(throughput.rounded())))</b> OK answers/s · "
        if errors == 0 {
            page += "<span class=\"good\">0 errors</span>"
        } else {
            page += "<span class=\"bad\"><b>\(Formatting.count(Int(errorsPerSecond.rounded())))</b> errors/s (\(Formatting.percent(errorRate)))</span>"
        }
        page += "</p>\n"
        if let repeatNote { page += "<p class=\"sub\">\(HTML.escape(repeatNote))</p>\n" }

        page += "<table><tbody>\n"
        for (name, value) in rows {
            let bad = name == "errors" && errors > 0
            page += "<tr><th>\(HTML.escape(name))</th><td class=\"n\(bad ? " bad" : "")\">\(HTML.escape(value))</td></tr>\n"
        }
        page += "</tbody></table>\n"
        page += "<table><thead><tr><th></th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>mean</th></tr></thead><tbody>\n"
        page += Self.percentileRow("latency", latency)
        if let serverTime { page += Self.percentileRow("server time", serverTime) }
        page += "</tbody></table>\n"
        page += "<table><thead><tr><th>status</th><th>answers</th></tr></thead><tbody>\n"
        for (name, count) in statusCounts.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            page += "<tr><td\(name == "OK" ? "" : " class=\"bad\"")>\(HTML.escape(name))</td><td class=\"n\(name == "OK" ? "" : " bad")\">\(Formatting.count(count))</td></tr>\n"
        }
        page += "</tbody></table>\n"

        if operations.count > 1 {
            page += "<h2>By operation</h2>\n"
            page += "<table><thead><tr><th>operation</th><th>weight</th><th>OK/s</th><th>errors</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>statuses</th></tr></thead><tbody>\n"
            for operation in operations {
                let cells = [operation.latency.p50, operation.latency.p90, operation.latency.p99, operation.latency.p999, operation.latency.max]
                    .map { "<td class=\"n\">\(Formatting.micros($0))</td>" }.joined()
                let errorCell = operation.errors == 0 ? "<td class=\"n\">0</td>"
                    : "<td class=\"n bad\">\(Formatting.count(operation.errors)) (\(Formatting.percent(operation.errorRate)))</td>"
                page += "<tr><th>\(HTML.escape(operation.name))</th><td class=\"n\">\(operation.weight)</td>"
                page += "<td class=\"n\">\(Formatting.count(Int(operation.throughput.rounded())))</td>\(errorCell)\(cells)"
                page += "<td>\(HTML.escape(Self.describe(operation.statusCounts)))</td></tr>\n"
            }
            page += "</tbody></table>\n"
        }

        if let repeats, repeats.runs.count > 1 {
            page += "<h2>\(repeats.runs.count) runs: median and range</h2>\n"
            page += "<table><thead><tr><th></th><th>median</th><th>min</th><th>max</th></tr></thead><tbody>\n"
            let t = repeats.throughput
            page += "<tr><th>OK answers/s</th>" + [t.median, t.min, t.max].map { "<td class=\"n\">\(Formatting.count(Int($0.rounded())))</td>" }.joined() + "</tr>\n"
            for (name, key) in [("p50", "p50"), ("p90", "p90"), ("p99", "p99"), ("p99.9", "p999"), ("max", "max")] {
                guard let s = repeats.latency[key] else { continue }
                page += "<tr><th>\(name)</th>" + [s.median, s.min, s.max].map { "<td class=\"n\">\(Formatting.micros($0))</td>" }.joined() + "</tr>\n"
            }
            page += "</tbody></table>\n"
        }

        if let comparison {
            page += "<h2>Compared with \(HTML.escape(comparison.base.label))</h2>\n"
            page += "<table><thead><tr><th></th><th>base</th><th>this run</th><th>change</th><th></th></tr></thead><tbody>\n"
            for row in comparison.rows {
                let change = row.key == "errorRate"
                    ? Formatting.signed((row.new - row.base) * 100, places: 2) + " pt"
                    : row.change.map { Formatting.signed($0 * 100, places: 1) + "%" } ?? "-"
                let style = row.verdict == .worse ? " bad" : row.verdict == .better ? " better" : ""
                page += "<tr><th>\(HTML.escape(row.metric))</th><td class=\"n\">\(HTML.escape(Comparison.format(row, row.base)))</td>"
                page += "<td class=\"n\">\(HTML.escape(Comparison.format(row, row.new)))</td><td class=\"n\(style)\">\(HTML.escape(change))</td>"
                page += "<td class=\"\(style)\">\(HTML.escape(row.verdict.rawValue))</td></tr>\n"
            }
            page += "</tbody></table>\n"
            for note in comparison.notes { page += "<p class=\"sub\">\(HTML.escape(note))</p>\n" }
        }

        page += "<h2>Latency by percentile</h2>\n"
        page += "<figure>\n\(chart)\n<figcaption>Latency by percentile; the horizontal axis is logarithmic in "
        page += "1/(1 − percentile), so each step right is one more nine. The line ends at the largest latency seen."
        if comparison != nil { page += " The dashed grey line is the base run." }
        page += "</figcaption>\n</figure>\n"
        if !timeline.isEmpty {
            page += "<h2>Second by second</h2>\n"
            // The answers still in flight when sending stopped arrive in a last fraction of a
            // second; drawn as a second of its own they look like a collapse. The JSON keeps them.
            let drawn = timeline.enumerated().filter { index, point in
                let last = index == timeline.count - 1 || timeline[index + 1].run != point.run
                return !(last && point.durationSeconds < 0.5 && point.second > 0)
            }.map(\.element)
            page += "<figure>\n\(TimelineChart(points: drawn).svg())\n<figcaption>Each second of the measured time: the answers "
            page += "that arrived in it (OK and errors), and the p50 and p99 of their latency"
            page += timeline.contains { $0.run > 1 } ? "; the runs of --repeat follow each other" : ""
            page += drawn.count < timeline.count ? ". A last part-second (under 0.5 s, the answers in flight at the end) is left out of the chart but is in the JSON." : "."
            page += "</figcaption>\n</figure>\n"
        }
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
