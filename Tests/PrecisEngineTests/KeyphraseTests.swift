import PrecisEngine
import Testing

@Suite("Keyphrases")
struct KeyphraseTests {
    private func phrases(_ text: String, count: Int = 10) -> [Keyphrase] {
        Fixtures.engine.extract(
            Fixtures.parse(text),
            options: ExtractOptions(kinds: [.keyphrases], referenceDate: CalendarDate(iso: "2026-11-24"), maxKeyphrases: count)
        ).keyphrases
    }

    static let abstract = """
        Adaptive routing for wireless sensor networks

        Wireless sensor networks lose packets when nodes run out of energy. We describe an adaptive routing \
        protocol that balances energy use across the sensor nodes. The routing protocol was tested on a \
        simulated wireless sensor network of 200 nodes, where it extended network lifetime by a third. \
        Energy-aware routing also reduced packet loss.
        """

    @Test func multiWordTopicsRankFirst() {
        let found = phrases(Self.abstract, count: 5).map { $0.text }
        #expect(found.contains("wireless sensor networks"))
        #expect(found.contains("adaptive routing protocol") || found.contains("adaptive routing"))
        // Plural and singular are one phrase, not two.
        #expect(!(found.contains("wireless sensor networks") && found.contains("wireless sensor network")))
    }

    @Test func noFunctionWordsVerbsOrAdverbsAtTheEdges() {
        let edges: Set<String> = ["the", "of", "we", "was", "describe", "also", "when", "it", "by", "run"]
        for phrase in phrases(Self.abstract) {
            let words = phrase.text.lowercased().split(separator: " ").map(String.init)
            #expect(!edges.contains(words.first ?? ""), "\(phrase.text)")
            #expect(!edges.contains(words.last ?? ""), "\(phrase.text)")
            #expect(!words.contains { $0.hasSuffix("ly") }, "\(phrase.text)")
        }
    }

    @Test func namesAreSplitFromCommonNounsAndKeepTheirCase() {
        let text = """
            The harbour board met on Tuesday. Board chair Lena Okafor said the harbour board would rebuild the \
            north pier. Lena Okafor has led the harbour board since the storm damaged the north pier.
            """
        let found = phrases(text).map(\.text)
        #expect(found.contains("Lena Okafor"))
        #expect(found.contains("harbour board"))
        #expect(!found.contains { $0.contains("chair Lena") })
    }

    @Test func spansPointAtTheOccurrences() {
        let text = Self.abstract
        for phrase in phrases(text) {
            #expect(!phrase.spans.isEmpty)
            #expect(phrase.score > 0 && phrase.score <= 1)
            for span in phrase.spans {
                let written = Fixtures.slice(text, span).lowercased()
                let first = phrase.text.lowercased().split(separator: " ").first.map(String.init) ?? ""
                #expect(written.hasPrefix(String(first.prefix(4))), "\(written) for \(phrase.text)")
            }
        }
        #expect(phrases(text).first?.score == 1)
    }

    @Test func spanishUsesSpanishStopWords() {
        let text = """
            La reforma de las pensiones divide al gobierno. El ministro de economía defendió la reforma de las \
            pensiones ante los sindicatos, que convocaron una huelga general para el jueves. Los sindicatos \
            rechazan la reforma y la huelga general será la primera desde el año pasado.
            """
        let found = phrases(text).map(\.text)
        #expect(found.contains("huelga general"))
        #expect(found.contains("sindicatos"))
        let stop: Set<String> = ["la", "de", "las", "el", "los", "que", "y", "para"]
        for phrase in found {
            let words = phrase.lowercased().split(separator: " ").map(String.init)
            #expect(!words.contains { stop.contains($0) }, "\(phrase)")
        }
    }

    @Test func germanKeepsNounsNotVerbs() {
        let text = """
            Die Deutsche Bahn erhöht die Preise. Nach Angaben der Bahn steigen die Preise für Tickets im \
            Fernverkehr im Dezember. Fahrgastverbände kritisieren die neuen Preise der Deutsche Bahn.
            """
        let found = phrases(text).map(\.text)
        #expect(found.contains("Preise"))
        #expect(found.contains("Deutsche Bahn"))
        let verbs: Set<String> = ["erhöht", "steigen", "kritisieren", "neuen", "die", "der"]
        #expect(!found.contains { $0.split(separator: " ").contains { verbs.contains(String($0)) } }, "\(found)")
    }

    @Test func recurringPhrasesWithAConnector() {
        let text = """
            Le conseil municipal vote la taxe sur les déchets. La taxe sur les déchets finance le tri. Le \
            conseil municipal défend la collecte des déchets et la collecte des déchets reprend lundi.
            """
        let found = phrases(text).map(\.text)
        #expect(found.contains("collecte des déchets"))
        #expect(found.contains("conseil municipal"))
    }

    @Test func chinesePhrasesAreRecurringCharacterRuns() {
        let found = phrases("市政府公布地铁规划。地铁规划明年开始。居民欢迎地铁规划。").map(\.text)
        #expect(found.contains("地铁规划"))
        #expect(!found.contains { $0.unicodeScalars.count < 2 })
    }

    @Test func emptyAndWordlessInputGiveNoPhrases() {
        #expect(phrases("").isEmpty)
        #expect(phrases("12 34 56 !!! ... ???").isEmpty)
        #expect(phrases("The and of it was.").isEmpty)
        #expect(phrases(Self.abstract, count: 0).isEmpty)
        #expect(phrases(Self.abstract, count: 3).count == 3)
    }
}
