/// The type of a named entity.
public enum EntityLabel: Sendable, Hashable {
    case person, org, loc
    /// Nationalities, religious and political groups.
    case norp
    case event, product
    /// Works of art, books, laws.
    case work
    case misc
}

/// One place an entity is named.
public struct Mention: Sendable, Hashable {
    /// Where the name is.
    public var span: TextSpan
    /// The name as written.
    public var text: String

    /// Creates a mention.
    public init(span: TextSpan, text: String) {
        self.span = span
        self.text = text
    }
}

/// A named entity and every place it is mentioned.
public struct Entity: Sendable, Hashable {
    /// The entity's type.
    public var label: EntityLabel
    /// The canonical (longest) name.
    public var name: String
    /// The mentions in document order.
    public var mentions: [Mention]
    /// How central the entity is, in `[0, 1]`.
    public var salience: Double

    /// Creates an entity.
    public init(label: EntityLabel, name: String, mentions: [Mention], salience: Double) {
        self.label = label
        self.name = name
        self.mentions = mentions
        self.salience = salience
    }
}

/// A quotation and who said it.
public struct Quote: Sendable, Hashable {
    /// The quoted words, without the quotation marks.
    public var span: TextSpan
    /// The text of `span`.
    public var text: String
    /// Who said it, as written near the quote; empty when unknown.
    public var speaker: String
    /// Where the speaker is named.
    public var speakerSpan: TextSpan?
    /// The index in ``Extraction/entities`` of the speaker, when resolved.
    public var speakerEntity: Int?

    /// Creates a quote.
    public init(
        span: TextSpan,
        text: String,
        speaker: String = "",
        speakerSpan: TextSpan? = nil,
        speakerEntity: Int? = nil
    ) {
        self.span = span
        self.text = text
        self.speaker = speaker
        self.speakerSpan = speakerSpan
        self.speakerEntity = speakerEntity
    }
}
