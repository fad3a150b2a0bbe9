import PrecisEngine
import Testing

@Suite("Sentences")
struct SentenceTests {
    @Test func abbreviationsAndInitialsDoNotSplit() {
        let text = "Dr. Ivan E. Sorel met Mr. Petrov at 9 a.m. near the U.S. embassy. They spoke for an hour."
        let sentences = Fixtures.sentenceTexts(Fixtures.parse(text))
        #expect(
            sentences == [
                "Dr. Ivan E. Sorel met Mr. Petrov at 9 a.m. near the U.S. embassy.",
                "They spoke for an hour.",
            ]
        )
    }

    @Test func abbreviationEndsSentenceBeforeFunctionWord() {
        let text = "The firm moved to the U.S. The move took a year."
        #expect(Fixtures.sentenceTexts(Fixtures.parse(text)).count == 2)
    }

    @Test func closingQuotesStayWithTheSentence() {
        let text = "She said, “It is done.” Then she left! Why? (Nobody knows.) 2026 will tell."
        let sentences = Fixtures.sentenceTexts(Fixtures.parse(text))
        #expect(
            sentences == ["She said, “It is done.”", "Then she left!", "Why?", "(Nobody knows.)", "2026 will tell."]
        )
    }

    @Test func lowercaseAfterPeriodDoesNotSplit() {
        let text = "The price was 3.5 per cent. lower than planned, i.e. small."
        #expect(Fixtures.sentenceTexts(Fixtures.parse(text)).count == 1)
    }

    @Test func noSentenceCrossesAParagraph() {
        let text = "First paragraph has no final stop\n\nSecond one does. It has two sentences.\n\nThird"
        let document = Fixtures.parse(text)
        #expect(document.paragraphs.count == 3)
        #expect(document.sentences.map(\.paragraph) == [0, 1, 1, 2])
        #expect(Fixtures.sentenceTexts(document).first == "First paragraph has no final stop")
        #expect(Fixtures.spanProblems(document).isEmpty)
    }

    @Test func fixtureSpansSliceExactly() {
        let document = Fixtures.parse(Fixtures.article)
        #expect(Fixtures.spanProblems(document).isEmpty)
        for paragraph in document.paragraphs {
            let range = paragraph.firstSentence..<(paragraph.firstSentence + paragraph.sentenceCount)
            #expect(document.sentences[range].allSatisfy { document.paragraphs[$0.paragraph] == paragraph })
        }
        #expect(document.sentences.reduce(0) { $0 + $1.tokenCount } == document.tokens.count)
    }

    @Test func cjkFullStopsSplit() {
        let sentences = Fixtures.sentenceTexts(Fixtures.parse("今日は晴れです。明日は雨です。"))
        #expect(sentences == ["今日は晴れです。", "明日は雨です。"])
    }
}
