import ArgumentParser
import Foundation
import PrecisWire

struct ParseFlags: ParsableArguments {
    @Flag(name: .long, help: "Include every token (word, number, punctuation, ...) with its span.")
    var tokens = false

    var options: ParseOptions { ParseOptions(includeTokens: tokens) }
}

struct SummaryFlags: ParsableArguments {
    @Option(name: .long, help: "Summary length in sentences (default 3).")
    var sentences: Int?

    @Option(name: .long, help: "Summary length in words, at most: whole sentences totalling no more than this; empty when no sentence is that short.")
    var words: Int?

    @Option(name: .long, help: "Summary length as a fraction of the body's sentences, in (0, 1].")
    var ratio: Double?

    @Option(name: .long, help: "Ranking method: default, textrank, lexrank or lead.")
    var algorithm: String = "default"

    func validate() throws {
        let given = [sentences != nil, words != nil, ratio != nil].filter { $0 }.count
        if given > 1 { throw ValidationError("give at most one of --sentences, --words and --ratio") }
        if let sentences, sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        if let words, words < 1 { throw ValidationError("--words must be at least 1") }
        if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be in (0, 1], got \(ratio)") }
        if algorithmValue == nil {
            throw ValidationError("--algorithm must be default, textrank, lexrank or lead, got \"\(algorithm)\"")
        }
    }

    private var algorithmValue: SummaryOptions.Algorithm? {
        switch algorithm.lowercased() {
        case "default": .default
        case "textrank": .textrank
        case "lexrank": .lexrank
        case "lead": .lead
        default: nil
        }
    }

    var options: SummaryOptions {
        var options = SummaryOptions(algorithm: algorithmValue ?? .default)
        if let sentences { options.length = .sentences(UInt32(clamping: sentences)) }
        if let words { options.length = .words(UInt32(clamping: words)) }
        if let ratio { options.length = .ratio(Float(ratio)) }
        return options
    }
}

struct ExtractFlags: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "What to extract, comma-separated: entities, dates, quantities, quotes, keyphrases, links (default: all).",
            valueName: "kinds"
        )
    )
    var kinds: String?

    @Option(name: .long, help: ArgumentHelp("The date relative dates resolve against (default: a date in the text, else today).", valueName: "YYYY-MM-DD"))
    var referenceDate: String?

    @Option(name: .long, help: "Keyphrases to return at most (default 10, at most 100).")
    var maxKeyphrases: Int?

    func validate() throws {
        _ = try kindValues()
        if let referenceDate, !Self.looksLikeDate(referenceDate) {
            throw ValidationError("--reference-date must look like 2026-11-24, got \"\(referenceDate)\"")
        }
        if let maxKeyphrases, !(1...100).contains(maxKeyphrases) {
            throw ValidationError("--max-keyphrases must be between 1 and 100")
        }
    }

    private static func looksLikeDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    private func kindValues() throws -> [ExtractOptions.Kind] {
        guard let kinds else { return [] }
        return try kinds.split(separator: ",").map { name -> ExtractOptions.Kind in
            switch name.trimmingCharacters(in: .whitespaces).lowercased() {
            case "entities": return .entities
            case "dates": return .dates
            case "quantities": return .quantities
            case "quotes": return .quotes
            case "keyphrases": return .keyphrases
            case "links": return .links
            default:
                throw ValidationError(
                    "unknown kind \"\(name)\" in --kinds; use entities, dates, quantities, quotes, keyphrases, links"
                )
            }
        }
    }

    var options: ExtractOptions { options(referenceDate: nil) }

    /// The options, with a `--jsonl` line's own reference date in place of `--reference-date` when it has one.
    func options(referenceDate line: String?) -> ExtractOptions {
        ExtractOptions(
            kinds: (try? kindValues()) ?? [],
            referenceDate: line ?? referenceDate ?? "",
            maxKeyphrases: UInt32(clamping: maxKeyphrases ?? 0)
        )
    }
}
