/// How long a summary is.
public enum SummaryLength: Sendable, Hashable {
    /// At most this many sentences; must be positive.
    case sentences(Int)
    /// Sentences are added while the summary has at most this many words (at least one sentence); must be positive.
    case words(Int)
    /// This fraction of the candidate sentences, rounded up; must be in `(0, 1]`.
    case ratio(Double)
}

/// Which algorithm ranks sentences.
public enum SummaryAlgorithm: Sendable, Hashable {
    /// The engine's best general algorithm.
    case `default`
    /// Graph ranking over sentence similarity.
    case textrank
    /// Graph ranking over sentence similarity with a centrality threshold.
    case lexrank
    /// The first sentences of the body.
    case lead
}

/// Options for ``Engine/summarize(_:options:)``.
public struct SummaryOptions: Sendable, Hashable {
    /// How long the summary is; three sentences by default.
    public var length: SummaryLength
    /// Which algorithm ranks the sentences.
    public var algorithm: SummaryAlgorithm

    /// Creates summary options.
    public init(length: SummaryLength = .sentences(3), algorithm: SummaryAlgorithm = .default) {
        self.length = length
        self.algorithm = algorithm
    }
}

/// One sentence chosen for a summary.
public struct SummarySentence: Sendable, Hashable {
    /// Where the sentence is.
    public var span: TextSpan
    /// Its index in ``ParsedDocument/sentences``.
    public var index: Int
    /// The score that ranked it; higher is better.
    public var score: Double
    /// The sentence text.
    public var text: String

    /// Creates a summary sentence.
    public init(span: TextSpan, index: Int, score: Double, text: String) {
        self.span = span
        self.index = index
        self.score = score
        self.text = text
    }
}

/// A summary: sentences taken from the document.
public struct Summary: Sendable {
    /// The chosen sentences, in document order.
    public var sentences: [SummarySentence]
    /// How many body sentences the summary was chosen from.
    public var candidateCount: Int
    /// The algorithm that was asked for.
    public var algorithm: SummaryAlgorithm

    /// Creates a summary.
    public init(sentences: [SummarySentence], candidateCount: Int, algorithm: SummaryAlgorithm) {
        self.sentences = sentences
        self.candidateCount = candidateCount
        self.algorithm = algorithm
    }
}

/// The default summarizer's per-sentence features, for training and inspecting its model
/// (``Engine/summaryFeatures(_:)``).
public struct SummaryFeatureTable: Sendable {
    /// Feature names, the order of every row.
    public var names: [String]
    /// The candidate sentences (indices into ``ParsedDocument/sentences``), news debris left out.
    public var sentences: [Int]
    /// One row of feature values per candidate.
    public var rows: [[Double]]

    /// Creates a feature table.
    public init(names: [String], sentences: [Int], rows: [[Double]]) {
        self.names = names
        self.sentences = sentences
        self.rows = rows
    }
}
