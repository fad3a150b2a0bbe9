extension SentenceFeatures {
    /// Surface form of one sentence, read from at most ``TermVectors/maxTokens`` of its tokens.
    struct Form {
        /// Capitalised words after the first word (names, places: a proxy for entity density).
        var capitalized = 0.0
        /// Number tokens.
        var numbers = 0.0
        var quote = false
        var question = false
        /// Whether it ends in `.`, `!`, `?`, `…` or a closing quote or bracket after one (captions do not).
        var finalPunctuation = false
        /// Whether it has an attribution verb ("said", "says", "told", "according").
        var said = false
        var parenthesis = false
        var colon = false
    }

    static let attributionWords: Set<String> = ["said", "says", "told", "according"]

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
                switch text.string(token.span) {
                case "\"", "“", "”", "„", "«", "»": form.quote = true
                case "(": form.parenthesis = true
                case ":": form.colon = true
                default: break
                }
            default:
                guard token.kind.isWordLike else { break }
                if !firstWord, text.isUppercase(at: token.span.start) { form.capitalized += 1 }
                if token.span.count <= 9, attributionWords.contains(text.lowercased(token.span)) { form.said = true }
                firstWord = false
            }
        }
        let last = sentence.firstToken + sentence.tokenCount - 1
        for index in stride(from: last, through: max(sentence.firstToken, last - 2), by: -1) {
            let token = tokens[index]
            guard token.kind == .punctuation else { break }
            let mark = text.string(token.span)
            if mark.contains("?") { form.question = true }
            if mark.contains(".") || mark.contains("!") || mark.contains("?") || mark == "…" {
                form.finalPunctuation = true
                break
            }
        }
        return form
    }
}
