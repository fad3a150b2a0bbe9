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
    let stopWords: WordTable

    /// Stop-word tables by language code, built once.
    static let stopTables: [String: WordTable] = {
        var tables: [String: WordTable] = [:]
        for (code, words) in Lexicon.summaryStopWords.merging(["en": Lexicon.stopWords], uniquingKeysWith: { $1 }) {
            var table = WordTable()
            for word in words.sorted() { table.insert(Array(word.utf8)[...], 0) }
            tables[code] = table
        }
        return tables
    }()

    init(text: ByteText, document: ParsedDocument) {
        self.text = text
        tokens = document.tokens
        english = document.language.code == "en"
        stopWords = Self.stopTables[document.language.code] ?? WordTable()
    }

    /// Calls `body` with each raw term of the tokens in `range`, in order, as bytes in a reused buffer: a
    /// lowercase word or number (`true`: pass it through ``normalize(_:isWord:)``), or a Han/kana bigram
    /// (`false`: use as is).
    func forEachWord(in range: Range<Int>, _ body: (ArraySlice<UInt8>, Bool) -> Void) {
        var previousIdeograph = -2  // never `index - 1`
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        for index in range {
            let token = tokens[index]
            guard token.kind == .word || token.kind == .number || token.kind == .hashtag else { continue }
            let start = token.span.start
            if text.bytes[start] >= 0xE0, text.classAt(start).0 == .ideograph {
                if previousIdeograph == index - 1, tokens[index - 1].span.end == start {
                    body(text.bytes[tokens[index - 1].span.start..<token.span.end], false)
                } else if index + 1 >= range.upperBound || tokens[index + 1].span.start != token.span.end {
                    body(text.bytes[start..<token.span.end], false)
                }
                previousIdeograph = index
                continue
            }
            guard token.span.count >= 2 else { continue }
            buffer.removeAll(keepingCapacity: true)
            var ascii = true
            for offset in start..<token.span.end {
                let byte = text.bytes[offset]
                ascii = ascii && byte < 0x80
                buffer.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            if !ascii { buffer = Array(text.string(token.span).lowercased().utf8) }
            body(buffer[...], token.kind == .word)
        }
    }

    /// Puts the term for a lowercase word in `term`: the word, stemmed in English; `false` for a stop word.
    func normalize(_ word: ArraySlice<UInt8>, isWord: Bool, into term: inout [UInt8]) -> Bool {
        guard stopWords.value(word) == nil else { return false }
        term.removeAll(keepingCapacity: true)
        term.append(contentsOf: word)
        if english && isWord { Stemmer.stem(&term) }
        return true
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
    /// Term ids by term (UTF-8).
    private(set) var ids: WordTable

    init(document: ParsedDocument, extractor: TermExtractor, candidates: [Int]) {
        var counts: [[(id: Int, count: Int)]] = []
        counts.reserveCapacity(candidates.count)
        var frequency: [Int] = []
        var scratch: [Int] = []  // per term id, its count in the current sentence
        let tokenCount = candidates.reduce(0) { $0 + min(document.sentences[$1].tokenCount, Self.maxTokens) }
        let expected = min(tokenCount / 2 + 16, 1 << 16)
        var raw = WordTable(capacity: expected)  // raw word → term id, or -1 for a stop word
        ids = WordTable(capacity: expected)
        var term: [UInt8] = []
        for index in candidates {
            let sentence = document.sentences[index]
            let range = sentence.firstToken..<(sentence.firstToken + min(sentence.tokenCount, Self.maxTokens))
            var touched: [Int] = []
            var length = 0
            extractor.forEachWord(in: range) { word, isWord in
                var id = raw.value(word) ?? -2
                if id == -2 {
                    if extractor.normalize(word, isWord: isWord, into: &term) {
                        id = ids.value(term[...]) ?? frequency.count
                        if id == frequency.count {
                            ids.insert(term[...], id)
                            frequency.append(0)
                            scratch.append(0)
                        }
                    } else {
                        id = -1
                    }
                    raw.insert(word, id)
                }
                guard id >= 0 else { return }
                if scratch[id] == 0 {
                    guard touched.count < Self.maxTerms else { return }
                    touched.append(id)
                    frequency[id] += 1
                }
                scratch[id] += 1
                length += 1
            }
            touched.sort()
            counts.append(touched.map { (id: $0, count: scratch[$0]) })
            for id in touched { scratch[id] = 0 }
            lengths.append(length)
        }
        let n = Double(candidates.count)
        let average = max(1, Double(lengths.reduce(0, +)) / max(1, n))
        let idf: [Double] = frequency.map { (1 + n / Double($0)).naturalLog() }
        for (position, local) in counts.enumerated() {
            let norm = Self.k1 * (1 - Self.b + Self.b * Double(lengths[position]) / average)
            var vector = local.map { id, count -> Double in
                let tf = Double(count)
                let idf = idf[id]
                return idf * tf * (Self.k1 + 1) / (tf + norm)
            }
            let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if length > 0 { vector = vector.map { $0 / length } }
            terms.append(local.map(\.id))
            weights.append(vector)
        }
    }

    /// Cosine similarity of two sentences' BM25 vectors, in `[0, 1]`.
    func cosine(_ i: Int, _ j: Int) -> Double {
        let wa = weights[i], wb = weights[j]
        var sum = 0.0
        forEachSharedTerm(i, j) { x, y in sum += wa[x] * wb[y] }
        return min(1, sum)
    }

    /// How many distinct terms two sentences share.
    func overlap(_ i: Int, _ j: Int) -> Int {
        var shared = 0
        forEachSharedTerm(i, j) { _, _ in shared += 1 }
        return shared
    }

    /// Walks two sentences' sorted term lists together and calls `body` with the positions of each
    /// term they share.
    @inline(__always)
    private func forEachSharedTerm(_ i: Int, _ j: Int, _ body: (Int, Int) -> Void) {
        let a = terms[i], b = terms[j]
        var x = 0, y = 0
        while x < a.count, y < b.count {
            if a[x] == b[y] {
                body(x, y)
                x += 1
                y += 1
            } else if a[x] < b[y] {
                x += 1
            } else {
                y += 1
            }
        }
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

    /// e raised to this value, without Foundation (2^k · a Taylor series on the remainder; relative error below
    /// 1e-12 for arguments of magnitude up to 700).
    func exponential() -> Double {
        guard isFinite else { return self > 0 ? .infinity : (self < 0 ? 0 : .nan) }
        let ln2 = 0.693_147_180_559_945_3
        let k = (self / ln2).rounded()
        let r = self - k * ln2  // |r| ≤ ln2 / 2
        var term = 1.0, sum = 1.0, n = 1.0
        while n < 30 {
            term *= r / n
            sum += term
            n += 1
        }
        return sum * Double(sign: .plus, exponent: Int(max(-1070, min(1020, k))), significand: 1)
    }

    /// This (positive) value raised to `exponent`.
    func power(_ exponent: Double) -> Double {
        (exponent * naturalLog()).exponential()
    }
}
