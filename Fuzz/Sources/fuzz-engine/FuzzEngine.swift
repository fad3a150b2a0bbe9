import FuzzSupport
import PrecisEngine

/// Any valid UTF-8 through parse (format auto: input that looks like HTML goes through the HTML
/// extractor), summarize and extract: no crash, no hang, and every span on scalar boundaries inside the
/// text the spans index (the extracted text for HTML).
let engine = Engine()

@main
enum FuzzEngine {
    static func main() {
        exit(runFuzzer { data, count in
            guard let text = String(validating: fuzzInput(data, count), as: UTF8.self) else { return -1 }
            let document: ParsedDocument
            do {
                document = try engine.parse(text, format: .auto)
            } catch {
                return 0  // an HTML page libxml2 cannot read at all: a clean error is a correct answer
            }
            let utf8 = Array(document.text.utf8)
            func check(_ span: TextSpan) {
                precondition(span.start >= 0 && span.start <= span.end && span.end <= utf8.count, "span out of range")
                precondition(span.start == utf8.count || utf8[span.start] & 0xC0 != 0x80, "span starts inside a scalar")
                precondition(span.end == utf8.count || utf8[span.end] & 0xC0 != 0x80, "span ends inside a scalar")
            }
            document.paragraphs.forEach { check($0.span) }
            document.page?.links.forEach { check($0.text.span) }
            document.sentences.forEach { check($0.span) }
            document.tokens.forEach { check($0.span) }
            for length in [SummaryLength.sentences(2), .words(30), .ratio(0.5)] {
                let summary = try? engine.summarize(document, options: SummaryOptions(length: length))
                summary?.sentences.forEach { check($0.span) }
            }
            let extraction = engine.extract(document, options: ExtractOptions())
            extraction.entities.forEach { $0.mentions.forEach { check($0.span) } }
            extraction.dates.forEach { check($0.span) }
            extraction.quantities.forEach { check($0.span) }
            extraction.quotes.forEach { check($0.span) }
            extraction.links.forEach { check($0.span) }
            return 0
        })
    }
}

#if canImport(Glibc)
import Glibc
#endif
