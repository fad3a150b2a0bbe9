import PrecisWire
import Foundation

/// The figures of one run that a comparison reads: from a report just made, or from the JSON of
/// an earlier one (`--compare BASE.json`, `precis-bench compare BASE.json NEW.json`).
public struct RunFigures: Sendable {
    public var label: String
    public var schemaVersion: Int
    public var throughput: Double
    public var errorRate: Double
    public var requests: Int
    /// By the keys of `Percentiles.named`.
    public var latency: [String: Double]
    /// With `--repeat`: the range of each figure over the runs (keys `throughput`, `p50`, ...).
    public var spreads: [String: RepeatSummary.Spread]
    public var runs: Int
    public var setup: [String: String]
    public var curve: [BenchReport.CurvePoint]

    public init(report: BenchReport, label: String) {
        self.label = label
        schemaVersion = BenchReport.schemaVersion
        requests = report.requests
        errorRate = report.errorRate
        throughput = report.throughput
        latency = Dictionary(uniqueKeysWithValues: report.latency.named.map { ($0.key, $0.micros) })
        spreads = [:]
        runs = report.setup.repeats
        if let repeats = report.repeats, repeats.runs.count > 1 {
            throughput = repeats.throughput.median
            spreads["throughput"] = repeats.throughput
            for (key, spread) in repeats.latency {
                latency[key] = spread.median
                spreads[key] = spread
            }
        }
        setup = Self.describe(report.setup)
        curve = report.curve
    }

    /// Reads a report written by `--json` (schema 1 or 2).
    public init(json text: String, label: String) throws(BenchError) {
        guard let data = text.data(using: .utf8),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { throw BenchError("\(label) is not a precis-bench JSON report") }
        guard let throughput = (object["throughput"] as? NSNumber)?.doubleValue,
              let latency = object["latencyMicros"] as? [String: Any]
        else { throw BenchError("\(label) has no throughput or latencyMicros: not a precis-bench JSON report") }
        self.label = label
        schemaVersion = (object["schemaVersion"] as? NSNumber)?.intValue ?? 1
        guard schemaVersion <= BenchReport.schemaVersion else {
            throw BenchError("\(label) has schemaVersion \(schemaVersion); this precis-bench reads up to \(BenchReport.schemaVersion)")
        }
        requests = (object["requests"] as? NSNumber)?.intValue ?? 0
        let errors = (object["errors"] as? NSNumber)?.intValue ?? 0
        errorRate = (object["errorRate"] as? NSNumber)?.doubleValue ?? (requests > 0 ? Double(errors) / Double(requests) : 0)
        // Schema 1 counted every answer in `throughput`; its OK answers per second are the
        // answers that were not errors.
        if schemaVersion == 1, requests > 0 {
            self.throughput = throughput * Double(requests - errors) / Double(requests)
        } else {
            self.throughput = throughput
        }
        var figures: [String: Double] = [:]
        for key in RepeatSummary.latencyKeys {
            if let value = (latency[key] as? NSNumber)?.doubleValue { figures[key] = value }
        }
        self.latency = figures
        spreads = [:]
        runs = 1
        if let repeats = object["repeat"] as? [String: Any] {
            runs = (repeats["runs"] as? NSNumber)?.intValue ?? 1
            func spread(_ value: Any?) -> RepeatSummary.Spread? {
                guard let value = value as? [String: Any],
                      let median = (value["median"] as? NSNumber)?.doubleValue,
                      let min = (value["min"] as? NSNumber)?.doubleValue,
                      let max = (value["max"] as? NSNumber)?.doubleValue
                else { return nil }
                return RepeatSummary.Spread(median: median, min: min, max: max)
            }
            if runs > 1 {
                if let throughput = spread(repeats["throughput"]) {
                    spreads["throughput"] = throughput
                    self.throughput = throughput.median
                }
                let latencies = repeats["latencyMicros"] as? [String: Any] ?? [:]
                for key in RepeatSummary.latencyKeys {
                    if let value = spread(latencies[key]) {
                        spreads[key] = value
                        self.latency[key] = value.median
                    }
                }
            }
        }
        var setup: [String: String] = [:]
        for (key, value) in object["setup"] as? [String: Any] ?? [:] where key != "repeats" {
            if let list = value as? [Any] {
                setup[key] = list.map { "\($0)" }.joined(separator: ",")
            } else if value is NSNull {
                setup[key] = "none"
            } else {
                setup[key] = "\(value)"
            }
        }
        self.setup = setup
        curve = (object["latencyCurve"] as? [[String: Any]] ?? []).compactMap { point in
            guard let fraction = (point["fraction"] as? NSNumber)?.doubleValue,
                  let micros = (point["micros"] as? NSNumber)?.uint64Value
            else { return nil }
            return BenchReport.CurvePoint(fraction: fraction, micros: micros)
        }
    }

    static func describe(_ setup: BenchReport.Setup) -> [String: String] {
        [
            "operation": setup.operation,
            "addresses": setup.addresses.joined(separator: ","),
            "connections": String(setup.connections),
            "depth": String(setup.depth),
            "batch": String(setup.batch),
            "rate": setup.rate.map { BenchReport.number($0, places: 1) } ?? "none",
            "payloadBytes": String(setup.payloadBytes),
            "documents": String(setup.documents),
        ]
    }
}

/// The change from a base run to a new one, figure by figure, each judged against the noise:
/// with `--repeat` on both sides a change is noise when the two ranges overlap; otherwise when
/// it is under `noise` (10%: two identical single runs here differed by 9.8%), or under
/// `tailNoise` (25%) for p99.9 and the maximum, which rest on a few requests.
public struct Comparison: Sendable {
    public enum Verdict: String, Sendable {
        case better, worse, noise = "within noise", unknown = "no base figure"
    }

    public struct Row: Sendable {
        public var metric: String
        public var key: String
        public var base: Double
        public var new: Double
        /// (new − base) / base; nil when the base is 0.
        public var change: Double?
        public var verdict: Verdict
        public var higherIsBetter: Bool
    }

    public static let noise = 0.10
    public static let tailNoise = 0.25

    public var base: RunFigures
    public var new: RunFigures
    public var rows: [Row]
    public var notes: [String]

    public init(base: RunFigures, new: RunFigures) {
        self.base = base
        self.new = new
        var rows: [Row] = []
        let byRanges = base.runs > 1 && new.runs > 1
        func row(_ metric: String, _ key: String, _ b: Double, _ n: Double, higherIsBetter: Bool, tail: Bool) -> Row {
            let change = b != 0 ? (n - b) / b : nil
            var verdict: Verdict
            if let change {
                let improved = higherIsBetter ? change > 0 : change < 0
                if byRanges, let bs = base.spreads[key], let ns = new.spreads[key] {
                    verdict = bs.overlaps(ns) ? .noise : (improved ? .better : .worse)
                } else {
                    verdict = abs(change) < (tail ? Self.tailNoise : Self.noise) ? .noise : (improved ? .better : .worse)
                }
            } else {
                verdict = b == n ? .noise : .unknown
            }
            return Row(metric: metric, key: key, base: b, new: n, change: change, verdict: verdict, higherIsBetter: higherIsBetter)
        }
        rows.append(row("throughput", "throughput", base.throughput, new.throughput, higherIsBetter: true, tail: false))
        for (metric, key) in [("p50", "p50"), ("p90", "p90"), ("p99", "p99"), ("p99.9", "p999"), ("max", "max"), ("mean", "mean")] {
            guard let b = base.latency[key], let n = new.latency[key] else { continue }
            rows.append(row(metric, key, b, n, higherIsBetter: false, tail: key == "p999" || key == "max"))
        }
        // Errors: any change in the error rate counts (there is no noise in a failure).
        let errorChange = new.errorRate - base.errorRate
        rows.append(Row(
            metric: "error rate", key: "errorRate", base: base.errorRate, new: new.errorRate, change: nil,
            verdict: errorChange == 0 ? .noise : (errorChange < 0 ? .better : .worse), higherIsBetter: false
        ))
        self.rows = rows

        var notes: [String] = []
        if byRanges {
            notes.append("noise: both sides are the median of repeats (\(base.runs) and \(new.runs) runs); a change whose two ranges (min–max) overlap is marked within noise.")
        } else {
            notes.append(
                "noise: one run on \(base.runs > 1 ? "the new" : new.runs > 1 ? "the base" : "each") side; two identical runs here differed by up to 10%, so a change under "
                    + "\(Int(Self.noise * 100))% (\(Int(Self.tailNoise * 100))% for p99.9 and max) is marked within noise. Repeat both with --repeat 5 to judge by their ranges."
            )
        }
        let differing = Set(base.setup.keys).intersection(new.setup.keys).filter { $0 != "addresses" && base.setup[$0] != new.setup[$0] }.sorted()
        if !differing.isEmpty {
            notes.append("the runs differ in setup: " + differing.map { "\($0) \(base.setup[$0]!) → \(new.setup[$0]!)" }.joined(separator: ", ") + ".")
        }
        if base.errorRate > 0 || new.errorRate > 0 {
            notes.append("a run with errors: its latency mixes failed requests with answered ones.")
        }
        self.notes = notes
    }

    /// The comparison for people.
    public func text() -> String {
        var lines = ["compare: \(base.label) (base) → \(new.label)"]
        let metricWidth = 12
        let valueWidth = 16
        func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let count = text.count
            guard count < width else { return text }
            let space = String(repeating: " ", count: width - count)
            return right ? space + text : text + space
        }
        lines.append("  " + pad("", metricWidth) + pad("base", valueWidth, right: true) + pad("new", valueWidth, right: true) + pad("change", 10, right: true))
        for row in rows {
            let change: String
            if row.key == "errorRate" {
                change = Formatting.signed((row.new - row.base) * 100, places: 2) + " pt"
            } else {
                change = row.change.map { Formatting.signed($0 * 100, places: 1) + "%" } ?? "-"
            }
            lines.append(
                "  " + pad(row.metric, metricWidth) + pad(Self.format(row, row.base), valueWidth, right: true)
                    + pad(Self.format(row, row.new), valueWidth, right: true) + pad(change, 10, right: true) + "  " + row.verdict.rawValue
            )
        }
        for note in notes { lines.append("  " + note) }
        return lines.joined(separator: "\n")
    }

    static func format(_ row: Row, _ value: Double) -> String {
        switch row.key {
        case "throughput": return "\(Formatting.count(Int(value.rounded()))) OK/s"
        case "errorRate": return Formatting.percent(value)
        default: return Formatting.micros(value)
        }
    }
}

extension Comparison {
    /// The comparison as one JSON object (`precis-bench compare --json`, and `comparison` in a
    /// report made with `--compare`).
    public func json(pretty: Bool = false) -> String {
        var w = JSONWriter(pretty: pretty)
        write(to: &w)
        return w.output
    }

    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("schemaVersion"); w.raw(String(BenchReport.schemaVersion))
        w.key("base"); w.value(base.label)
        w.key("new"); w.value(new.label)
        w.key("rows")
        w.beginArray()
        for row in rows {
            w.element()
            w.beginObject()
            w.key("metric"); w.value(row.key)
            w.key("base"); w.raw(BenchReport.number(row.base, places: row.key == "errorRate" ? 6 : 1))
            w.key("new"); w.raw(BenchReport.number(row.new, places: row.key == "errorRate" ? 6 : 1))
            w.key("change"); w.raw(row.change.map { BenchReport.number($0, places: 4) } ?? "null")
            w.key("verdict"); w.value(row.verdict.rawValue)
            w.endObject()
        }
        w.endArray()
        w.key("notes")
        w.beginArray()
        for note in notes {
            w.element(); w.value(note)
        }
        w.endArray()
        w.endObject()
    }
}
