/// A line that starts with a Markdown block marker: `#` heading, list item, `>` quote, a `---` rule, or a short
/// line wholly in `**strong**` emphasis (a subheading).
struct MarkdownLine {
    var kind: ParagraphKind
    var level: Int
    /// The line's text after a Markdown marker (`#`, `>`, `-`, `*`, `+`); a numbered item (`1.`, `2)`)
    /// or a typographic bullet (`•`) keeps its marker, which is part of the text a reader sees. For a
    /// rule, the whole line.
    var content: Range<Int>

    init?(text: ByteText, range: Range<Int>) {
        let bytes = text.bytes
        let start = range.lowerBound
        let end = range.upperBound
        let first = bytes[start]
        func isBlank(_ index: Int) -> Bool { index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) }
        func rest(from index: Int) -> Range<Int> { text.trimmed(index..<end) }

        if first == UInt8(ascii: "#") {
            var level = 1
            while start + level < end, bytes[start + level] == UInt8(ascii: "#") { level += 1 }
            guard level <= 6, isBlank(start + level), !rest(from: start + level).isEmpty else { return nil }
            self.init(kind: .heading, level: level, content: rest(from: start + level))
        } else if first == UInt8(ascii: ">") {
            let content = rest(from: start + 1)
            guard !content.isEmpty else { return nil }
            self.init(kind: .blockQuote, level: 0, content: content)
        } else if let inner = MarkdownLine.strongLine(text, range) {
            self.init(kind: .heading, level: MarkdownLine.strongHeadingLevel, content: inner)
        } else if MarkdownLine.isRule(bytes, range) {
            self.init(kind: .boilerplate, level: 0, content: range)
        } else if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            guard isBlank(start + 1), !rest(from: start + 1).isEmpty else { return nil }
            self.init(kind: .listItem, level: 0, content: rest(from: start + 1))
        } else if text.hasPrefix("\u{2022}", at: start, end: end) {
            guard isBlank(start + 3), !rest(from: start + 3).isEmpty else { return nil }
            self.init(kind: .listItem, level: 0, content: rest(from: start))
        } else if isASCIIDigit(first) {
            var index = start
            while index < end, index - start < 3, isASCIIDigit(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")"),
                isBlank(index + 1), !rest(from: index + 1).isEmpty
            else { return nil }
            self.init(kind: .listItem, level: 0, content: rest(from: start))
        } else {
            return nil
        }
    }

    private init(kind: ParagraphKind, level: Int, content: Range<Int>) {
        self.kind = kind
        self.level = level
        self.content = content
    }

    /// Level given to a short line set wholly in strong emphasis, which scraped Markdown uses as a subheading.
    static let strongHeadingLevel = 3

    /// The inside of a short line wholly in `**…**` or `__…__` that does not end a sentence.
    static func strongLine(_ text: ByteText, _ range: Range<Int>) -> Range<Int>? {
        let bytes = text.bytes
        guard range.count >= 5, range.count <= 120 else { return nil }
        let marker = bytes[range.lowerBound]
        guard marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_"), bytes[range.lowerBound + 1] == marker,
            bytes[range.upperBound - 1] == marker, bytes[range.upperBound - 2] == marker
        else { return nil }
        let inner = text.trimmed((range.lowerBound + 2)..<(range.upperBound - 2))
        guard !inner.isEmpty, !inner.contains(where: { bytes[$0] == marker }),
            !BlockSplitter(text: text).endsSentence(inner) || bytes[inner.upperBound - 1] == UInt8(ascii: "?")
        else { return nil }
        return inner
    }

    /// Three or more of the same `-`, `*`, `_` or `=` and nothing else but spaces.
    static func isRule(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let marker = bytes[range.lowerBound]
        guard "-*_=".utf8.contains(marker) else { return false }
        var count = 0
        for index in range {
            if bytes[index] == marker {
                count += 1
            } else if bytes[index] != 0x20 {
                return false
            }
        }
        return count >= 3
    }
}
