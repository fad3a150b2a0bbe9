@testable import PrecisEngine
import Testing

@Suite("Summary")
struct SummaryTests {
    let document = Fixtures.parse(Fixtures.article)

    @Test func sentenceCountAndDocumentOrder() throws {
        let summary = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .sentences(3)))
        #expect(summary.sentences.count == 3)
        #expect(summary.sentences.map(\.index) == summary.sentences.map(\.index).sorted())
        #expect(summary.candidateCount == 8)
        for sentence in summary.sentences {
            #expect(Fixtures.slice(document.text, sentence.span) == sentence.text)
            #expect(document.sentences[sentence.index].span == sentence.span)
            #expect(document.paragraphs[document.sentences[sentence.index].paragraph].kind == .body)
        }
    }

    /// Words of sentence `index` as the summarizer counts them (word-like tokens).
    func wordCount(_ index: Int) -> Int {
        let sentence = document.sentences[index]
        return document.tokens[sentence.firstToken..<(sentence.firstToken + sentence.tokenCount)].filter(\.kind.isWordLike).count
    }

    @Test func wordLimit() throws {
        let summary = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .words(40)))
        #expect(!summary.sentences.isEmpty)
        #expect(summary.sentences.map { wordCount($0.index) }.reduce(0, +) <= 40)
        // Shorter than every sentence: nothing fits, and a sentence is never cut.
        let one = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .words(1)))
        #expect(one.sentences.isEmpty)
        #expect(one.candidateCount == 8)
    }

    /// `--words N` is "at most N words": for every N the summary's words add up to N or fewer, and it is
    /// empty only when no candidate sentence is that short.
    @Test func wordLimitIsAStrictMaximum() throws {
        let all = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .ratio(1)))
        let lengths = all.sentences.map { wordCount($0.index) }
        let shortest = try #require(lengths.min())
        for limit in 1...(lengths.reduce(0, +) + 5) {
            let summary = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .words(limit)))
            let used = summary.sentences.map { wordCount($0.index) }.reduce(0, +)
            #expect(used <= limit, "\(limit) words asked, \(used) returned")
            #expect(summary.sentences.isEmpty == (limit < shortest), "limit \(limit), shortest \(shortest)")
        }
    }

    @Test func ratioRoundsUp() throws {
        let summary = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .ratio(0.3)))
        #expect(summary.sentences.count == 3)  // ceil(0.3 × 8)
        let all = try Fixtures.engine.summarize(document, options: SummaryOptions(length: .ratio(1)))
        #expect(all.sentences.count == all.candidateCount)
    }

    @Test func leadTakesTheFirstBodySentences() throws {
        let options = SummaryOptions(length: .sentences(2), algorithm: .lead)
        let summary = try Fixtures.engine.summarize(document, options: options)
        #expect(summary.algorithm == .lead)
        #expect(summary.sentences.map(\.text).first?.hasPrefix("The river festival in Almora") == true)
        #expect(summary.sentences.count == 2)
    }

    @Test func shortDocumentsReturnWhatTheyHave() throws {
        let short = Fixtures.parse("Only one sentence here.")
        let summary = try Fixtures.engine.summarize(short, options: SummaryOptions(length: .sentences(5)))
        #expect(summary.sentences.map(\.text) == ["Only one sentence here."])
    }

    @Test(arguments: [
        SummaryLength.sentences(0), .sentences(-1), .words(0), .ratio(0), .ratio(1.5), .ratio(-0.2),
        .ratio(.nan),
    ])
    func invalidLengthsThrow(_ length: SummaryLength) {
        #expect(throws: EngineError.self) {
            try Fixtures.engine.summarize(document, options: SummaryOptions(length: length))
        }
    }

    @Test func candidatesAreCapped() throws {
        let engine = Engine(configuration: Engine.Configuration(maxSummaryCandidates: 5))
        let text = (1...50).map { "Sentence number \($0) talks about boats." }.joined(separator: " ")
        let summary = try engine.summarize(engine.parse(text), options: SummaryOptions(length: .ratio(1)))
        #expect(summary.candidateCount == 5)
        #expect(summary.sentences.map(\.index) == [0, 1, 2, 3, 4])
    }

    @Test func deterministic() throws {
        let first = try Fixtures.engine.summarize(document, options: SummaryOptions(algorithm: .textrank))
        let second = try Fixtures.engine.summarize(document, options: SummaryOptions(algorithm: .textrank))
        #expect(first.sentences == second.sentences)
    }
}
