extension SentenceSplitter {
    /// What a token can do at the end of a sentence.
    enum Terminal { case none, period, strong, ellipsis, abbreviation, time, numbered, cjk }

    /// The terminal kind of `tokens[index]`; `range` bounds the look-around for bracketed ellipses.
    func terminalKind(_ tokens: [Token], at index: Int, range: Range<Int>) -> Terminal {
        let token = tokens[index]
        let start = token.span.start
        switch token.kind {
        case .punctuation:
            switch text.scalar(at: start).scalar.value {
            case 0x2E:
                if token.span.count == 1 { return .period }
                return isBracketed(tokens, at: index, range: range) ? .none : .ellipsis
            case 0x2026: return isBracketed(tokens, at: index, range: range) ? .none : .ellipsis
            case 0x21, 0x3F, 0x203C, 0x2047, 0x2048, 0x2049: return .strong
            case 0x3002, 0xFF01, 0xFF1F, 0xFF61: return .cjk
            default: return .none
            }
        case .abbreviation:
            let word = text.string(start..<(token.span.end - 1))
            if word == "No" || word == "Nos" { return .numbered }
            if Lexicon.titleAbbreviations.contains(word) { return .none }
            if Lexicon.timeAbbreviations.contains(word) || Lexicon.monthAbbreviations.contains(word) { return .time }
            return .abbreviation
        default:
            return .none
        }
    }

    /// Whether an ellipsis sits inside brackets with nothing else (`[...]`, `(…)`): an omission mark.
    private func isBracketed(_ tokens: [Token], at index: Int, range: Range<Int>) -> Bool {
        guard index > range.lowerBound, index + 1 < range.upperBound, !spaced(tokens, before: index),
            !spaced(tokens, before: index + 1), tokens[index - 1].kind == .punctuation,
            tokens[index + 1].kind == .punctuation
        else { return false }
        let open = text.bytes[tokens[index - 1].span.start]
        let close = text.bytes[tokens[index + 1].span.start]
        return (open == UInt8(ascii: "[") && close == UInt8(ascii: "]"))
            || (open == UInt8(ascii: "(") && close == UInt8(ascii: ")"))
    }

    /// The index of the last period in a run of single periods each one space apart (`. . .`) that starts at
    /// `index`, when the run holds at least three periods.
    func spacedDotsEnd(_ tokens: [Token], from index: Int, end: Int) -> Int? {
        var last = index
        while last + 1 < end, tokens[last + 1].span.start == tokens[last].span.end + 1,
            text.bytes[tokens[last].span.end] == 0x20, isSinglePeriod(tokens[last + 1])
        {
            last += 1
        }
        return last - index >= 2 ? last : nil
    }

    @inline(__always)
    private func isSinglePeriod(_ token: Token) -> Bool {
        token.kind == .punctuation && token.span.count == 1 && text.bytes[token.span.start] == 0x2E
    }

    /// Closing quotes and brackets that stay with the sentence before them.
    func isClosing(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        switch text.scalar(at: token.span.start).scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x201D, 0x2019, 0xBB, 0x300D, 0x300F, 0xFF09: return true
        default: return false
        }
    }

    /// Whether `token` can begin a sentence after a period: a capital, a digit, an opening quote or bracket, a
    /// bullet, or a letter of a caseless script.
    func startsSentence(_ token: Token) -> Bool {
        let (scalar, _) = text.scalar(at: token.span.start)
        switch token.kind {
        case .punctuation, .symbol:
            switch scalar.value {
            case 0x22, 0x27, 0x28, 0x5B, 0x201C, 0x2018, 0xAB, 0xBF, 0xA1, 0x300C, 0x300E, 0xFF08: return true
            default: return isBullet(token)
            }
        case .number: return true
        case .word, .abbreviation, .handle, .hashtag:
            let properties = scalar.properties
            if properties.isUppercase || properties.generalCategory == .titlecaseLetter { return true }
            return !properties.isLowercase && properties.isAlphabetic && !properties.changesWhenUppercased
        default: return false
        }
    }

    /// A capitalised function word (`The`, `He`, `How`), alone or contracted (`It's`, `Who's`), which after an
    /// abbreviation signals a new sentence.
    func startsWithCapitalisedFunctionWord(_ token: Token) -> Bool {
        guard token.kind == .word, text.isUppercase(at: token.span.start), token.span.count <= 12 else { return false }
        var end = token.span.start + 1
        while end < token.span.end, text.bytes[end] != UInt8(ascii: "'"), text.bytes[end] != 0xE2 { end += 1 }
        return Lexicon.functionWords.contains(text.lowercased(token.span.start..<end))
    }

    /// A title abbreviation such as `Mr.`, which begins a name and so a likely new sentence after an abbreviation.
    func isTitle(_ token: Token) -> Bool {
        guard token.kind == .abbreviation, token.span.count <= 6 else { return false }
        return Lexicon.titleAbbreviations.contains(text.string(token.span.start..<(token.span.end - 1)))
    }

    /// Whether a word of two or more letters is written in capitals only (`GMT`, `BST`).
    func isAllCapitals(_ token: Token) -> Bool {
        guard token.span.count >= 2, token.span.count <= 5 else { return false }
        for offset in token.span.start..<token.span.end where !text.isUppercase(at: offset) { return false }
        return true
    }

    /// Whether the period at `index` follows a word that introduces a number (`p.`, `No.`, `fig.`, `N°.`).
    func introducesNumber(_ tokens: [Token], before index: Int) -> Bool {
        guard !spaced(tokens, before: index) else { return false }
        var word = tokens[index - 1]
        if word.kind == .symbol, word.span.count == 2, text.scalar(at: word.span.start).scalar.value == 0xB0,
            index >= 2, !spaced(tokens, before: index - 1)
        {
            word = tokens[index - 2]
            return word.span.count == 1 && text.bytes[word.span.start] | 0x20 == UInt8(ascii: "n")
        }
        guard word.kind == .word, word.span.count <= 5 else { return false }
        return Lexicon.numberAbbreviations.contains(text.lowercased(word.span))
    }
}
