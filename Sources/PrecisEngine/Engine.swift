/// The Precis text engine: parses documents, summarizes them and extracts what they mention.
///
/// The engine is a value with no shared state; every method is safe to call from any thread.
public struct Engine: Sendable {
    /// Tunable limits.
    public struct Configuration: Sendable, Hashable {
        /// The summarizer considers at most this many body sentences, from the start of the document (at least 1).
        public var maxSummaryCandidates: Int

        /// HTML elements nested deeper than this are read as text of their ancestor at this depth.
        public var maxHTMLDepth: Int

        /// Creates a configuration.
        public init(maxSummaryCandidates: Int = 400, maxHTMLDepth: Int = 256) {
            self.maxSummaryCandidates = maxSummaryCandidates
            self.maxHTMLDepth = maxHTMLDepth
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
        uninterrupted { interrupt throws(EngineError) in try DocumentParser().parse(text, interrupt: interrupt) }
    }

    /// Parses `text` read as `format`. HTML is reduced to its article first (see ``PageInfo``): the result's
    /// ``ParsedDocument/text`` is then the extracted text, and every span indexes it.
    ///
    /// - Parameter interrupt: stops the work early (a deadline, a cancel); see ``Interrupt``.
    /// - Throws: ``EngineError`` when the HTML parser cannot read the page at all, or when `interrupt` stopped
    ///   the work (``EngineError/interruption`` says why).
    public func parse(_ text: String, format: DocumentFormat, interrupt: Interrupt = .none) throws(EngineError)
        -> ParsedDocument
    {
        switch format {
        case .text:
            return try DocumentParser().parse(text, interrupt: interrupt)
        case .markdown:
            var document = try DocumentParser().parse(text, interrupt: interrupt)
            document.format = .markdown
            return document
        case .html:
            let article = try HTMLArticleExtractor(maxDepth: configuration.maxHTMLDepth).extract(text)
            try interrupt.check()
            return try HTMLDocumentBuilder(article: article).build(interrupt: interrupt)
        case .auto:
            return try parse(text, format: FormatSniffer.isHTML(text) ? .html : .text, interrupt: interrupt)
        }
    }

    /// Chooses sentences of `document` that summarize it.
    ///
    /// - Parameter interrupt: stops the work early (a deadline, a cancel); see ``Interrupt``.
    /// - Throws: ``EngineError`` when a length is 0 or negative, or a ratio is outside `(0, 1]`, or when
    ///   `interrupt` stopped the work.
    public func summarize(
        _ document: ParsedDocument,
        options: SummaryOptions = SummaryOptions(),
        interrupt: Interrupt = .none
    ) throws(EngineError) -> Summary {
        try Summarizer(maxCandidates: configuration.maxSummaryCandidates)
            .summarize(document, options: options, interrupt: interrupt)
    }

    /// The default summary algorithm's per-sentence features (what its learned model scores), for training the
    /// model (`dev/train-summary.py`) and inspecting it.
    public func summaryFeatures(_ document: ParsedDocument) -> SummaryFeatureTable {
        Summarizer(maxCandidates: configuration.maxSummaryCandidates).featureTable(document)
    }

    /// The version of the default summary algorithm's learned model.
    public static var summaryModelVersion: String { SummaryModel.version }

    /// Finds entities, dates, quantities, quotes, keyphrases and links in `document`.
    public func extract(_ document: ParsedDocument, options: ExtractOptions = ExtractOptions()) -> Extraction {
        uninterrupted { interrupt throws(EngineError) in
            try Extractor().extract(document, options: options, interrupt: interrupt)
        }
    }

    /// Finds entities, dates, quantities, quotes, keyphrases and links in `document`, unless `interrupt` stops
    /// the work first.
    ///
    /// - Throws: ``EngineError`` with its ``EngineError/interruption`` set when `interrupt` stopped the work.
    public func extract(_ document: ParsedDocument, options: ExtractOptions = ExtractOptions(), interrupt: Interrupt)
        throws(EngineError) -> Extraction
    {
        try Extractor().extract(document, options: options, interrupt: interrupt)
    }
}
