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
        "lead_1_x_log_count", "lead_2_x_log_count", "lead_3_x_log_count", "log_position_x_log_count",
        "position_4_5", "position_6_10", "position_11_20", "words_15_25", "words_25_35", "words_35_45",
        "term_spread", "salience", "lead3_similarity", "has_number",
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
        let spread = Self.termSpread(vectors)
        let salienceTop = spread.map(\.sum).max() ?? 0
        let logCount = Double(max(1, n)).naturalLog()
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
            let logPosition = (1 + k).naturalLog()
            return [
                position == 0 ? 1 : 0, position == 1 ? 1 : 0, position == 2 ? 1 : 0,
                min(k, 50) / 50, logPosition, n > 1 ? k / Double(n - 1) : 0,
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
                position == 0 ? logCount : 0, position == 1 ? logCount : 0, position == 2 ? logCount : 0,
                logPosition * logCount,
                (3...4).contains(position) ? 1 : 0, (5...9).contains(position) ? 1 : 0,
                (10...19).contains(position) ? 1 : 0,
                (15..<25).contains(words[position]) ? 1 : 0, (25..<35).contains(words[position]) ? 1 : 0,
                (35..<45).contains(words[position]) ? 1 : 0,
                spread[position].mean, salienceTop > 0 ? spread[position].sum / salienceTop : 0,
                Self.leadSimilarity(position, vectors: vectors), form.numbers > 0 ? 1 : 0,
            ]
        }
    }

    /// For each candidate, the mean and the sum over its terms of the share of candidates that contain the term
    /// (how much of what it says the rest of the text also says). O(total terms).
    static func termSpread(_ vectors: TermVectors) -> [(mean: Double, sum: Double)] {
        let n = vectors.terms.count
        let size = vectors.terms.reduce(0) { max($0, ($1.max() ?? -1) + 1) }
        var frequency = Array(repeating: 0, count: size)
        for terms in vectors.terms { for term in terms { frequency[term] += 1 } }
        return vectors.terms.map { terms in
            guard !terms.isEmpty, n > 1 else { return (0, 0) }
            let sum = terms.reduce(0.0) { $0 + Double(frequency[$1] - 1) / Double(n - 1) }
            return (sum / Double(terms.count), sum)
        }
    }

    /// Mean BM25 cosine to the first three candidates other than itself.
    static func leadSimilarity(_ position: Int, vectors: TermVectors) -> Double {
        var sum = 0.0, count = 0
        for other in 0..<min(3, vectors.terms.count) where other != position {
            sum += vectors.cosine(other, position)
            count += 1
        }
        return count > 0 ? sum / Double(count) : 0
    }

    /// Rank of each value, 0 for the highest; ties keep document order.
    static func ranks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var result = Array(repeating: 0, count: values.count)
        for (rank, position) in order.enumerated() { result[position] = rank }
        return result
    }
}
