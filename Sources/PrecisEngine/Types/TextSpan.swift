/// A `[start, end)` range of UTF-8 byte offsets into a document's text, exactly as given.
///
/// Slicing `text.utf8` with a span always yields whole Unicode scalars.
public struct TextSpan: Sendable, Hashable {
    /// The offset of the first byte.
    public var start: Int
    /// The offset one past the last byte.
    public var end: Int

    /// Creates a span from `start` up to, not including, `end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// How many bytes the span covers.
    public var count: Int { end - start }
}

/// A piece of the document: its text (the document sliced by `span`) and where it is.
public struct Located: Sendable, Hashable {
    /// The text of the span.
    public var text: String
    /// Where the text is in the document.
    public var span: TextSpan

    /// Creates a located piece of text.
    public init(text: String, span: TextSpan) {
        self.text = text
        self.span = span
    }
}
