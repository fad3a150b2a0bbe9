/// Chooses summary sentences.
///
/// Candidates are the sentences of body paragraphs, list items and block quotes (not headings, titles or
/// boilerplate), in document order, capped at the first `maxCandidates` (400 by default) so that work stays bounded
/// on long documents. v0 scores every algorithm but `.lead` with ``FrequencyScorer``; `.textrank` and `.lexrank`
/// fall back to it until graph ranking lands. `.lead` takes the first candidates.
struct Summarizer {
    let maxCandidates: Int

    func summarize(_ document: ParsedDocument, options: SummaryOptions) throws(EngineError) -> Summary {
        try Self.validate(options.length)
        let text = ByteText(document.text)
        let candidates = candidateSentences(document)
        guard !candidates.isEmpty else {
            return Summary(sentences: [], candidateCount: 0, algorithm: options.algorithm)
        }
        let scores: [Double]
        let order: [Int]
        switch options.algorithm {
        case .lead:
            scores = candidates.indices.map { 1 / Double($0 + 1) }
            order = Array(candidates.indices)
        case .default, .textrank, .lexrank:
            scores = FrequencyScorer(text: text, document: document).scores(candidates)
            order = candidates.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        }
        let words = candidates.map { index in
            let sentence = document.sentences[index]
            return document.tokens[sentence.firstToken..<(sentence.firstToken + sentence.tokenCount)]
                .reduce(0) { $0 + ($1.kind.isWordLike ? 1 : 0) }
        }
        let chosen = Self.select(order, length: options.length, words: words).sorted()
        let sentences = chosen.map { position in
            let index = candidates[position]
            let span = document.sentences[index].span
            return SummarySentence(span: span, index: index, score: scores[position], text: text.string(span))
        }
        return Summary(sentences: sentences, candidateCount: candidates.count, algorithm: options.algorithm)
    }

    /// Sentence indices of the candidates, in document order.
    func candidateSentences(_ document: ParsedDocument) -> [Int] {
        let limit = max(1, maxCandidates)
        var result: [Int] = []
        for paragraph in document.paragraphs where paragraph.kind.isBody && paragraph.kind != .heading {
            for index in paragraph.firstSentence..<(paragraph.firstSentence + paragraph.sentenceCount) {
                guard result.count < limit else { return result }
                result.append(index)
            }
        }
        return result
    }

    static func validate(_ length: SummaryLength) throws(EngineError) {
        switch length {
        case .sentences(let count) where count <= 0:
            throw EngineError(message: "summary length in sentences must be positive, got \(count)")
        case .words(let count) where count <= 0:
            throw EngineError(message: "summary length in words must be positive, got \(count)")
        case .ratio(let ratio) where !(ratio > 0 && ratio <= 1):
            throw EngineError(message: "summary ratio must be in (0, 1], got \(ratio)")
        default:
            break
        }
    }

    /// Takes positions from `order` (best first) until the length is reached; always at least one.
    static func select(_ order: [Int], length: SummaryLength, words: [Int]) -> [Int] {
        switch length {
        case .sentences(let count):
            return Array(order.prefix(count))
        case .ratio(let ratio):
            let count = Int((ratio * Double(order.count)).rounded(.up))
            return Array(order.prefix(min(order.count, max(1, count))))
        case .words(let limit):
            var chosen: [Int] = []
            var total = 0
            for position in order {
                guard chosen.isEmpty || total + words[position] <= limit else { break }
                chosen.append(position)
                total += words[position]
            }
            return chosen
        }
    }
}
