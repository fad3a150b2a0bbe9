import PrecisEngine

/// Small invented documents for the tests.
enum Fixtures {
    /// A short fictional news story with a title, subtitle, byline and boilerplate.
    static let article = """
        River festival returns to Almora after five years

        Organisers expect the biggest crowds since the old bridge reopened

        By Jonas Petrov

        Advertisement

        The river festival in Almora will return on Saturday after a five-year pause, Mayor Maria Lopez announced \
        yesterday. The event drew 12,000 visitors in 2019. Dr. Ivan E. Sorel of the Almora Heritage Trust said \
        boats would again race past the old mill.

        "We have waited a long time for this weekend," Lopez told reporters. The city has set aside $2.5m for \
        the festival, and ticket prices will rise by 8% this year.

        Share this article

        Organisers said the boat race will start at the old mill and finish near the bridge. Lopez said the \
        festival would run until November 30, 2026. Details are at https://almora.example.org/festival.
        """

    static let engine = Engine()

    static func parse(_ text: String) -> ParsedDocument { engine.parse(text) }

    /// The text of `span` in `text`.
    static func slice(_ text: String, _ span: TextSpan) -> String {
        String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self)
    }

    /// Whether a span lies on Unicode scalar boundaries of `text`.
    static func onScalarBoundaries(_ bytes: [UInt8], _ span: TextSpan) -> Bool {
        func boundary(_ offset: Int) -> Bool { offset == bytes.count || bytes[offset] & 0xC0 != 0x80 }
        return span.start >= 0 && span.start <= span.end && span.end <= bytes.count && boundary(span.start)
            && boundary(span.end)
    }

    /// Whether a string has no whitespace at either end.
    static func isTrimmed(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first, let last = string.unicodeScalars.last else { return false }
        return !first.properties.isWhitespace && !last.properties.isWhitespace
    }

    /// Every problem with the spans of `document`: off scalar boundaries, untrimmed, out of order, or sentences
    /// outside their paragraph.
    static func spanProblems(_ document: ParsedDocument) -> [String] {
        let bytes = Array(document.text.utf8)
        var problems: [String] = []
        let all = document.paragraphs.map(\.span) + document.sentences.map(\.span) + document.tokens.map(\.span)
        for span in all {
            if !onScalarBoundaries(bytes, span) {
                problems.append("off boundary \(span)")
            } else if !isTrimmed(slice(document.text, span)) {
                problems.append("untrimmed \(span): \(slice(document.text, span).debugDescription)")
            }
        }
        for (index, sentence) in document.sentences.enumerated() {
            let paragraph = document.paragraphs[sentence.paragraph].span
            if sentence.span.start < paragraph.start || sentence.span.end > paragraph.end {
                problems.append("sentence \(index) outside paragraph")
            }
            let tokens = document.tokens[sentence.firstToken..<(sentence.firstToken + sentence.tokenCount)]
            if tokens.first?.span.start != sentence.span.start || tokens.last?.span.end != sentence.span.end {
                problems.append("sentence \(index) does not match its tokens")
            }
        }
        for pair in zip(document.tokens, document.tokens.dropFirst()) where pair.0.span.end > pair.1.span.start {
            problems.append("tokens overlap at \(pair.1.span.start)")
        }
        return problems
    }

    /// The texts of the document's tokens.
    static func tokenTexts(_ document: ParsedDocument) -> [String] {
        document.tokens.map { slice(document.text, $0.span) }
    }

    /// The texts of the document's sentences.
    static func sentenceTexts(_ document: ParsedDocument) -> [String] {
        document.sentences.map { slice(document.text, $0.span) }
    }
}
