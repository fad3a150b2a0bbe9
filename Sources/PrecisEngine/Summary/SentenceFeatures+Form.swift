extension SentenceFeatures {
    /// Surface form of one sentence, read from at most ``TermVectors/maxTokens`` of its tokens.
    struct Form {
        /// Capitalised words after the first word (names, places: a proxy for entity density).
        var capitalized = 0.0
        /// Number tokens.
        var numbers = 0.0
        var quote = false
        var question = false
        /// Whether it ends in `.`, `!`, `?`, `…`, `。`, `！`, `？` (possibly before a closing quote or bracket);
        /// captions do not.
        var finalPunctuation = false
        /// Whether it has an attribution verb ("said", "says", "told", "according").
        var said = false
        var parenthesis = false
        var colon = false
    }

    static let attributionWords: [[UInt8]] = ["said", "says", "told", "according"].map { Array($0.utf8) }
    /// `…`, `。`, `！`, `？`, `．`: sentence ends that are not ASCII.
    static let wideTerminals: [[UInt8]] = ["…", "。", "！", "？", "．"].map { Array($0.utf8) }
    static let quoteMarks: [[UInt8]] = ["\"", "“", "”", "„", "«", "»"].map { Array($0.utf8) }

    /// Whether the bytes of `span` are `word`, ASCII case-insensitively (no allocation).
    static func matches(_ text: ByteText, _ span: TextSpan, _ word: [UInt8]) -> Bool {
        guard span.count == word.count else { return false }
        for offset in 0..<word.count {
            let byte = text.bytes[span.start + offset]
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if lower != word[offset] { return false }
        }
        return true
    }

    static func form(of sentence: Sentence, text: ByteText, tokens: [Token]) -> Form {
        var form = Form()
        let end = sentence.firstToken + min(sentence.tokenCount, TermVectors.maxTokens)
        var firstWord = true
        for index in sentence.firstToken..<end {
            let token = tokens[index]
            switch token.kind {
            case .number:
                form.numbers += 1
            case .punctuation:
                let byte = text.bytes[token.span.start]
                if token.span.count == 1 {
                    if byte == UInt8(ascii: "\"") { form.quote = true }
                    if byte == UInt8(ascii: "(") { form.parenthesis = true }
                    if byte == UInt8(ascii: ":") { form.colon = true }
                } else if byte >= 0x80, quoteMarks.contains(where: { matches(text, token.span, $0) }) {
                    form.quote = true
                }
            default:
                guard token.kind.isWordLike else { break }
                if !firstWord, text.isUppercase(at: token.span.start) { form.capitalized += 1 }
                if !form.said, token.span.count >= 4, token.span.count <= 9,
                    attributionWords.contains(where: { matches(text, token.span, $0) })
                {
                    form.said = true
                }
                firstWord = false
            }
        }
        let last = sentence.firstToken + sentence.tokenCount - 1
        for index in stride(from: last, through: max(sentence.firstToken, last - 2), by: -1) {
            let token = tokens[index]
            guard token.kind == .punctuation else { break }
            let bytes = text.bytes[token.span.start..<token.span.end]
            if bytes.contains(UInt8(ascii: "?")) { form.question = true }
            let wide = bytes.count == 3 && wideTerminals.contains { bytes.elementsEqual($0) }
            if wide || bytes.contains(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) {
                form.finalPunctuation = true
                break
            }
        }
        return form
    }
}
