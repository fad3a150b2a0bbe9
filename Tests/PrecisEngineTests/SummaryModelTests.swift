@testable import PrecisEngine
import Testing

/// The default summarizer's learned model agrees with the features the engine computes.
@Suite("Summary model")
struct SummaryModelTests {
    @Test func modelMatchesFeatures() {
        #expect(SummaryModel.featureNames == SentenceFeatures.names)
        #expect(SummaryModel.weights.count == SentenceFeatures.names.count)
        let finite = SummaryModel.weights.allSatisfy { $0.isFinite } && SummaryModel.intercept.isFinite
        #expect(finite)
        #expect(Engine.summaryModelVersion.hasPrefix("summary-lr-"))
    }

    @Test func featureTableHasOneFiniteRowPerCandidate() {
        let document = Fixtures.parse(Fixtures.article)
        let table = Fixtures.engine.summaryFeatures(document)
        #expect(table.names == SentenceFeatures.names)
        #expect(table.sentences.count == 8)
        #expect(table.rows.count == table.sentences.count)
        for row in table.rows {
            #expect(row.count == table.names.count)
            let finite = row.allSatisfy { $0.isFinite }
            #expect(finite)
        }
        #expect(table.rows[0][SentenceFeatures.names.firstIndex(of: "lead_1")!] == 1)
        #expect(Fixtures.engine.summaryFeatures(Fixtures.parse("")).rows.isEmpty)
    }

    /// With nothing but position to tell sentences apart (same length and form, the
    /// same frame around different words, no headline),
    /// the default is the lead: news puts the point first.
    @Test func withNothingElseToGoOnTheDefaultIsTheLead() throws {
        let words = [
            "alpha", "bravo", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "indigo", "juniper", "kelp",
            "lantern", "meadow", "nectar", "orchid", "pebble", "quartz", "raven", "saffron", "timber", "umber",
            "velvet", "willow", "xenon", "yarrow", "zephyr", "acorn", "birch", "cedar", "dune", "elm", "fern",
            "glacier", "heron", "iris", "jasper", "kestrel", "lotus", "maple", "nutmeg", "oak", "pine",
        ]
        let sentences = stride(from: 0, to: 42, by: 6).map { start in
            "The " + words[start..<(start + 6)].joined(separator: " ") + " moved slowly across the valley floor today."
        }
        let document = Fixtures.parse(sentences.joined(separator: " "))
        let summary = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .sentences(3)))
        #expect(summary.sentences.map(\.index) == [0, 1, 2])
    }
}
