import Foundation
import PrecisEngine

/// Generated hostile inputs for scaling measurements: each case at any size, deterministic.
enum Hostile {
    static let cases = ["one-word", "no-spaces", "tiny-sentences", "nesting", "random-unicode", "many-lines", "long-line-of-dots", "html-10mb", "html-deep"]

    static func make(_ name: String, bytes: Int) -> String? {
        var generator = SplitMix(seed: 42)
        switch name {
        case "one-word":  // the same word again and again
            return String(repeating: "word ", count: bytes / 5)
        case "no-spaces":  // one token as long as the document
            return String((0..<bytes).map { _ in Character(UnicodeScalar(UInt8(97 + generator.next() % 26))) })
        case "tiny-sentences":  // "a. a. a. …"
            return String(repeating: "a. ", count: bytes / 3)
        case "nesting":  // quotes and brackets opened deep, then closed
            let depth = bytes / 8
            return String(repeating: "(\"[' ", count: depth / 2) + "x." + String(repeating: " ']\")", count: depth / 2)
        case "random-unicode":  // any valid scalars, including controls, marks and emoji
            var scalars = String.UnicodeScalarView()
            var size = 0
            while size < bytes {
                let raw = UInt32(truncatingIfNeeded: generator.next() % 0x2_0000)
                guard raw != 0, let scalar = UnicodeScalar(raw) else { continue }
                scalars.append(scalar)
                size += String(scalar).utf8.count
            }
            return String(scalars)
        case "many-lines":  // one short line after another, no blank lines
            return String(repeating: "x\n", count: bytes / 2)
        case "long-line-of-dots":  // ellipses and periods without words
            return String(repeating: ". ... ", count: bytes / 6)
        case "html-10mb":  // an article page of about `bytes` bytes: paragraphs in a div, with nav and footer
            var page = "<!doctype html><html lang=en><head><title>A long page | Site</title></head><body>"
                + "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>A long page</h1><div class=body>"
            var index = 0
            while page.utf8.count < bytes - 200 {
                page += "<p>Paragraph \(index) tells the council, the river and the bridge apart, again, as said.</p>\n"
                index += 1
            }
            return page + "</div></article><footer>Footer</footer></body></html>"
        case "html-deep":  // 100,000 nested divs with text at the bottom
            let depth = min(100_000, bytes / 10)
            return "<html><body>" + String(repeating: "<div>", count: depth) + String(repeating: "<p>Deep text survives the nesting, and it reads like an article, with commas, clauses and words.</p>", count: 5)
                + String(repeating: "</div>", count: depth) + "</body></html>"
        default:
            return nil
        }
    }

    /// Parses the case once and prints one JSON line: size, CPU seconds, sentences, tokens.
    static func run(_ name: String, bytes: Int) {
        guard let text = make(name, bytes: bytes) else {
            FileHandle.standardError.write(Data("unknown case \(name); cases: \(cases.joined(separator: " "))\n".utf8))
            exit(2)
        }
        let engine = Engine()
        let start = clock()
        let document: ParsedDocument
        if name.hasPrefix("html-") {
            do {
                document = try engine.parse(text, format: .html)
            } catch {
                print("{\"case\":\"\(name)\",\"bytes\":\(text.utf8.count),\"error\":\"\(error.message)\"}")
                return
            }
        } else {
            document = engine.parse(text)
        }
        let summary = try? engine.summarize(document, options: SummaryOptions())
        let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
        print(
            "{\"case\":\"\(name)\",\"bytes\":\(text.utf8.count),\"cpu_seconds\":\(seconds),"
                + "\"sentences\":\(document.sentences.count),\"tokens\":\(document.tokens.count),"
                + "\"summary_sentences\":\(summary?.sentences.count ?? -1)}"
        )
    }
}

/// A small deterministic generator (SplitMix64), so every run builds the same inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
