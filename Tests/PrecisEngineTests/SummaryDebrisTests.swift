@testable import PrecisEngine
import Testing

/// News debris (bylines, timestamps, "Scroll down for video", photo credits, captions, credit lines) is never
/// a candidate of the default summary. Every fixture is invented.
@Suite("Summary debris")
struct SummaryDebrisTests {
    /// A plain-text copy of a tabloid page: headline fragment, byline and timestamp block, then the story with
    /// a video prompt, a photo credit and a credit line among its sentences.
    static let tabloid = """
        Council votes to ban late-night fireworks after noise row . By . Peter Quill . PUBLISHED: . \
        08:14 EST, 3 June 2019 . | . UPDATED: . 10:40 EST, 3 June 2019 . A town council in the north voted on \
        Monday to ban fireworks after 11pm, following dozens of complaints from residents about the noise. \
        Scroll down for video . The ban will start in September and will be enforced by council wardens. \
        Photo: Anna Berg/Getty Images. Shop owners said the rule would hurt sales in the weeks before the new \
        year. A petition against the ban has gathered 2,400 signatures since it opened last week. \
        The council leader said the decision had been difficult but necessary for families with young children. \
        Maria Lopez contributed to this report.
        """

    static let debrisMarks = [
        "By .", "Peter Quill", "PUBLISHED", "UPDATED", "EST,", "| .", "Scroll down", "Getty", "contributed to",
        "Council votes to ban",
    ]

    @Test func tabloidDebrisIsNeverPicked() throws {
        let document = Fixtures.parse(Self.tabloid)
        let summary = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .ratio(1)))
        #expect(summary.sentences.count == 5)
        for sentence in summary.sentences {
            for mark in Self.debrisMarks { #expect(!sentence.text.contains(mark), "\(sentence.text)") }
        }
        let three = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .sentences(3)))
        #expect(three.sentences.first?.text.hasPrefix("A town council in the north voted") == true)
    }

    @Test func leadStaysAsItWas() throws {
        let document = Fixtures.parse(Self.tabloid)
        let lead = try Fixtures.engine.summarize(
            document, options: SummaryOptions(length: .sentences(1), algorithm: .lead))
        #expect(lead.sentences.first?.text.hasPrefix("Council votes") == true)
    }

    /// A picture caption left as a paragraph of its own (no final punctuation) is not body text.
    @Test func captionParagraphIsNeverPicked() throws {
        let text = """
            The harbour in Velna reopened on Friday after a storm closed it for three weeks, port officials said.

            Fishing boats waiting outside the harbour wall on Thursday evening

            Repairs to the outer wall cost about $4m and were paid for by the regional government. Officials \
            said ferries to the islands would run again from Monday.
            """
        let summary = try Fixtures.engine.summarize(Fixtures.parse(text), options: SummaryOptions(length: .ratio(1)))
        #expect(summary.sentences.count == 3)
        #expect(!summary.sentences.contains { $0.text.contains("Fishing boats waiting") })
    }

    @Test func headerBlockRules() {
        func sketch(_ text: String, words: Int = 3) -> NewsDebris.SentenceSketch {
            NewsDebris.SentenceSketch(head: text.lowercased(), words: words)
        }
        #expect(NewsDebris.isHeaderLine("published: ."))
        #expect(NewsDebris.isHeaderLine("09:21 est, 2 may 2013 . | ."))
        #expect(NewsDebris.isHeaderLine("by ."))
        #expect(!NewsDebris.isHeaderLine("by the end of the day, the river had risen."))
        #expect(!NewsDebris.isHeaderLine("10:30 was the time the train left."))
        #expect(!NewsDebris.isHeaderLine("10:30 street parties began across the city."))
        let mask = NewsDebris.mask([
            sketch("Storm hits coast"), sketch("By ."), sketch("Jo Park ."), sketch("UPDATED: ."),
            sketch("11:02 GMT, 4 May 2014 ."), sketch("A storm hit the coast on Sunday, cutting power.", words: 9),
            sketch("By the evening the wind had dropped to a breeze over the bay.", words: 13),
        ])
        #expect(mask == [true, true, true, true, true, false, false])
    }

    @Test func singleSentenceRules() {
        #expect(NewsDebris.isDebris("scroll down for video .", words: 4))
        #expect(NewsDebris.isDebris("photo: anna berg/getty images.", words: 5))
        #expect(NewsDebris.isDebris("jonas petrov contributed to this report.", words: 6))
        #expect(NewsDebris.isDebris("click here to read the full report.", words: 7))
        #expect(!NewsDebris.isDebris("the photo showed the mayor at the town hall.", words: 9))
    }
}
