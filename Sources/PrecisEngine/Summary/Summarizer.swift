/// Chooses summary sentences.
///
/// Candidates are the sentences of body paragraphs, list items and block quotes (never headings, titles,
/// subtitles, bylines, captions or boilerplate), in document order, capped at the first `maxCandidates`
/// (``Engine/Configuration/maxSummaryCandidates``, 400 by default) so work stays O(n²) with n bounded; term
/// vectors are capped too (see ``TermVectors``). The algorithms:
/// - `.default`: news debris (``NewsDebris``) is left out; ``LearnedScorer`` scores each sentence by logistic
///   regression over ``SentenceFeatures`` (position, length, centrality, headline overlap, form); ``MMR`` then
///   picks by score, skipping near-duplicates (BM25 cosine ≥ 0.65).
/// - `.textrank`: PageRank over TextRank's shared-term similarity; picks by score, skipping near-duplicates.
/// - `.lexrank`: PageRank over the LexRank graph (BM25 cosine ≥ 0.1); picks by score, skipping near-duplicates.
/// - `.lead`: the first candidates.
/// The chosen sentences are returned in document order.
struct Summarizer {
    let maxCandidates: Int

    /// MMR's relevance weight for `.default`: 1 picks by score and skips near-duplicates. Lower values (0.7–0.9)
    /// also push down sentences that merely overlap with a chosen one; on the BBC set that cost 0.3–1 R-2 and
    /// changed no summary an editor would object to, so the default keeps the plain duplicate skip. With the
    /// learned scorer, λ = 0.85 gave 30.46/11.91 on the CNN train part against 30.47/11.96 for λ = 1.
    static let defaultLambda = 1.0

    func summarize(_ document: ParsedDocument, options: SummaryOptions, interrupt: Interrupt = .none)
        throws(EngineError) -> Summary
    {
        try Self.validate(options.length)
        try interrupt.check()
        let text = ByteText(document.text)
        var candidates = candidateSentences(document)
        if options.algorithm == .default { candidates = Self.withoutDebris(candidates, document: document, text: text) }
        guard !candidates.isEmpty else {
            return Summary(sentences: [], candidateCount: 0, algorithm: options.algorithm)
        }
        let words = Self.wordCounts(candidates, document: document)
        let scores: [Double]
        let chosen: [Int]
        if options.algorithm == .lead {
            scores = candidates.indices.map { 1 / Double($0 + 1) }
            chosen = MMR(lambda: 1).select(scores: scores, words: words, length: options.length) { _, _ in 0 }
        } else {
            let extractor = TermExtractor(text: text, document: document)
            let vectors = TermVectors(document: document, extractor: extractor, candidates: candidates)
            try interrupt.check()
            let lambda: Double
            switch options.algorithm {
            case .textrank:
                scores = Ranker.pageRank(Ranker.textRankMatrix(vectors))
                lambda = 1
            case .lexrank:
                scores = Ranker.pageRank(Ranker.thresholded(Ranker.cosineMatrix(vectors)))
                lambda = 1
            default:
                let centrality = Ranker.pageRank(Ranker.textRankMatrix(vectors))
                try interrupt.check()
                let features = SentenceFeatures(text: text, document: document, extractor: extractor, vectors: vectors)
                scores = LearnedScorer.scores(features.rows(candidates: candidates, centrality: centrality, words: words))
                lambda = Self.defaultLambda
            }
            try interrupt.check()
            chosen = MMR(lambda: lambda).select(scores: scores, words: words, length: options.length) {
                vectors.cosine($0, $1)
            }
        }
        let sentences = chosen.sorted().map { position in
            let index = candidates[position]
            let span = document.sentences[index].span
            return SummarySentence(span: span, index: index, score: scores[position], text: text.string(span))
        }
        return Summary(sentences: sentences, candidateCount: candidates.count, algorithm: options.algorithm)
    }

    /// Word-like tokens of each candidate.
    static func wordCounts(_ candidates: [Int], document: ParsedDocument) -> [Int] {
        candidates.map { index in
            let sentence = document.sentences[index]
            return document.tokens[sentence.firstToken..<(sentence.firstToken + sentence.tokenCount)]
                .reduce(0) { $0 + ($1.kind.isWordLike ? 1 : 0) }
        }
    }

    /// The candidates that are not ``NewsDebris``; all of them when every one is.
    static func withoutDebris(_ candidates: [Int], document: ParsedDocument, text: ByteText) -> [Int] {
        let words = wordCounts(candidates, document: document)
        let paragraphs = Set(candidates.map { document.sentences[$0].paragraph }).count
        let sketches = candidates.indices.map { position in
            let sentence = document.sentences[candidates[position]]
            let span = sentence.span
            let head = NewsDebris.lowered(
                text.bytes[span.start..<min(span.end, span.start + NewsDebris.SentenceSketch.headBytes)])
            let alone = paragraphs > 1 && document.paragraphs[sentence.paragraph].sentenceCount == 1
            let final = !alone || words[position] > NewsDebris.captionWords
                || SentenceFeatures.form(of: sentence, text: text, tokens: document.tokens).finalPunctuation
            return NewsDebris.SentenceSketch(head: head, words: words[position], finalPunctuation: final, alone: alone)
        }
        let debris = NewsDebris.mask(sketches)
        let kept = candidates.indices.filter { !debris[$0] }.map { candidates[$0] }
        return kept.isEmpty ? candidates : kept
    }

    /// The default algorithm's feature rows for `document` (what `engine-tool summary-features` dumps).
    func featureTable(_ document: ParsedDocument) -> SummaryFeatureTable {
        let text = ByteText(document.text)
        let candidates = Self.withoutDebris(candidateSentences(document), document: document, text: text)
        guard !candidates.isEmpty else { return SummaryFeatureTable(names: SentenceFeatures.names, sentences: [], rows: []) }
        let words = Self.wordCounts(candidates, document: document)
        let extractor = TermExtractor(text: text, document: document)
        let vectors = TermVectors(document: document, extractor: extractor, candidates: candidates)
        let centrality = Ranker.pageRank(Ranker.textRankMatrix(vectors))
        let features = SentenceFeatures(text: text, document: document, extractor: extractor, vectors: vectors)
        let rows = features.rows(candidates: candidates, centrality: centrality, words: words)
        return SummaryFeatureTable(names: SentenceFeatures.names, sentences: candidates, rows: rows)
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
}
