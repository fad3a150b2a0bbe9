import PrecisEngine
import Testing

/// Seeded random documents built from tricky pieces: every span of every result stays on scalar boundaries.
@Suite("Fuzz")
struct FuzzTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E219
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = [
        " ", "\n", "\n\n", "\r\n", "\t", ".", "...", "!", "?", ",", ":", "\"", "“", "”", "’", "(", ")", "-", "—",
        "# ", "- ", "1. ", "> ", "@", "$", "€", "%", "&", "www.", "https://", "a", "A", "Mr.", "U.S.", "E.", "By ",
        "Maria", "Lopez", "said", "of", "The", "Monday", "Nov.", "24", "2026", "1,000", "3.5", "12%", "1st", "5km",
        "$4bn", "million", "two", "per cent", "yesterday", "last", "week", "al-", "Ministry", "Inc.", "x@y.com",
        "@h", "#t", "😀", "👍🏽", "🇵", "\u{200D}", "\u{FE0F}", "\u{301}", "東", "。", "한", "ا", "\u{0}", "\u{2029}",
        "\u{FEFF}", "\u{AD}", "é", "ǅ", "٣", "\u{E000}", "Advertisement", "---", "9th", "'s",
    ]

    @Test func randomDocumentsKeepSpansValid() throws {
        var generator = SplitMix(state: 20_261_124)
        let engine = Engine()
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...80, using: &generator) {
                text += Self.pieces.randomElement(using: &generator)!
            }
            let document = engine.parse(text)
            #expect(Fixtures.spanProblems(document).isEmpty, "\(text.debugDescription)")
            _ = try engine.summarize(document, options: SummaryOptions(length: .words(8)))
            let result = engine.extract(
                document,
                options: ExtractOptions(referenceDate: CalendarDate(iso: "2026-11-24"))
            )
            let spans =
                result.entities.flatMap { $0.mentions.map(\.span) } + result.dates.map(\.span)
                + result.quantities.map(\.span) + result.quotes.map(\.span) + result.keyphrases.flatMap(\.spans)
                + result.links.map(\.span) + result.quotes.compactMap(\.speakerSpan)
            let bytes = Array(text.utf8)
            #expect(spans.allSatisfy { Fixtures.onScalarBoundaries(bytes, $0) }, "\(text.debugDescription)")
            #expect(result.quotes.allSatisfy { ($0.speakerEntity ?? 0) < max(1, result.entities.count) })
        }
    }
}
