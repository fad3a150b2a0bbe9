import Foundation

/// Latency by percentile as an SVG drawing, the way HdrHistogram's plotter shows it: the
/// horizontal axis is logarithmic in 1/(1 − percentile), so 90%, 99%, 99.9% ... are evenly
/// spaced and the tail gets as much room as the median.
struct PercentileChart {
    struct Series {
        var name: String
        var color: String
        var points: [BenchReport.CurvePoint]
        /// Drawn dashed (the base run of a comparison).
        var dashed = false
    }

    var series: [Series]
    /// Requests behind the curves: with 20,000 of them a 99.999th percentile means nothing, so
    /// the axis stops at 99.99%.
    var sampleCount: UInt64
    var width = 880.0
    var height = 420.0
    let left = 70.0, right = 40.0, top = 20.0, bottom = 50.0

    /// The nines the axis reaches: at least 2 (99%), at most 5 (99.999%), and no further than
    /// the sample count allows (10^n samples for n nines).
    var nines: Int {
        var nines = 2
        var needed: UInt64 = 1000
        while nines < 5 && sampleCount >= needed {
            nines += 1
            needed *= 10
        }
        return nines
    }

    /// log10(1 / (1 − fraction)): 0 for 0%, 1 for 90%, 2 for 99%; the 100% point (the maximum)
    /// is put at the axis end by the caller.
    static func position(of fraction: Double) -> Double {
        guard fraction < 1 else { return .infinity }
        return -Foundation.log10(1 - fraction)
    }

    /// The upper end of the vertical axis: a round number at or above `max`.
    static func niceCeiling(_ max: Double) -> Double {
        guard max > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= max { magnitude *= 10 }
        while magnitude > max { magnitude /= 10 }
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= max {
            return step * magnitude
        }
        return 10 * magnitude
    }

    func svg() -> String {
        let nines = Double(self.nines)
        let maxMicros = Double(series.flatMap(\.points).map(\.micros).max() ?? 1)
        let ceiling = Self.niceCeiling(maxMicros)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ fraction: Double) -> Double { left + plotWidth * min(Self.position(of: fraction), nines) / nines }
        func y(_ micros: Double) -> Double { top + plotHeight * (1 - micros / ceiling) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        out += "width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"latency by percentile\">\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#fff\"/>\n"
        // Vertical grid: one line per nine.
        for nine in 0...Int(nines) {
            let fraction = 1 - pow10(-Double(nine))
            let px = f(x(fraction))
            out += "<line x1=\"\(px)\" y1=\"\(f(top))\" x2=\"\(px)\" y2=\"\(f(top + plotHeight))\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(px)\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\" font-size=\"12\">\(Self.label(nines: nine))</text>\n"
        }
        // Horizontal grid: five steps of the latency axis.
        for step in 0...5 {
            let micros = ceiling * Double(step) / 5
            let py = f(y(micros))
            out += "<line x1=\"\(f(left))\" y1=\"\(py)\" x2=\"\(f(left + plotWidth))\" y2=\"\(py)\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(f(left - 6))\" y=\"\(py)\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"12\">\(Self.tick(micros))</text>\n"
        }
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#888\"/>\n"
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" font-size=\"13\">percentile</text>\n"
        for (index, line) in series.enumerated() where !line.points.isEmpty {
            let path = line.points.map { "\(f(x($0.fraction))),\(f(y(Double($0.micros))))" }.joined(separator: " ")
            let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
            out += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash) points=\"\(path)\"/>\n"
            let legendY = top + 16 + Double(index) * 18
            out += "<line x1=\"\(f(left + 14))\" y1=\"\(f(legendY))\" x2=\"\(f(left + 34))\" y2=\"\(f(legendY))\" stroke=\"\(line.color)\" stroke-width=\"3\"\(dash)/>\n"
            out += "<text x=\"\(f(left + 40))\" y=\"\(f(legendY))\" dominant-baseline=\"middle\" font-size=\"12\">\(HTML.escape(line.name))</text>\n"
        }
        out += "</svg>"
        return out
    }

    /// `0%`, `90%`, `99%`, `99.9%` ...
    static func label(nines: Int) -> String {
        switch nines {
        case 0: "0%"
        case 1: "90%"
        case 2: "99%"
        default: "99." + String(repeating: "9", count: nines - 2) + "%"
        }
    }

    /// A latency-axis label without needless decimals: `0`, `250 µs`, `2.5 ms`, `40 ms`.
    static func tick(_ micros: Double) -> String {
        if micros == 0 { return "0" }
        func trimmed(_ value: Double) -> String {
            var text = Formatting.fixed(value, places: 2)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        if micros < 1000 { return trimmed(micros) + " µs" }
        if micros < 1_000_000 { return trimmed(micros / 1000) + " ms" }
        return trimmed(micros / 1_000_000) + " s"
    }

    private func f(_ value: Double) -> String { Formatting.fixed(value, places: 1) }
    private func pow10(_ e: Double) -> Double { Foundation.pow(10, e) }
}
