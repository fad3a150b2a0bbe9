/// The Precis text engine: parses documents, summarizes them and extracts what they mention.
///
/// The engine is a value with no shared state; every method is safe to call from any thread.
public struct Engine: Sendable {
    /// Tunable limits.
    public struct Configuration: Sendable, Hashable {
        /// The summarizer considers at most this many body sentences, from the start of the document (at least 1).
        public var maxSummaryCandidates: Int

        /// Creates a configuration.
        public init(maxSummaryCandidates: Int = 400) {
            self.maxSummaryCandidates = maxSummaryCandidates
        }

        /// The default configuration.
        public static var defaults: Self { Self() }
    }

    /// The engine's version.
    public static let version = "0.1.0"

    /// The configuration in use.
    public var configuration: Configuration

    /// Creates an engine.
    public init(configuration: Configuration = .defaults) {
        self.configuration = configuration
    }

    /// Splits `text` into blocks, sentences and tokens and finds its structure fields.
    public func parse(_ text: String) -> ParsedDocument {
        DocumentParser().parse(text)
    }

    /// Chooses sentences of `document` that summarize it.
    ///
    /// - Throws: ``EngineError`` when a length is 0 or negative, or a ratio is outside `(0, 1]`.
    public func summarize(_ document: ParsedDocument, options: SummaryOptions = SummaryOptions()) throws(EngineError)
        -> Summary
    {
        try Summarizer(maxCandidates: configuration.maxSummaryCandidates).summarize(document, options: options)
    }

    /// Finds entities, dates, quantities, quotes, keyphrases and links in `document`.
    public func extract(_ document: ParsedDocument, options: ExtractOptions = ExtractOptions()) -> Extraction {
        Extractor().extract(document, options: options)
    }
}
