/// What every extractor reads: the document, its bytes and token helpers.
struct ExtractionContext {
    let document: ParsedDocument
    let text: ByteText
    /// Stops the extractors early (a deadline, a cancel): they check it every ``Interrupt/stride`` tokens.
    let interrupt: Interrupt

    init(_ document: ParsedDocument, interrupt: Interrupt = .none) {
        self.document = document
        self.text = ByteText(document.text)
        self.interrupt = interrupt
    }

    var tokens: [Token] { document.tokens }

    /// Token index ranges of the sentences of paragraphs whose kind passes `include`, in order.
    func sentenceRanges(_ include: (ParagraphKind) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for paragraph in document.paragraphs where include(paragraph.kind) {
            for index in paragraph.firstSentence..<(paragraph.firstSentence + paragraph.sentenceCount) {
                let sentence = document.sentences[index]
                ranges.append(sentence.firstToken..<(sentence.firstToken + sentence.tokenCount))
            }
        }
        return ranges
    }

    /// Paragraphs whose text extractors read: everything but boilerplate.
    static func isContent(_ kind: ParagraphKind) -> Bool { kind != .boilerplate }

    func string(_ index: Int) -> String { text.string(tokens[index].span) }

    func lowercased(_ index: Int) -> String { text.lowercased(tokens[index].span) }

    /// Whether token `index` is a word whose first letter is uppercase.
    func isCapitalised(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .word && text.isUppercase(at: token.span.start)
    }

    /// Whether tokens `a` and `b` (`a < b`) are separated only by whitespace, within one sentence.
    func spaced(_ a: Int, _ b: Int) -> Bool { b == a + 1 && tokens[b].span.start > tokens[a].span.end }

    /// Whether token `b` starts exactly where token `a` ends.
    func touching(_ a: Int, _ b: Int) -> Bool { tokens[b].span.start == tokens[a].span.end }

    /// Whether token `index` is punctuation whose text is `ascii`.
    func isPunctuation(_ index: Int, _ ascii: Unicode.Scalar) -> Bool {
        let token = tokens[index]
        return token.kind == .punctuation && token.span.count == 1 && text.bytes[token.span.start] == UInt8(ascii.value)
    }

    /// The lowercased word with a trailing period or possessive removed (`Nov.` → `nov`, `Company's` → `company`).
    func bareWord(_ index: Int) -> String {
        let token = tokens[index]
        var end = token.span.end
        if token.kind == .abbreviation {
            end -= 1
        } else if isPossessive(index) {
            end = text.bytes[end - 2] == UInt8(ascii: "'") ? end - 2 : end - 4
        }
        return text.lowercased(token.span.start..<end)
    }

    /// The index of the first token that starts at or after `offset`.
    func firstToken(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].span.start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The value of a token of ASCII digits (no separators), or `nil`.
    func integer(_ index: Int) -> Int? {
        let token = tokens[index]
        guard token.kind == .number, token.span.count <= 9 else { return nil }
        var value = 0
        for position in token.span.start..<token.span.end {
            let byte = text.bytes[position]
            guard isASCIIDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
