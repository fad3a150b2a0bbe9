import Foundation
import PrecisEngine

/// engine-tool MODE FILE.jsonl — reads `{"id", "text"}` lines, runs the engine, writes one JSON
/// line per input on standard output.
///
///   sentences   {"id", "sentences": [text of each sentence]}
///   structure   {"id", "title", "subtitle", "byline", "section", "dateline", "published",
///                "captions": [..], "paragraphs": [{"kind", "text"}], "language"}
///   summaries   {"id", "summary_sentences": [..]}   (--sentences N, default 3; --algorithm default|textrank|
///               lexrank|lead; --title puts the record's "title" above the text, as a news page has it)
///   summary-features  {"id", "names", "sentences", "features"}: the default summarizer's per-sentence features
///               (see SummaryFeatures.swift; --title as for summaries)
///   time-summarize  no lines: parses and summarizes every text --repeat times (default 5), same options,
///               and prints documents per second of CPU time as one JSON line
///   time-parse  no lines: parses every text --repeat times (default 5) and prints documents
///               per second of CPU time as one JSON line
///   entities    {"id", "entities": [{"start", "end", "label"}]}: every entity mention (PERSON, ORG, LOC, NORP;
///               EVENT, PRODUCT, WORK and MISC as MISC) and every date mention (DATE), UTF-8 byte offsets;
///               --norp LABEL prints NORP as LABEL (GMB tags nationality words as places: --norp LOC)
///   hostile     engine-tool hostile CASE BYTES: parses one generated hostile input (see
///               `Hostile.cases`) and prints its size and CPU time as one JSON line
@main
enum EngineTool {
    static func main() throws {
        let args = CommandLine.arguments
        guard args.count >= 3 else {
            FileHandle.standardError.write(Data("usage: engine-tool sentences|structure|summaries|time-parse FILE.jsonl [--sentences N] [--repeat N]\n".utf8))
            exit(2)
        }
        let mode = args[1]
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
            return v
        }
        if mode == "hostile" {
            Hostile.run(args[2], bytes: args.count > 3 ? Int(args[3]) ?? 1_000_000 : 1_000_000)
            return
        }
        if mode == "extract-json" { return try ExtractDump.run(args[2], arguments: args) }
        if mode == "articles" || mode == "time-articles" { return try Articles.run(mode: mode, directory: args[2], repeats: option("--repeat", 5)) }
        let records = try loadRecords(args[2])
        if ExtractModes.run(mode, records: records, args: args) { return }
        if mode == "summary-features" {
            return SummaryFeatureDump.run(args.contains("--title") ? try loadRecords(args[2], titled: true) : records)
        }
        let engine = Engine()
        switch mode {
        case "sentences":
            for (id, text) in records {
                let doc = engine.parse(text)
                emit(["id": id, "sentences": doc.sentences.map { slice(text, $0.span) }])
            }
        case "structure":
            for (id, text) in records {
                let d = engine.parse(text)
                var out: [String: Any] = ["id": id]
                for (key, value) in [("title", d.title), ("subtitle", d.subtitle), ("byline", d.byline), ("section", d.section), ("dateline", d.dateline), ("published", d.published)] {
                    out[key] = value?.text ?? ""
                }
                out["captions"] = d.captions.map { $0.text.text + ($0.credit.map { " | " + $0.text } ?? "") }
                out["paragraphs"] = d.paragraphs.map { ["kind": "\($0.kind)", "text": slice(text, $0.span)] }
                out["language"] = d.language.code
                emit(out)
            }
        case "summaries", "time-summarize":
            let n = option("--sentences", 3)
            let algorithm: SummaryAlgorithm
            switch args.firstIndex(of: "--algorithm").flatMap({ $0 + 1 < args.count ? args[$0 + 1] : nil }) {
            case "textrank": algorithm = .textrank
            case "lexrank": algorithm = .lexrank
            case "lead": algorithm = .lead
            default: algorithm = .default
            }
            let options = SummaryOptions(length: .sentences(n), algorithm: algorithm)
            let texts = args.contains("--title") ? try loadRecords(args[2], titled: true) : records
            if mode == "summaries" {
                for (id, text) in texts {
                    let summary = try engine.summarize(engine.parse(text), options: options)
                    emit(["id": id, "summary_sentences": summary.sentences.map(\.text)])
                }
                return
            }
            let repeats = option("--repeat", 5)
            let start = clock()
            var chosen = 0
            for _ in 0..<repeats {
                for (_, text) in texts { chosen += try engine.summarize(engine.parse(text), options: options).sentences.count }
            }
            let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
            let docs = Double(texts.count * repeats)
            print(
                "{\"system\":\"precis-\(algorithm)\",\"documents\":\(Int(docs)),\"cpu_seconds\":\(seconds),"
                    + "\"docs_per_cpu_second\":\(docs / seconds),\"sentences_per_pass\":\(chosen / repeats)}"
            )
        case "entities":
            let options = ExtractOptions(kinds: [.entities, .dates])
            let norp = args.firstIndex(of: "--norp").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } ?? "NORP"
            for (id, text) in records {
                let found = engine.extract(engine.parse(text), options: options)
                var items: [[String: Any]] = []
                for entity in found.entities {
                    for mention in entity.mentions {
                        items.append(["start": mention.span.start, "end": mention.span.end, "label": entity.label == .norp ? norp : label(entity.label)])
                    }
                }
                for date in found.dates {
                    items.append(["start": date.span.start, "end": date.span.end, "label": "DATE"])
                }
                items.sort { ($0["start"] as! Int) < ($1["start"] as! Int) }
                emit(["id": id, "entities": items])
            }
        case "time-parse":
            let repeats = option("--repeat", 5)
            let start = clock()
            var sentences = 0
            for _ in 0..<repeats {
                for (_, text) in records { sentences += engine.parse(text).sentences.count }
            }
            let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
            let docs = Double(records.count * repeats)
            print(
                "{\"system\":\"precis\",\"documents\":\(Int(docs)),\"cpu_seconds\":\(seconds),"
                    + "\"docs_per_cpu_second\":\(docs / seconds),\"sentences_per_pass\":\(sentences / repeats)}"
            )
        default:
            FileHandle.standardError.write(Data("unknown mode \(mode)\n".utf8))
            exit(2)
        }
    }

    static func loadRecords(_ path: String, titled: Bool = false) throws -> [(String, String)] {
        let data = try String(contentsOfFile: path, encoding: .utf8)
        return data.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else { return nil }
            let title = titled ? (object["title"] as? String).map { $0 + "\n\n" } ?? "" : ""
            return ("\(object["id"] ?? "")", title + text)
        }
    }

    static func label(_ label: EntityLabel) -> String {
        switch label {
        case .person: return "PERSON"
        case .org: return "ORG"
        case .loc: return "LOC"
        case .norp: return "NORP"
        case .event, .product, .work, .misc: return "MISC"
        }
    }

    static func slice(_ text: String, _ span: TextSpan) -> String {
        let utf8 = Array(text.utf8)
        return String(decoding: utf8[span.start..<span.end], as: UTF8.self)
    }

    static func emit(_ object: [String: Any]) {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
