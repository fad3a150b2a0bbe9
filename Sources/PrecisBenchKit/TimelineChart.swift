import Foundation

/// The run second by second as an SVG drawing, like wrk2's and k6's per-interval output: the
/// upper panel OK answers and errors per second, the lower one p50 and p99 of each second's
/// answers, on a logarithmic axis when they span a decade or more (a stall of 100 ms beside a
/// p50 of 200 µs would otherwise flatten everything else). Runs of `--repeat` follow each other,
/// split by a dashed line.
struct TimelineChart {
    var points: [BenchReport.TimelinePoint]
    var width = 880.0
    let left = 70.0, right = 40.0
    let rateTop = 34.0, rateHeight = 140.0
    let latencyTop = 234.0, latencyHeight = 220.0
    var height: Double { latencyTop + latencyHeight + 44 }

    /// Seconds from the start of the first run to the middle of each point, runs placed end to end.
    var positions: [Double] {
        var offset = 0.0
        var runEnd = 0.0
        var lastRun = points.first?.run ?? 1
        var out: [Double] = []
        for point in points {
            if point.run != lastRun {
                offset = runEnd
                lastRun = point.run
            }
            let start = offset + Double(point.second)
            out.append(start + point.durationSeconds / 2)
            runEnd = max(runEnd, start + point.durationSeconds)
        }
        return out
    }

    var totalSeconds: Double {
        var offset = 0.0
        var runEnd = 0.0
        var lastRun = points.first?.run ?? 1
        for point in points {
            if point.run != lastRun {
                offset = runEnd
                lastRun = point.run
            }
            runEnd = max(runEnd, offset + Double(point.second) + point.durationSeconds)
        }
        return max(runEnd, 1)
    }

    /// Whether latencies from `low` to `high` want a logarithmic axis: a decade or more apart.
    static func wantsLogScale(low: UInt64, high: UInt64) -> Bool {
        low > 0 && Double(high) / Double(low) >= 10
    }

    /// Powers of ten from at or below `low` to at or above `high` (µs).
    static func decades(low: UInt64, high: UInt64) -> [Double] {
        var value = 1.0
        while value * 10 <= Double(max(low, 1)) { value *= 10 }
        var out = [value]
        while value < Double(high) {
            value *= 10
            out.append(value)
        }
        if out.count == 1 { out.append(value * 10) }
        return out
    }

    /// A round step for the seconds axis: about eight ticks.
    static func secondStep(_ total: Double) -> Double {
        for step in [1.0, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] where total / step <= 10 {
            return step
        }
        return 7200
    }

    func svg() -> String {
        let plotWidth = width - left - right
        let total = totalSeconds
        let xs = positions
        func x(_ seconds: Double) -> Double { left + plotWidth * seconds / total }
        func f(_ value: Double) -> String { Formatting.fixed(value, places: 1) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        out += "width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"throughput and latency per second\">\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#fff\"/>\n"

        // Upper panel: OK/s and errors/s, linear from 0.
        let maxRate = points.map { max($0.throughput, $0.errorsPerSecond) }.max() ?? 1
        let rateCeiling = PercentileChart.niceCeiling(max(maxRate, 1))
        func yRate(_ value: Double) -> Double { rateTop + rateHeight * (1 - value / rateCeiling) }
        out += "<text x=\"\(f(left))\" y=\"\(f(rateTop - 10))\" font-size=\"13\" font-weight=\"bold\">answers per second</text>\n"
        for step in 0...5 {
            let value = rateCeiling * Double(step) / 5
            let py = f(yRate(value))
            out += "<line x1=\"\(f(left))\" y1=\"\(py)\" x2=\"\(f(left + plotWidth))\" y2=\"\(py)\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(f(left - 6))\" y=\"\(py)\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"12\">\(Self.rateTick(value))</text>\n"
        }
        // Lower panel: p50 and p99 of each second.
        let latencies = points.flatMap { [$0.p50Micros, $0.p99Micros] }.compactMap { $0 }
        let low = latencies.min() ?? 1
        let high = latencies.max() ?? 1
        let logScale = Self.wantsLogScale(low: low, high: high)
        let decades = Self.decades(low: low, high: high)
        let linearCeiling = PercentileChart.niceCeiling(Double(high))
        func yLatency(_ micros: Double) -> Double {
            if logScale {
                let bottom = log10(decades.first!), top = log10(decades.last!)
                return latencyTop + latencyHeight * (1 - (log10(max(micros, 1)) - bottom) / (top - bottom))
            }
            return latencyTop + latencyHeight * (1 - micros / linearCeiling)
        }
        out += "<text x=\"\(f(left))\" y=\"\(f(latencyTop - 10))\" font-size=\"13\" font-weight=\"bold\">latency of each second's answers"
        out += logScale ? " (logarithmic axis)" : "" 
        out += "</text>\n"
        let latencyTicks = logScale ? decades : (0...5).map { linearCeiling * Double($0) / 5 }
        for value in latencyTicks {
            let py = f(yLatency(value))
            out += "<line x1=\"\(f(left))\" y1=\"\(py)\" x2=\"\(f(left + plotWidth))\" y2=\"\(py)\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(f(left - 6))\" y=\"\(py)\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"12\">\(PercentileChart.tick(value))</text>\n"
        }
        // Seconds axis, shared: ticks under both panels.
        let step = Self.secondStep(total)
        var tick = 0.0
        while tick <= total + 1e-9 {
            let px = f(x(tick))
            for (top, h) in [(rateTop, rateHeight), (latencyTop, latencyHeight)] {
                out += "<line x1=\"\(px)\" y1=\"\(f(top))\" x2=\"\(px)\" y2=\"\(f(top + h))\" stroke=\"#eee\"/>\n"
            }
            out += "<text x=\"\(px)\" y=\"\(f(rateTop + rateHeight + 16))\" text-anchor=\"middle\" font-size=\"12\">\(Int(tick))</text>\n"
            out += "<text x=\"\(px)\" y=\"\(f(latencyTop + latencyHeight + 16))\" text-anchor=\"middle\" font-size=\"12\">\(Int(tick))</text>\n"
            tick += step
        }
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" font-size=\"13\">seconds of measured time</text>\n"
        for (top, h) in [(rateTop, rateHeight), (latencyTop, latencyHeight)] {
            out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(h))\" fill=\"none\" stroke=\"#888\"/>\n"
        }
        // Where each further run starts.
        for (index, point) in points.enumerated() where index > 0 && point.run != points[index - 1].run {
            let px = f(x(xs[index] - point.durationSeconds / 2))
            out += "<line x1=\"\(px)\" y1=\"\(f(rateTop))\" x2=\"\(px)\" y2=\"\(f(latencyTop + latencyHeight))\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n"
            out += "<text x=\"\(px)\" y=\"\(f(rateTop + 12))\" dx=\"4\" font-size=\"11\" fill=\"#555\">run \(point.run)</text>\n"
        }

        func polyline(_ values: [(Double, Double)], color: String, dash: Bool = false) -> String {
            guard !values.isEmpty else { return "" }
            let path = values.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
            var line = "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"\(dash ? " stroke-dasharray=\"5 3\"" : "") points=\"\(path)\"/>\n"
            if values.count == 1 {
                line += "<circle cx=\"\(f(values[0].0))\" cy=\"\(f(values[0].1))\" r=\"3\" fill=\"\(color)\"/>\n"
            }
            return line
        }
        // Split a series where a run ends, so two runs are not joined by a line.
        func series(_ value: (BenchReport.TimelinePoint) -> Double?, y: (Double) -> Double, color: String) -> String {
            var out = ""
            var current: [(Double, Double)] = []
            for (index, point) in points.enumerated() {
                if index > 0 && point.run != points[index - 1].run {
                    out += polyline(current, color: color)
                    current = []
                }
                if let v = value(point) { current.append((x(xs[index]), y(v))) }
            }
            return out + polyline(current, color: color)
        }
        let okColor = "#1f6fb4", errorColor = "#c62828", p50Color = "#1f6fb4", p99Color = "#d9822b"
        // Seconds with any error are shaded red in both panels, however few the errors: on a
        // scale of 100,000 OK/s a thousand errors a second would be a line on the floor.
        for (index, point) in points.enumerated() where point.errors > 0 {
            let x0 = x(xs[index] - point.durationSeconds / 2), x1 = x(xs[index] + point.durationSeconds / 2)
            for (top, h) in [(rateTop, rateHeight), (latencyTop, latencyHeight)] {
                out += "<rect class=\"errors\" x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(x1 - x0))\" height=\"\(f(h))\" fill=\"\(errorColor)\" fill-opacity=\"\(point.ok == 0 ? "0.22" : "0.1")\"/>\n"
            }
        }
        out += series({ $0.throughput }, y: yRate, color: okColor)
        if points.contains(where: { $0.errors > 0 }) {
            out += series({ $0.errorsPerSecond }, y: yRate, color: errorColor)
        }
        out += series({ $0.p50Micros.map { Double($0) } }, y: yLatency, color: p50Color)
        out += series({ $0.p99Micros.map { Double($0) } }, y: yLatency, color: p99Color)

        // Legends above each panel, right-aligned, clear of the lines.
        func legend(_ entries: [(String, String)], top: Double) -> String {
            var out = ""
            var lx = left + plotWidth
            for (name, color) in entries.reversed() {
                lx -= 26 + 6.6 * Double(name.count) + 14
                let ly = top - 14
                out += "<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 20))\" y2=\"\(f(ly))\" stroke=\"\(color)\" stroke-width=\"3\"/>\n"
                out += "<text x=\"\(f(lx + 26))\" y=\"\(f(ly))\" dominant-baseline=\"middle\" font-size=\"12\">\(HTML.escape(name))</text>\n"
            }
            return out
        }
        var rateLegend = [("OK answers/s", okColor)]
        if points.contains(where: { $0.errors > 0 }) { rateLegend.append(("errors/s (seconds with errors shaded)", errorColor)) }
        out += legend(rateLegend, top: rateTop)
        out += legend([("p50", p50Color), ("p99", p99Color)], top: latencyTop)
        out += "</svg>"
        return out
    }

    /// `0`, `500`, `25k`, `1.2M`.
    static func rateTick(_ value: Double) -> String {
        func trimmed(_ v: Double) -> String {
            var text = Formatting.fixed(v, places: 1)
            if text.hasSuffix(".0") { text.removeLast(2) }
            return text
        }
        if value >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if value >= 1000 { return trimmed(value / 1000) + "k" }
        return trimmed(value)
    }
}
