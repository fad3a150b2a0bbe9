/// A document split into blocks, sentences and tokens, with its structure fields.
///
/// Every span indexes the UTF-8 bytes of ``text``.
public struct ParsedDocument: Sendable {
    /// The text exactly as given; for HTML input, the text extracted from the page (header lines, then the
    /// article's blocks, separated by blank lines).
    public var text: String
    /// The format the text was read as (never ``DocumentFormat/auto``).
    public var format: DocumentFormat = .text
    /// For HTML input, what the page said about its article.
    public var page: PageInfo?
    /// The headline.
    public var title: Located?
    /// The standfirst or deck under the headline.
    public var subtitle: Located?
    /// The author line.
    public var byline: Located?
    /// The section or kicker.
    public var section: Located?
    /// The place line opening the story.
    public var dateline: Located?
    /// The publication date line.
    public var published: Located?
    /// Picture captions.
    public var captions: [Caption]
    /// Every block in order, each with its kind.
    public var paragraphs: [Paragraph]
    /// The sentences of every paragraph, in order.
    public var sentences: [Sentence]
    /// The tokens of every sentence, in order.
    public var tokens: [Token]
    /// Counts over the document.
    public var stats: DocumentStats
    /// The detected language.
    public var language: DetectedLanguage

    /// Creates a parsed document.
    public init(
        text: String,
        title: Located? = nil,
        subtitle: Located? = nil,
        byline: Located? = nil,
        section: Located? = nil,
        dateline: Located? = nil,
        published: Located? = nil,
        captions: [Caption] = [],
        paragraphs: [Paragraph],
        sentences: [Sentence],
        tokens: [Token],
        stats: DocumentStats,
        language: DetectedLanguage
    ) {
        self.text = text
        self.title = title
        self.subtitle = subtitle
        self.byline = byline
        self.section = section
        self.dateline = dateline
        self.published = published
        self.captions = captions
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.tokens = tokens
        self.stats = stats
        self.language = language
    }

    /// Indices of the body paragraphs: kinds body, heading, list item and block quote.
    public var bodyParagraphIndices: [Int] {
        paragraphs.indices.filter { paragraphs[$0].kind.isBody }
    }
}
