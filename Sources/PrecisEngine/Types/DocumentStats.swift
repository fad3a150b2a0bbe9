/// Counts over the whole document.
public struct DocumentStats: Sendable, Hashable {
    /// Unicode scalars in the text.
    public var characters: Int
    /// Word-like tokens: words, numbers, abbreviations, URLs, e-mails, handles and hashtags.
    public var words: Int
    /// Sentences in all paragraphs.
    public var sentences: Int
    /// Blocks of every kind.
    public var paragraphs: Int
    /// Seconds to read `words` at 230 words a minute, rounded up; 0 for an empty document.
    public var readingTimeSeconds: Int

    /// Creates document statistics.
    public init(characters: Int, words: Int, sentences: Int, paragraphs: Int, readingTimeSeconds: Int) {
        self.characters = characters
        self.words = words
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.readingTimeSeconds = readingTimeSeconds
    }
}

/// The language the document is written in.
public struct DetectedLanguage: Sendable, Hashable {
    /// An ISO 639-1 code such as `"en"`, or `"und"` when undetermined.
    public var code: String
    /// How sure the detector is of `code`, in `[0, 1]`.
    public var confidence: Double

    /// Creates a detected language.
    public init(code: String, confidence: Double) {
        self.code = code
        self.confidence = confidence
    }
}
