import PrecisEngine
import Testing

@Suite("Extract")
struct ExtractTests {
    let reference = CalendarDate(iso: "2026-11-24")!

    private func extract(_ text: String, _ kinds: Set<ExtractKind> = []) -> Extraction {
        Fixtures.engine.extract(Fixtures.parse(text), options: ExtractOptions(kinds: kinds, referenceDate: reference))
    }

    @Test func onlyRequestedKinds() {
        let result = extract(Fixtures.article, [.links])
        #expect(result.entities.isEmpty && result.dates.isEmpty && result.quantities.isEmpty)
        #expect(result.links.map(\.target) == ["https://almora.example.org/festival"])
        #expect(result.referenceDate == reference)
    }

    @Test func moneyAndPercent() {
        let quantities = extract("It cost $2.5m, then €300 million and £4bn; prices rose 8% and 1.5 per cent.")
            .quantities
        let money = quantities.filter { $0.kind == .money }
        #expect(money.map(\.value) == [2_500_000, 300_000_000, 4_000_000_000])
        #expect(money.map(\.unit) == ["USD", "EUR", "GBP"])
        #expect(money.map(\.text) == ["$2.5m", "€300 million", "£4bn"])
        let percent = quantities.filter { $0.kind == .percent }
        #expect(percent.map(\.value) == [8, 1.5])
        #expect(percent.map(\.text) == ["8%", "1.5 per cent"])
    }

    @Test func countsMeasuresOrdinalsAndWords() {
        let quantities = extract(
            "About 12,000 visitors walked 5 km to the third race; two million fans watched the 2nd heat."
        ).quantities
        let summary = quantities.map { "\($0.text)|\($0.kind)|\($0.value)|\($0.unit)" }
        #expect(
            summary == [
                "12,000 visitors|count|12000.0|visitors", "5 km|measure|5.0|km", "third|ordinal|3.0|",
                "two million fans|count|2000000.0|fans", "2nd|ordinal|2.0|",
            ]
        )
    }

    @Test func quotesWithSpeakers() {
        let text = """
            “We have waited a long time,” Maria Lopez said. "Boats will race again," said Dr. Ivan Sorel.

            Petrov said: “The bridge is ready for the crowds.”
            """
        let result = extract(text, [.quotes, .entities])
        #expect(
            result.quotes.map(\.text) == [
                "We have waited a long time", "Boats will race again", "The bridge is ready for the crowds.",
            ]
        )
        #expect(result.quotes.map(\.speaker) == ["Maria Lopez", "Ivan Sorel", "Petrov"])
        for quote in result.quotes {
            #expect(Fixtures.slice(text, quote.span) == quote.text)
            if let span = quote.speakerSpan { #expect(Fixtures.slice(text, span) == quote.speaker) }
        }
        let lopez = result.quotes[0].speakerEntity.map { result.entities[$0].name }
        #expect(lopez == "Maria Lopez")
    }

    @Test func entitiesMergeAndLabel() {
        let result = extract(Fixtures.article, [.entities])
        let lopez = result.entities.first { $0.name == "Maria Lopez" }
        #expect(lopez?.label == .person)
        #expect(lopez?.mentions.map(\.text) == ["Maria Lopez", "Lopez", "Lopez"])
        #expect(lopez?.salience == 1)
        #expect(result.entities.first { $0.name == "Almora Heritage Trust" }?.label == .org)
        #expect(result.entities.first { $0.name == "Ivan E. Sorel" }?.label == .person)
        #expect(result.entities.first { $0.name == "Jonas Petrov" }?.label == .person)
        #expect(!result.entities.contains { $0.name == "The" || $0.name == "Share" || $0.name == "Advertisement" })
        for entity in result.entities {
            #expect(entity.salience > 0 && entity.salience <= 1)
            for mention in entity.mentions { #expect(Fixtures.slice(Fixtures.article, mention.span) == mention.text) }
        }
    }

    @Test func entityLabels() {
        let text = "Officials from the Ministry of Water Resources met Acme Corp. in Lisbon with President Ana Duarte."
        let labels = Dictionary(
            extract(text, [.entities]).entities.map { ($0.name, $0.label) },
            uniquingKeysWith: { a, _ in a }
        )
        #expect(labels["Ministry of Water Resources"] == .org)
        #expect(labels["Acme Corp."] == .org)
        #expect(labels["Lisbon"] == .loc)
        #expect(labels["Ana Duarte"] == .person)
    }

    @Test func keyphrases() {
        let result = Fixtures.engine.extract(
            Fixtures.parse(Fixtures.article),
            options: ExtractOptions(kinds: [.keyphrases], referenceDate: reference, maxKeyphrases: 5)
        )
        #expect(result.keyphrases.count == 5)
        #expect(result.keyphrases.contains { $0.text == "old mill" })
        #expect(result.keyphrases.first?.score == 1)
        for phrase in result.keyphrases {
            for span in phrase.spans {
                #expect(Fixtures.slice(Fixtures.article, span).lowercased() == phrase.text.lowercased())
            }
        }
    }

    @Test func links() {
        let links = extract(
            "Write to desk@almora.example.org, follow @almora_news, tag #RiverFest or see www.example.org.",
            [.links]
        ).links
        #expect(links.map(\.kind) == [.email, .handle, .hashtag, .url])
        #expect(
            links.map(\.target) == ["desk@almora.example.org", "@almora_news", "#RiverFest", "https://www.example.org"]
        )
    }
}
