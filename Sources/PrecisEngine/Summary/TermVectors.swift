/// Turns the tokens of a sentence into the terms the summarizer compares.
///
/// English (`en`): lowercase words and numbers, minus ``Lexicon/stopWords``, stemmed by ``Stemmer``. Languages
/// with a list in ``Lexicon/summaryStopWords``: lowercase words minus that list, unstemmed. Any other language:
/// every lowercase word and number. Han and kana come one character per token, so adjacent pairs of them form
/// bigram terms. Single-letter Latin words and punctuation are never terms.
struct TermExtractor {
    let text: ByteText
    let tokens: [Token]
    let english: Bool
    let stopWords: Set<String>

    init(text: ByteText, document: ParsedDocument) {
        self.text = text
        tokens = document.tokens
        english = document.language.code == "en"
        stopWords = english ? Lexicon.stopWords : Lexicon.summaryStopWords[document.language.code] ?? []
    }

    /// Calls `body` with each term of the tokens in `range`, in order.
    func forEachTerm(in range: Range<Int>, _ body: (String) -> Void) {
        var previousIdeograph = -2  // never `index - 1`
        for index in range {
            let token = tokens[index]
            guard token.kind == .word || token.kind == .number || token.kind == .hashtag else { continue }
            let start = token.span.start
            if text.bytes[start] >= 0xE0, text.classAt(start).0 == .ideograph {
                if previousIdeograph == index - 1, tokens[index - 1].span.end == start {
                    body(text.string(tokens[index - 1].span.start..<token.span.end))
                } else if index + 1 >= range.upperBound || tokens[index + 1].span.start != token.span.end {
                    body(text.string(token.span))
                }
                previousIdeograph = index
                continue
            }
            guard token.span.count >= 2 else { continue }
            let word = text.lowercased(token.span)
            guard !stopWords.contains(word) else { continue }
            body(english && token.kind == .word ? Stemmer.stem(word) : word)
        }
    }
}

/// Sparse term vectors of the candidate sentences, with BM25 weights.
///
/// Work is bounded: each sentence contributes terms from at most its first ``maxTokens`` tokens and keeps at
/// most ``maxTerms`` distinct terms, so building the vectors is linear in the candidates and comparing two
/// sentences costs at most `2 × maxTerms` steps.
struct TermVectors {
    /// Tokens read per sentence.
    static let maxTokens = 256
    /// Distinct terms kept per sentence.
    static let maxTerms = 64
    /// BM25 term-frequency saturation and length normalisation.
    static let k1 = 1.2
    static let b = 0.75

    /// Per sentence, its distinct term ids in increasing order.
    private(set) var terms: [[Int]] = []
    /// Per sentence, BM25 weights parallel to `terms`, scaled to unit length (zero vector when empty).
    private(set) var weights: [[Double]] = []
    /// Per sentence, how many terms it has counting repeats.
    private(set) var lengths: [Int] = []
    /// Term ids by term.
    private(set) var ids: [String: Int] = [:]

    init(document: ParsedDocument, extractor: TermExtractor, candidates: [Int]) {
        var counts: [[Int: Int]] = []
        counts.reserveCapacity(candidates.count)
        var frequency: [Int] = []
        for index in candidates {
            let sentence = document.sentences[index]
            let range = sentence.firstToken..<(sentence.firstToken + min(sentence.tokenCount, Self.maxTokens))
            var local: [Int: Int] = [:]
            var length = 0
            extractor.forEachTerm(in: range) { term in
                let id: Int
                if let known = ids[term] {
                    id = known
                } else {
                    id = frequency.count
                    ids[term] = id
                    frequency.append(0)
                }
                if local[id] == nil {
                    guard local.count < Self.maxTerms else { return }
                    frequency[id] += 1
                }
                local[id, default: 0] += 1
                length += 1
            }
            counts.append(local)
            lengths.append(length)
        }
        let n = Double(candidates.count)
        let average = max(1, Double(lengths.reduce(0, +)) / max(1, n))
        for (position, local) in counts.enumerated() {
            let sorted = local.keys.sorted()
            let norm = Self.k1 * (1 - Self.b + Self.b * Double(lengths[position]) / average)
            var vector = sorted.map { id -> Double in
                let tf = Double(local[id] ?? 0)
                let idf = (1 + n / Double(frequency[id])).naturalLog()
                return idf * tf * (Self.k1 + 1) / (tf + norm)
            }
            let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if length > 0 { vector = vector.map { $0 / length } }
            terms.append(sorted)
            weights.append(vector)
        }
    }

    /// Cosine similarity of two sentences' BM25 vectors, in `[0, 1]`.
    func cosine(_ i: Int, _ j: Int) -> Double {
        let a = terms[i], b = terms[j], wa = weights[i], wb = weights[j]
        var x = 0, y = 0, sum = 0.0
        while x < a.count, y < b.count {
            if a[x] == b[y] {
                sum += wa[x] * wb[y]
                x += 1
                y += 1
            } else if a[x] < b[y] {
                x += 1
            } else {
                y += 1
            }
        }
        return min(1, sum)
    }

    /// How many distinct terms two sentences share.
    func overlap(_ i: Int, _ j: Int) -> Int {
        let a = terms[i], b = terms[j]
        var x = 0, y = 0, shared = 0
        while x < a.count, y < b.count {
            if a[x] == b[y] {
                shared += 1
                x += 1
                y += 1
            } else if a[x] < b[y] {
                x += 1
            } else {
                y += 1
            }
        }
        return shared
    }
}

extension Double {
    /// The natural logarithm, without Foundation (series on the mantissa; relative error below 1e-12).
    func naturalLog() -> Double {
        guard self > 0, isFinite else { return self == 0 ? -.infinity : .nan }
        let exponent = Double(self.exponent)
        let mantissa = self.significand  // in [1, 2)
        let z = (mantissa - 1) / (mantissa + 1)
        let z2 = z * z
        var term = z, sum = 0.0, k = 1.0
        while k < 60 {
            sum += term / k
            term *= z2
            k += 2
        }
        return 2 * sum + exponent * 0.693_147_180_559_945_3
    }
}
