/// A block of the document before sentences are split: its kind, span and the byte ranges holding its text
/// (Markdown markers excluded).
struct Block: Sendable {
    var kind: ParagraphKind
    var level: Int
    var span: Range<Int>
    var content: [Range<Int>]
    /// How many source lines the block spans.
    var lineCount: Int

    init(kind: ParagraphKind, level: Int = 0, content: Range<Int>) {
        self.kind = kind
        self.level = level
        self.span = content
        self.content = [content]
        self.lineCount = 1
    }

    /// Adds a line to the block.
    mutating func append(_ range: Range<Int>, separateContent: Bool) {
        if separateContent {
            content.append(range)
        } else {
            content[content.count - 1] = content[content.count - 1].lowerBound..<range.upperBound
        }
        span = span.lowerBound..<range.upperBound
        lineCount += 1
    }
}

/// One trimmed source line.
struct Line: Sendable {
    var range: Range<Int>
    /// Whether a blank line (or a paragraph separator) comes before it.
    var afterBlank: Bool
}
