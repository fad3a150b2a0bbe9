import PrecisEngine
import Testing

@Suite("Robustness")
struct RobustnessTests {
    @Test(arguments: [
        "",
        " ",
        "\n\n\t \r\n",
        "\u{FEFF}\u{200B}",
        "\u{301}\u{301} x",
        "👨‍👩‍👧‍👦🏳️‍🌈🇵🇹🇵",
        "e\u{301}\u{302}\u{303}. A\u{20DD}",
        "漢字かなカナ、한국어。ไทย ١٢٣ ٤.٥",
        "\u{0}\u{1}\u{7F} control \u{85} next",
        "a\u{2028}b\u{2029}c\r\rd",
        "..... !!!! ???? ----- “” \"\" ''",
        "@ # $ % @x #1 #, 1,2,3,4 1.2.3 ., ,.",
        "www. https:// http://( mailto:@ a@b a@b. a@b.c",
        "U.S.A.B.C.D. e.g.. Dr.. A. B.",
    ])
    func oddInputParses(_ text: String) throws {
        let document = Fixtures.parse(text)
        #expect(Fixtures.spanProblems(document).isEmpty)
        _ = try Fixtures.engine.summarize(document, options: SummaryOptions())
        _ = Fixtures.engine.extract(document, options: ExtractOptions(referenceDate: CalendarDate(iso: "2026-11-24")))
    }

    @Test func emptyAndWhitespaceOnly() throws {
        for text in ["", "   \n\n  \t"] {
            let document = Fixtures.parse(text)
            #expect(document.paragraphs.isEmpty)
            #expect(document.sentences.isEmpty)
            #expect(document.tokens.isEmpty)
            #expect(document.stats.words == 0)
            #expect(document.stats.readingTimeSeconds == 0)
            #expect(document.language.code == "und")
            #expect(document.title == nil)
            let summary = try Fixtures.engine.summarize(document, options: SummaryOptions())
            #expect(summary.sentences.isEmpty)
            #expect(summary.candidateCount == 0)
        }
    }

    @Test func emojiAndCombiningMarksKeepScalarBoundaries() {
        let text = "Great news 🎉🎉! The café\u{301} opened 👍🏽. Zoë said “ok” 👋🏻👋🏻 #fête."
        let document = Fixtures.parse(text)
        #expect(Fixtures.spanProblems(document).isEmpty)
        #expect(document.tokens.filter { $0.kind == .emoji }.count == 5)
        #expect(Fixtures.tokenTexts(document).contains("#fête"))
    }

    @Test func singleHugeLine() {
        let text = String(repeating: "alpha-beta,gamma.delta 12,345.6 ", count: 20_000)
        let document = Fixtures.parse(text)
        #expect(document.paragraphs.count == 1)
        #expect(document.tokens.count > 100_000)
        #expect(Fixtures.spanProblems(document).isEmpty)
    }

    @Test func everySpanSlicesExactlyInMixedScripts() {
        var text = ""
        let pieces = ["Ναι, είπε.", "Да, сказал он.", "نعم، قال.", "はい。", "ok 😀.", "A\u{301}b.", "“Q”", "\t"]
        for index in 0..<300 { text += pieces[index % pieces.count] + (index % 7 == 0 ? "\n\n" : " ") }
        let document = Fixtures.parse(text)
        #expect(Fixtures.spanProblems(document).isEmpty)
    }
}
