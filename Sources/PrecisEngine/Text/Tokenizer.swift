/// Splits text into tokens by scanning UTF-8 bytes once, left to right.
///
/// Rules:
/// - Words are runs of letters, digits and marks with inner apostrophes and hyphens (`don't`, `Israel's`,
///   `al-Hayya`, `F-15`); a dotted acronym joined by a hyphen is one word (`U.S.-backed`).
/// - Numbers are kept as written, with thousands separators and decimals (`1,000.5`), and ordinals (`21st`) are
///   numbers too, and so are digits with a scale suffix (`3.5bn`, `20m`, `40k`). Signs and units are not part of
///   a number: `0.1%` is the number `0.1` and the symbol `%`, `$3.5bn` the symbol `$` and the number `3.5bn`;
///   digits with a unit (`10km`) are one `.word`, which the quantity extractor reads as a number and its unit.
/// - Abbreviations keep their period: a list of known ones (`Dr.`, `Sept.`), dotted acronyms (`U.S.`, `e.g.`,
///   `a.m.`) and single capital initials (`E.`).
/// - URLs, e-mails, `@handles`, `#hashtags` and emoji sequences are single tokens.
/// - Runs of periods (`...`), of `!`/`?` (`?!`) and of hyphens (`--`) are one punctuation token; quotes, dashes
///   and `…` are punctuation.
/// - Han and kana characters are one token each; other scripts without spaces (Thai, Khmer) come out as one token
///   per run of letters. Whitespace and invisible format characters are skipped.
struct Tokenizer {
    let text: ByteText
    /// The position of the next `@` at or after the scan position (or the end), to keep e-mail checks cheap.
    var nextAtSign = -1

    init(text: ByteText) {
        self.text = text
    }

    /// Appends the tokens of `range` to `tokens`.
    mutating func tokenize(_ range: Range<Int>, into tokens: inout [Token]) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let (cls, length) = text.classAt(index)
            let next: Int
            switch cls {
            case .space, .format:
                index += length
                continue
            case .letter, .digit:
                next = wordLike(at: index, end: end, into: &tokens)
            case .ideograph:
                next = add(index, marks(after: index + length, end: end), .word, &tokens)
            case .emoji:
                next = add(index, emojiEnd(at: index, length: length, end: end), .emoji, &tokens)
            case .punctuation:
                next = punctuation(at: index, length: length, end: end, into: &tokens)
            case .symbol:
                next = symbol(at: index, length: length, end: end, into: &tokens)
            case .mark, .control, .other:
                next = add(index, marks(after: index + length, end: end), .other, &tokens)
            }
            index = next
        }
    }

    @inline(__always)
    func add(_ start: Int, _ end: Int, _ kind: TokenKind, _ tokens: inout [Token]) -> Int {
        tokens.append(Token(span: TextSpan(start: start, end: end), kind: kind))
        return end
    }

    /// The end of any combining marks starting at `index`.
    func marks(after index: Int, end: Int) -> Int {
        var position = index
        while position < end {
            let (cls, length) = text.classAt(position)
            guard cls == .mark else { break }
            position += length
        }
        return position
    }

    private func punctuation(at index: Int, length: Int, end: Int, into tokens: inout [Token]) -> Int {
        let byte = text.bytes[index]
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "-"):
            var position = index + 1
            while position < end, text.bytes[position] == byte { position += 1 }
            return add(index, position, .punctuation, &tokens)
        case UInt8(ascii: "!"), UInt8(ascii: "?"):
            var position = index + 1
            while position < end, text.bytes[position] == UInt8(ascii: "!") || text.bytes[position] == UInt8(ascii: "?")
            {
                position += 1
            }
            return add(index, position, .punctuation, &tokens)
        default:
            return add(index, marks(after: index + length, end: end), .punctuation, &tokens)
        }
    }

    private mutating func symbol(at index: Int, length: Int, end: Int, into tokens: inout [Token]) -> Int {
        let byte = text.bytes[index]
        if byte == UInt8(ascii: "@"), let handleEnd = handleEnd(at: index, end: end) {
            return add(index, handleEnd, .handle, &tokens)
        }
        if byte == UInt8(ascii: "#"), let tagEnd = hashtagEnd(at: index, end: end) {
            return add(index, tagEnd, .hashtag, &tokens)
        }
        let after = index + length
        if byte >= 0x80, after < end, text.scalar(at: after).scalar.value == 0xFE0F {
            return add(index, emojiEnd(at: index, length: length, end: end), .emoji, &tokens)
        }
        return add(index, marks(after: after, end: end), .symbol, &tokens)
    }
}
