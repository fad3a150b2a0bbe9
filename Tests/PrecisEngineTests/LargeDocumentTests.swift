import PrecisEngine
import Testing

@Suite("Large documents")
struct LargeDocumentTests {
    /// About 5 MB of generated paragraphs with varied words, numbers, quotes and names.
    static func generated(bytes: Int) -> String {
        let subjects = ["The council", "Maria Lopez", "Dr. Sorel", "The river authority", "Almora", "Engineers"]
        let verbs = ["approved", "rejected", "studied", "announced", "delayed", "funded"]
        let objects = ["a new bridge", "the festival budget", "12% more boats", "$3.5m in repairs", "the U.S. plan"]
        var text = ""
        text.reserveCapacity(bytes + 200)
        var index = 0
        while text.utf8.count < bytes {
            var paragraph = ""
            for _ in 0..<5 {
                paragraph += "\(subjects[index % subjects.count]) \(verbs[index % verbs.count]) "
                paragraph += "\(objects[index % objects.count]) on Monday, \"officials\" said item \(index). "
                index += 1
            }
            text += paragraph + "\n\n"
        }
        return text
    }

    @Test func fiveMegabytesParseAndSummarize() throws {
        let text = Self.generated(bytes: 5_000_000)
        let engine = Engine()
        let document = engine.parse(text)
        #expect(document.sentences.count > 40_000)
        #expect(document.paragraphs.count > 8_000)
        let summary = try engine.summarize(document, options: SummaryOptions(length: .sentences(3)))
        #expect(summary.sentences.count == 3)
        #expect(summary.candidateCount == engine.configuration.maxSummaryCandidates)
    }

    @Test func oneMegabyteExtractsEverything() {
        let engine = Engine()
        let document = engine.parse(Self.generated(bytes: 1_000_000))
        let extraction = engine.extract(
            document,
            options: ExtractOptions(referenceDate: CalendarDate(iso: "2026-11-24"))
        )
        #expect(extraction.entities.contains { $0.name == "Maria Lopez" })
        #expect(extraction.dates.count >= document.sentences.count)
        #expect(extraction.keyphrases.count == 10)
    }
}
