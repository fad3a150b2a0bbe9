import PrecisEngine
import Testing

/// Hostile inputs at modest sizes: parsing completes and every span stays valid.
@Suite("Hostile inputs")
struct HostileInputTests {
    private func check(_ text: String) {
        let document = Fixtures.parse(text)
        #expect(Fixtures.spanProblems(document).isEmpty)
        #expect(document.sentences.reduce(0) { $0 + $1.tokenCount } == document.tokens.count)
    }

    @Test func oneLongWord() { check(String(repeating: "abcdefgh", count: 25_000)) }

    @Test func noSpaces() { check(String(repeating: "ab.c,d!e?(f)'g\"-1.2%", count: 10_000)) }

    @Test func manyOneLetterSentences() {
        check(String(repeating: "a. ", count: 60_000))
        check(String(repeating: "A. ", count: 60_000))
    }

    @Test func punctuationRuns() {
        check(String(repeating: ". ", count: 80_000))
        check(String(repeating: "... ", count: 40_000))
        check(String(repeating: "!?", count: 80_000))
        check(String(repeating: "1. ", count: 50_000))
        check(String(repeating: "• 1) ", count: 30_000))
    }

    @Test func deeplyNestedQuotesAndBrackets() {
        check(String(repeating: "(“‘[", count: 20_000) + "word." + String(repeating: "]’”)", count: 20_000))
        check(String(repeating: "\"", count: 100_000) + " Done.")
    }

    @Test func randomUnicode() {
        var generator = FuzzTests.SplitMix(state: 77)
        var scalars = String.UnicodeScalarView()
        while scalars.count < 60_000 {
            let value = UInt32(truncatingIfNeeded: generator.next() % 0x2_0000)
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            if generator.next() % 5 == 0 { scalars.append(" ") }
        }
        check(String(scalars))
    }

    @Test func cjkAndThaiWithoutSpaces() {
        check(String(repeating: "東京は晴れ。ภาษาไทยง่าย", count: 8_000))
    }
}
