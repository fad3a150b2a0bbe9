/// Splits a paragraph's tokens into sentences.
///
/// v0 rule: a sentence ends at `.`, `!`, `?` or an ellipsis (plus any closing quotes or brackets right after it)
/// when whitespace and then an uppercase letter, a digit, an opening quote or bracket, or a letter of a caseless
/// script follows. Title abbreviations (`Dr.`, `Mr.`) never end a sentence; other abbreviations and initials
/// (`U.S.`, `E.`) end one only before a capitalised function word (`The`, `He` …). CJK full stops always end one.
struct SentenceSplitter {
    let text: ByteText

    /// Appends the sentences of `tokens[range]`, which belong to paragraph `paragraph`.
    func split(_ tokens: [Token], range: Range<Int>, paragraph: Int, into sentences: inout [Sentence]) {
        guard !range.isEmpty else { return }
        var first = range.lowerBound
        var index = range.lowerBound
        func emit(through last: Int) {
            let span = TextSpan(start: tokens[first].span.start, end: tokens[last].span.end)
            sentences.append(
                Sentence(span: span, paragraph: paragraph, firstToken: first, tokenCount: last - first + 1)
            )
            first = last + 1
        }
        while index < range.upperBound {
            let terminal = terminalKind(tokens[index])
            guard terminal != .none else {
                index += 1
                continue
            }
            var last = index
            while last + 1 < range.upperBound, tokens[last + 1].span.start == tokens[last].span.end,
                terminalKind(tokens[last + 1]) == .strong || isClosing(tokens[last + 1])
            {
                last += 1
            }
            guard last + 1 < range.upperBound else { break }
            let next = tokens[last + 1]
            let spaced = next.span.start > tokens[last].span.end
            let ends: Bool
            switch terminal {
            case .cjk: ends = true
            case .strong: ends = spaced && startsSentence(next)
            case .abbreviation: ends = spaced && startsWithCapitalisedFunctionWord(next)
            case .none: ends = false
            }
            if ends { emit(through: last) }
            index = last + 1
        }
        if first < range.upperBound { emit(through: range.upperBound - 1) }
    }

    private enum Terminal { case none, strong, abbreviation, cjk }

    private func terminalKind(_ token: Token) -> Terminal {
        let start = token.span.start
        switch token.kind {
        case .punctuation:
            switch text.scalar(at: start).scalar.value {
            case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049: return .strong
            case 0x3002, 0xFF01, 0xFF1F, 0xFF61: return .cjk
            default: return .none
            }
        case .abbreviation:
            let word = text.string(start..<(token.span.end - 1))
            return Lexicon.titleAbbreviations.contains(word) ? .none : .abbreviation
        default:
            return .none
        }
    }

    private func isClosing(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        switch text.scalar(at: token.span.start).scalar.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x201D, 0x2019, 0xBB, 0x300D, 0x300F, 0xFF09: return true
        default: return false
        }
    }

    private func startsSentence(_ token: Token) -> Bool {
        let start = token.span.start
        let (scalar, _) = text.scalar(at: start)
        switch token.kind {
        case .punctuation:
            switch scalar.value {
            case 0x22, 0x27, 0x28, 0x5B, 0x201C, 0x2018, 0xAB, 0xBF, 0xA1, 0x300C, 0x300E, 0xFF08: return true
            default: return false
            }
        case .number: return true
        case .word, .abbreviation:
            let properties = scalar.properties
            if properties.isUppercase || properties.generalCategory == .titlecaseLetter { return true }
            return !properties.isLowercase && properties.isAlphabetic && !properties.changesWhenUppercased
        default: return false
        }
    }

    private func startsWithCapitalisedFunctionWord(_ token: Token) -> Bool {
        guard token.kind == .word, text.isUppercase(at: token.span.start), token.span.count <= 10 else { return false }
        return Lexicon.functionWords.contains(text.lowercased(token.span))
    }
}
