/// What a token is.
public enum TokenKind: Sendable, Hashable {
    /// Letters, digits and marks, with inner apostrophes and hyphens (`don't`, `al-Hayya`).
    case word
    /// A number as written (`1,000.5`), or an ordinal written with digits (`21st`).
    case number
    /// Punctuation, including quotes, dashes and ellipses.
    case punctuation
    /// A symbol such as `$`, `%` or `+`.
    case symbol
    /// A URL starting with a scheme or `www.`.
    case url
    /// An e-mail address.
    case email
    /// An `@handle`.
    case handle
    /// A `#hashtag`.
    case hashtag
    /// An emoji, including modifier, ZWJ and flag sequences.
    case emoji
    /// An abbreviation with its period (`Dr.`, `U.S.`, an initial such as `E.`).
    case abbreviation
    /// Anything else (control characters, stray combining marks, private-use scalars).
    case other
}

/// One token of the document.
public struct Token: Sendable, Hashable {
    /// Where the token is.
    public var span: TextSpan
    /// What the token is.
    public var kind: TokenKind

    /// Creates a token.
    public init(span: TextSpan, kind: TokenKind) {
        self.span = span
        self.kind = kind
    }
}
