/// Per-sentence features of the learned default scorer (``LearnedScorer``), one row per candidate.
///
/// The same code computes them for training (`engine-tool summary-features`) and at run time, so the model
/// in `Generated/SummaryModel.swift` sees what it was trained on. Every feature is O(1) per sentence given the
/// centrality, the term vectors and the token range (capped at ``TermVectors/maxTokens`` tokens), so the rows
/// cost O(n) beyond what the graph already costs. ``names`` fixes the order; the model checks it.
struct SentenceFeatures {
    static let names = [
        "lead_1", "lead_2", "lead_3", "position", "log_position", "relative_position",
        "paragraph_index", "paragraph_first", "position_in_paragraph", "paragraph_single",
        "words", "log_words", "short", "long",
        "centrality", "centrality_rank", "blend_score", "headline_overlap", "has_headline", "lead_similarity",
        "capitalized_density", "number_density", "has_quote", "opens_quote", "dependent_opener",
        "question", "no_final_punctuation", "said", "parenthesis", "colon",
    ]

    let text: ByteText
    let document: ParsedDocument
    let extractor: TermExtractor
    let vectors: TermVectors

    /// One row per candidate, in ``names`` order.
    func rows(candidates: [Int], centrality: [Double], words: [Int]) -> [[Double]] {
        let n = candidates.count
        let scorer = NewsScorer(text: text, document: document, extractor: extractor, vectors: vectors)
        let blend = scorer.scores(candidates: candidates, centrality: centrality, words: words)
        let headline = scorer.headlineTerms()
        let top = centrality.max() ?? 0
        let blendTop = blend.max() ?? 0
        let ranks = Self.ranks(centrality)
        var bodyParagraph = -1
        var lastParagraph = -1
        return candidates.indices.map { position in
            let index = candidates[position]
            let sentence = document.sentences[index]
            let paragraph = document.paragraphs[sentence.paragraph]
            if sentence.paragraph != lastParagraph {
                bodyParagraph += 1
                lastParagraph = sentence.paragraph
            }
            let inParagraph = index - paragraph.firstSentence
            let count = Double(words[position])
            var shared = 0
            for term in vectors.terms[position] where headline.contains(term) { shared += 1 }
            let form = Self.form(of: sentence, text: text, tokens: document.tokens)
            let k = Double(position)
            return [
                position == 0 ? 1 : 0, position == 1 ? 1 : 0, position == 2 ? 1 : 0,
                min(k, 50) / 50, (1 + k).naturalLog(), n > 1 ? k / Double(n - 1) : 0,
                Double(min(bodyParagraph, 20)) / 20, inParagraph == 0 ? 1 : 0, Double(min(inParagraph, 10)) / 10,
                paragraph.sentenceCount == 1 ? 1 : 0,
                min(count, 80) / 80, (1 + count).naturalLog(), count < 8 ? 1 : 0, count > 55 ? 1 : 0,
                top > 0 ? centrality[position] / top : 0, n > 1 ? Double(ranks[position]) / Double(n - 1) : 0,
                blendTop > 0 ? blend[position] / blendTop : 0,
                headline.isEmpty ? 0 : Double(shared) / Double(headline.count), headline.isEmpty ? 0 : 1,
                position == 0 ? 1 : vectors.cosine(0, position),
                form.capitalized / max(1, count), form.numbers / max(1, count), form.quote ? 1 : 0,
                scorer.isQuotation(index) ? 1 : 0,
                position > 0 && extractor.english && scorer.opensDependent(index) ? 1 : 0,
                form.question ? 1 : 0, form.finalPunctuation ? 0 : 1, form.said ? 1 : 0, form.parenthesis ? 1 : 0,
                form.colon ? 1 : 0,
            ]
        }
    }

    /// Rank of each value, 0 for the highest; ties keep document order.
    static func ranks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var result = Array(repeating: 0, count: values.count)
        for (rank, position) in order.enumerated() { result[position] = rank }
        return result
    }
}
