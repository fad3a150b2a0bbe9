import Foundation
import PrecisEngine

/// `engine-tool extract-json FILE [--reference YYYY-MM-DD]`: reads FILE as one plain-text document, extracts
/// everything and prints one JSON object: entities (label, name, mentions), dates (text, value, granularity,
/// relative), quantities (text, kind, value, unit), quotes (text, speaker, speaker_entity name). For looking at
/// one article (dev/check-seed.py), not for scoring.
enum ExtractDump {
    static func run(_ path: String, arguments: [String]) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var reference: CalendarDate?
        if let index = arguments.firstIndex(of: "--reference"), index + 1 < arguments.count {
            let parts = arguments[index + 1].split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 { reference = CalendarDate(year: parts[0], month: parts[1], day: parts[2]) }
        }
        let engine = Engine()
        let found = engine.extract(engine.parse(text), options: ExtractOptions(referenceDate: reference))
        let entities: [[String: Any]] = found.entities.map { entity in
            [
                "label": label(entity.label), "name": entity.name,
                "mentions": entity.mentions.map(\.text), "salience": entity.salience,
            ]
        }
        let dates: [[String: Any]] = found.dates.map { date in
            [
                "text": date.text, "value": date.value, "granularity": "\(date.granularity)", "relative": date.relative,
                "type": date.type.rawValue, "mod": date.mod?.rawValue ?? "",
            ]
        }
        let quantities: [[String: Any]] = found.quantities.map { quantity in
            ["text": quantity.text, "kind": "\(quantity.kind)", "value": quantity.value, "unit": quantity.unit]
        }
        let quotes: [[String: Any]] = found.quotes.map { quote in
            [
                "text": quote.text, "speaker": quote.speaker,
                "speaker_entity": quote.speakerEntity.map { found.entities[$0].name } ?? NSNull(),
            ]
        }
        let object: [String: Any] = [
            "reference_date": found.referenceDate.iso, "entities": entities, "dates": dates,
            "quantities": quantities, "quotes": quotes,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func label(_ label: EntityLabel) -> String {
        switch label {
        case .event: return "EVENT"
        case .product: return "PRODUCT"
        case .work: return "WORK"
        case .misc: return "MISC"
        default: return EngineTool.label(label)
        }
    }
}
