/// The role of a block of the document.
public enum ParagraphKind: Sendable, Hashable {
    case body, heading, listItem, blockQuote
    case title, subtitle, byline, dateline, section, published, caption, credit
    /// Navigation, advertising and sharing lines that are not part of the text.
    case boilerplate

    /// Whether blocks of this kind belong to the body of the document.
    public var isBody: Bool {
        switch self {
        case .body, .heading, .listItem, .blockQuote: true
        default: false
        }
    }
}

/// One block of the document (a paragraph, heading, list item, title line …).
public struct Paragraph: Sendable, Hashable {
    /// The role of the block.
    public var kind: ParagraphKind
    /// The block's text without surrounding whitespace or Markdown markers.
    public var span: TextSpan
    /// The index of its first sentence in ``ParsedDocument/sentences``.
    public var firstSentence: Int
    /// How many sentences it has.
    public var sentenceCount: Int
    /// The heading level (1 for `#`) when `kind` is ``ParagraphKind/heading``, 0 otherwise.
    public var level: Int

    /// Creates a paragraph.
    public init(kind: ParagraphKind, span: TextSpan, firstSentence: Int, sentenceCount: Int, level: Int = 0) {
        self.kind = kind
        self.span = span
        self.firstSentence = firstSentence
        self.sentenceCount = sentenceCount
        self.level = level
    }
}

/// One sentence; sentences never cross paragraphs.
public struct Sentence: Sendable, Hashable {
    /// From its first token to its last, without surrounding whitespace.
    public var span: TextSpan
    /// The index of the paragraph that holds it.
    public var paragraph: Int
    /// The index of its first token in ``ParsedDocument/tokens``.
    public var firstToken: Int
    /// How many tokens it has.
    public var tokenCount: Int

    /// Creates a sentence.
    public init(span: TextSpan, paragraph: Int, firstToken: Int, tokenCount: Int) {
        self.span = span
        self.paragraph = paragraph
        self.firstToken = firstToken
        self.tokenCount = tokenCount
    }
}

/// A picture caption and its credit line.
public struct Caption: Sendable, Hashable {
    /// The caption text.
    public var text: Located
    /// Who the picture is credited to, when stated.
    public var credit: Located?

    /// Creates a caption.
    public init(text: Located, credit: Located? = nil) {
        self.text = text
        self.credit = credit
    }
}
