/// One list marker: the value of its enumerator and how it is written.
struct ListMarker: Equatable {
    /// The number, or the letter's scalar value.
    var value: Int
    var isLetter: Bool
    /// The punctuation after the enumerator: `.`, `)` or `.)`.
    var suffix: UInt8
}

extension SentenceSplitter {
    /// Bullet characters that start list items (`•`, `‣`, `⁃`, `◦`, `▪`, `●`).
    func isBullet(_ token: Token) -> Bool {
        guard token.kind == .punctuation || token.kind == .symbol, token.span.count == 3 else { return false }
        switch text.scalar(at: token.span.start).scalar.value {
        case 0x2022, 0x2023, 0x2043, 0x25E6, 0x25AA, 0x25CF: return true
        default: return false
        }
    }

    /// Skips a list marker (bullet and/or enumerator) at the start of a sentence, recording it in `list`; returns
    /// the index of the first token after it.
    func skipMarker(_ tokens: [Token], at index: Int, end: Int, list: inout ListMarker?) -> Int {
        list = nil
        guard index < end else { return index }
        var position = index
        if isBullet(tokens[position]) { position += 1 }
        if let (marker, after) = enumerator(tokens, at: position, end: end) {
            list = marker
            return after
        }
        return position
    }

    /// Whether an enumerator continuing `list` (`2.` after `1.`) starts at `index`.
    func isNextMarker(_ tokens: [Token], at index: Int, end: Int, after list: ListMarker?) -> Bool {
        guard var expected = list, let (marker, _) = enumerator(tokens, at: index, end: end) else { return false }
        expected.value += 1
        return marker == expected
    }

    /// An enumerator at `index` (`12.`, `3)`, `4.)`, `b.`, `c)`) followed by whitespace, and the index after it.
    private func enumerator(_ tokens: [Token], at index: Int, end: Int) -> (ListMarker, Int)? {
        guard index + 2 < end else { return nil }
        let token = tokens[index]
        let bytes = text.bytes
        let value: Int
        let isLetter: Bool
        switch token.kind {
        case .number:
            guard token.span.count <= 3 else { return nil }
            var number = 0
            for offset in token.span.start..<token.span.end {
                guard isASCIIDigit(bytes[offset]) else { return nil }
                number = number * 10 + Int(bytes[offset] - 0x30)
            }
            value = number
            isLetter = false
        case .word:
            guard token.span.count == 1, bytes[token.span.start] >= 0x61, bytes[token.span.start] <= 0x7A else {
                return nil
            }
            value = Int(bytes[token.span.start])
            isLetter = true
        default:
            return nil
        }
        var position = index + 1
        var suffix: UInt8 = 0
        if position < end, isAttached(tokens, at: position, byte: UInt8(ascii: ".")) {
            suffix = UInt8(ascii: ".")
            position += 1
        }
        if position < end, isAttached(tokens, at: position, byte: UInt8(ascii: ")")) {
            suffix = suffix == 0 ? UInt8(ascii: ")") : UInt8(ascii: "]")  // `]` stands for `.)`
            position += 1
        }
        guard suffix != 0, position < end, spaced(tokens, before: position) else { return nil }
        return (ListMarker(value: value, isLetter: isLetter, suffix: suffix), position)
    }

    /// Whether `tokens[index]` is the one-byte punctuation `byte` written right after the token before it.
    private func isAttached(_ tokens: [Token], at index: Int, byte: UInt8) -> Bool {
        let token = tokens[index]
        return token.span.count == 1 && text.bytes[token.span.start] == byte && !spaced(tokens, before: index)
    }
}
