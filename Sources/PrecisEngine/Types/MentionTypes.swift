/// What a quantity measures.
public enum QuantityKind: Sendable, Hashable {
    case number, money, percent, ordinal, measure, count
}

/// A number in the document, with what it counts or measures.
public struct Quantity: Sendable, Hashable {
    /// Where the quantity is, including its unit.
    public var span: TextSpan
    /// The quantity as written.
    public var text: String
    /// What it is.
    public var kind: QuantityKind
    /// Its value (`$1.5bn` is 1.5e9, `12%` is 12).
    public var value: Double
    /// A currency code for money (`USD`), a unit for measures (`km`), the thing counted for counts.
    public var unit: String
    /// Where the unit is written.
    public var unitSpan: TextSpan?

    /// Creates a quantity.
    public init(
        span: TextSpan,
        text: String,
        kind: QuantityKind,
        value: Double,
        unit: String = "",
        unitSpan: TextSpan? = nil
    ) {
        self.span = span
        self.text = text
        self.kind = kind
        self.value = value
        self.unit = unit
        self.unitSpan = unitSpan
    }
}

/// A phrase that says what the document is about.
public struct Keyphrase: Sendable, Hashable {
    /// The phrase.
    public var text: String
    /// Its score relative to the best phrase, in `(0, 1]`.
    public var score: Double
    /// Every place it occurs.
    public var spans: [TextSpan]

    /// Creates a keyphrase.
    public init(text: String, score: Double, spans: [TextSpan]) {
        self.text = text
        self.score = score
        self.spans = spans
    }
}

/// What a link points at.
public enum LinkKind: Sendable, Hashable {
    case url, email, handle, hashtag
}

/// A URL, e-mail address, handle or hashtag.
public struct Link: Sendable, Hashable {
    /// Where the link is.
    public var span: TextSpan
    /// What it is.
    public var kind: LinkKind
    /// The link as written; a URL written from `www.` gets an `https://` scheme.
    public var target: String

    /// Creates a link.
    public init(span: TextSpan, kind: LinkKind, target: String) {
        self.span = span
        self.kind = kind
        self.target = target
    }
}
