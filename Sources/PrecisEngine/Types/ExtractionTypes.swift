/// What ``Engine/extract(_:options:)`` can find.
public enum ExtractKind: Sendable, Hashable, CaseIterable {
    case entities, dates, quantities, quotes, keyphrases, links
}

/// Options for ``Engine/extract(_:options:)``.
public struct ExtractOptions: Sendable, Hashable {
    /// What to extract; empty means everything.
    public var kinds: Set<ExtractKind>
    /// The date relative expressions ("yesterday") resolve against; `nil` means the date the document states
    /// (its published line or dateline), else today (UTC).
    public var referenceDate: CalendarDate?
    /// How many keyphrases at most; 0 or less returns none.
    public var maxKeyphrases: Int

    /// Creates extraction options.
    public init(kinds: Set<ExtractKind> = [], referenceDate: CalendarDate? = nil, maxKeyphrases: Int = 10) {
        self.kinds = kinds
        self.referenceDate = referenceDate
        self.maxKeyphrases = maxKeyphrases
    }
}

/// Everything found in a document. Kinds that were not asked for are empty.
public struct Extraction: Sendable {
    /// Named entities, most salient first.
    public var entities: [Entity]
    /// Dates in document order.
    public var dates: [DateMention]
    /// Numbers, money, percentages, ordinals, measures and counts in document order.
    public var quantities: [Quantity]
    /// Quotations in document order.
    public var quotes: [Quote]
    /// Key phrases, best first.
    public var keyphrases: [Keyphrase]
    /// URLs, e-mail addresses, handles and hashtags in document order.
    public var links: [Link]
    /// The date relative dates were resolved against.
    public var referenceDate: CalendarDate

    /// Creates an extraction.
    public init(
        entities: [Entity] = [],
        dates: [DateMention] = [],
        quantities: [Quantity] = [],
        quotes: [Quote] = [],
        keyphrases: [Keyphrase] = [],
        links: [Link] = [],
        referenceDate: CalendarDate
    ) {
        self.entities = entities
        self.dates = dates
        self.quantities = quantities
        self.quotes = quotes
        self.keyphrases = keyphrases
        self.links = links
        self.referenceDate = referenceDate
    }
}

/// An error for options the engine cannot honour, or work that an ``Interrupt`` stopped.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public var message: String
    /// Why the work was stopped before it finished; `nil` when the input or the options were at fault.
    public var interruption: InterruptReason?

    /// Creates an engine error.
    public init(message: String) {
        self.message = message
    }

    /// Creates the error for work stopped by an interrupt.
    public init(interruption: InterruptReason) {
        self.message = "engine work stopped: \(interruption)"
        self.interruption = interruption
    }

    public var description: String { "EngineError: \(message)" }
}
