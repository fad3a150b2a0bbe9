import Foundation
import PrecisEngine

/// engine-tool modes for extraction beyond entities:
///
///   keyphrases    {"id", "keyphrases": [text, best first]}  (--count N, default 10)
///   quantities    {"id", "quantities": [{"start", "end", "text", "kind", "value", "unit"}]}
///   time-extract  no lines: parses and extracts every kind from every text --repeat times (default 5) and
///                 prints documents per second of CPU time as one JSON line (--kinds a,b,… limits the kinds)
enum ExtractModes {
    static func run(_ mode: String, records: [(String, String)], args: [String]) -> Bool {
        let engine = Engine()
        func option(_ name: String) -> String? {
            args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
        }
        switch mode {
        case "keyphrases":
            let options = ExtractOptions(kinds: [.keyphrases], maxKeyphrases: option("--count").flatMap(Int.init) ?? 10)
            for (id, text) in records {
                let found = engine.extract(engine.parse(text), options: options)
                EngineTool.emit(["id": id, "keyphrases": found.keyphrases.map(\.text)])
            }
        case "quantities":
            for (id, text) in records {
                let found = engine.extract(engine.parse(text), options: ExtractOptions(kinds: [.quantities]))
                let items: [[String: Any]] = found.quantities.map {
                    ["start": $0.span.start, "end": $0.span.end, "text": $0.text, "kind": "\($0.kind)",
                     "value": $0.value, "unit": $0.unit]
                }
                EngineTool.emit(["id": id, "quantities": items])
            }
        case "time-extract":
            let repeats = option("--repeat").flatMap(Int.init) ?? 5
            let kinds = Set(
                (option("--kinds") ?? "").split(separator: ",").compactMap { name in
                    ExtractKind.allCases.first { "\($0)" == name }
                }
            )
            let options = ExtractOptions(kinds: kinds, referenceDate: CalendarDate(year: 2026, month: 11, day: 24))
            let start = clock()
            var items = 0
            for _ in 0..<repeats {
                for (_, text) in records {
                    let found = engine.extract(engine.parse(text), options: options)
                    items += found.entities.count + found.dates.count + found.quantities.count + found.quotes.count
                        + found.keyphrases.count + found.links.count
                }
            }
            let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
            let docs = Double(records.count * repeats)
            let name = kinds.isEmpty ? "all" : kinds.map { "\($0)" }.sorted().joined(separator: ",")
            print(
                "{\"system\":\"precis-extract\",\"kinds\":\"\(name)\",\"documents\":\(Int(docs)),\"cpu_seconds\":\(seconds),"
                    + "\"docs_per_cpu_second\":\(docs / seconds),\"items_per_pass\":\(items / repeats)}"
            )
        default:
            return false
        }
        return true
    }
}
