import Foundation
import PrecisEngine

/// engine-tool summary-features FILE.jsonl [--title] — one line per record with the default summarizer's
/// per-sentence features, computed by the engine code the summarizer runs (``Engine/summaryFeatures(_:)``):
/// `{"id", "names": [..], "sentences": [text of each candidate], "features": [[..] per candidate]}`.
/// `dev/train-summary.py` trains the default model on these lines.
enum SummaryFeatureDump {
    static func run(_ records: [(String, String)]) {
        let engine = Engine()
        for (id, text) in records {
            let document = engine.parse(text)
            let table = engine.summaryFeatures(document)
            let sentences = table.sentences.map { EngineTool.slice(document.text, document.sentences[$0].span) }
            let rows = table.rows.map { $0.map { ($0 * 1e6).rounded() / 1e6 } }
            EngineTool.emit(["id": id, "names": table.names, "sentences": sentences, "features": rows])
        }
    }
}
