/// The previous default algorithm's hand-weighted sentence score: what matters in news, on top of graph
/// centrality. The default now ranks by ``LearnedScorer``; this blend is one of its features (`blend_score`).
///
/// `score = (wC · centrality + wP · lead + wH · headline) · prior · words^e`, where
/// - centrality is the sentence's PageRank over TextRank's shared-term similarity, scaled so the best is 1
///   (it favours informative sentences that share much with the rest);
/// - lead is `leadDecay^k` for the k-th candidate (1, 0.7, 0.49, …): news puts the point first;
/// - headline is the share of the title's and subtitle's terms that the sentence contains;
/// - prior damps fragments (fewer than ``shortWords`` words), very long run-ons, sentences that open with a
///   quotation mark, and (English) sentences after the first that open with a pronoun or connective
///   (``Lexicon/dependentOpeners``) and so read badly out of context.
/// - `words^e` (e = ``lengthExponent``) is an information prior: a 30-word sentence says more than a 10-word one,
///   but with a small exponent a long sentence does not win on length alone.
/// Without a title the headline weight is shared out to the other two in proportion. Centrality carries most of
/// the weight: with a heavier lead (0.35, as before) the BBC references' R-2 fell from 55 to 46 while coverage of
/// the human-written headlines rose only 3 points (docs/SUMMARIZE.md has the figures).
struct NewsScorer {
    static let centralityWeight = 0.8
    static let leadWeight = 0.2
    static let headlineWeight = 0.15
    static let leadDecay = 0.7
    static let shortWords = 10
    static let longWords = 55
    static let quotePrior = 0.8
    static let dependentPrior = 0.85
    static let lengthExponent = 0.35

    let text: ByteText
    let document: ParsedDocument
    let extractor: TermExtractor
    let vectors: TermVectors

    func scores(candidates: [Int], centrality: [Double], words: [Int]) -> [Double] {
        let headline = headlineTerms()
        var weights = (Self.centralityWeight, Self.leadWeight, Self.headlineWeight)
        if headline.isEmpty {
            let rest = weights.0 + weights.1
            weights = (weights.0 / rest, weights.1 / rest, 0)
        }
        let top = centrality.max() ?? 0
        var lead = 1.0
        return candidates.indices.map { position in
            let central = top > 0 ? centrality[position] / top : 0
            var shared = 0
            if !headline.isEmpty {
                for term in vectors.terms[position] where headline.contains(term) { shared += 1 }
            }
            let head = headline.isEmpty ? 0 : Double(shared) / Double(headline.count)
            let score = weights.0 * central + weights.1 * lead + weights.2 * head
            lead *= Self.leadDecay
            var value = score * prior(candidates[position], words: words[position])
            value *= Double(max(1, words[position])).power(Self.lengthExponent)
            if position > 0, extractor.english, opensDependent(candidates[position]) { value *= Self.dependentPrior }
            return value
        }
    }

    /// Term ids of the title and subtitle that also occur in the body.
    func headlineTerms() -> Set<Int> {
        var result: Set<Int> = []
        var term: [UInt8] = []
        for paragraph in document.paragraphs where paragraph.kind == .title || paragraph.kind == .subtitle {
            for index in paragraph.firstSentence..<(paragraph.firstSentence + paragraph.sentenceCount) {
                let sentence = document.sentences[index]
                let range = sentence.firstToken..<(sentence.firstToken + min(sentence.tokenCount, TermVectors.maxTokens))
                extractor.forEachWord(in: range) { word, isWord in
                    if extractor.normalize(word, isWord: isWord, into: &term), let id = vectors.ids.value(term[...]) {
                        result.insert(id)
                    }
                }
            }
        }
        return result
    }

    /// The length-and-form prior of the sentence at `index`, in `(0, 1]`.
    func prior(_ index: Int, words: Int) -> Double {
        var value = 1.0
        if words < Self.shortWords { value *= 0.4 + 0.6 * Double(words) / Double(Self.shortWords) }
        if words > Self.longWords { value *= 0.85 }
        if isQuotation(index) { value *= Self.quotePrior }
        return value
    }

    /// Whether the sentence's first word is one of ``Lexicon/dependentOpeners``.
    func opensDependent(_ index: Int) -> Bool {
        let sentence = document.sentences[index]
        let tokens = document.tokens[sentence.firstToken..<(sentence.firstToken + min(sentence.tokenCount, 3))]
        guard let first = tokens.first(where: { $0.kind == .word }), first.span.count <= 9 else { return false }
        return Lexicon.dependentOpeners.contains(text.lowercased(first.span))
    }

    /// Whether the sentence opens with a quotation mark (it reports speech rather than stating the news).
    func isQuotation(_ index: Int) -> Bool {
        let sentence = document.sentences[index]
        guard sentence.tokenCount > 0 else { return false }
        let first = document.tokens[sentence.firstToken]
        guard first.kind == .punctuation else { return false }
        switch text.string(first.span) {
        case "\"", "“", "„", "«", "‘", "'", "「", "『": return true
        default: return false
        }
    }
}
