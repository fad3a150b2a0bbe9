import PrecisEngine
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    private func tokens(_ text: String) -> [(String, TokenKind)] {
        let document = Fixtures.parse(text)
        return document.tokens.map { (Fixtures.slice(text, $0.span), $0.kind) }
    }

    @Test func wordsKeepInnerApostrophesAndHyphens() {
        let result = tokens("They don't trust al-Hayya’s well-known plan.")
        #expect(result.map(\.0) == ["They", "don't", "trust", "al-Hayya’s", "well-known", "plan", "."])
        #expect(result[1].1 == .word)
        #expect(result[6].1 == .punctuation)
    }

    @Test func numbersAsWritten() {
        let result = tokens("Costs rose 1,000.5 units, or 3.5 times, to 0.1% on the 21st.")
        let numbers = result.filter { $0.1 == .number }.map(\.0)
        #expect(numbers == ["1,000.5", "3.5", "0.1", "21st"])
        #expect(result.contains { $0.0 == "%" && $0.1 == .symbol })
    }

    @Test func abbreviationsAndInitials() {
        let result = tokens("Dr. Sorel met U.S. officials, e.g. Ivan E. Sorel, in Sept. last year.")
        let abbreviations = result.filter { $0.1 == .abbreviation }.map(\.0)
        #expect(abbreviations == ["Dr.", "U.S.", "e.g.", "E.", "Sept."])
    }

    @Test func linksHandlesHashtagsAndEmoji() {
        let text =
            "See https://example.org/a_(b). or www.example.com, mail ana.b@example.co.uk, "
            + "ping @almora_news #River2026 👍🏽 🇵🇹 👨‍👩‍👧 ❤️"
        let result = tokens(text)
        let kinds = Dictionary(result.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(kinds["https://example.org/a_(b)"] == .url)
        #expect(kinds["www.example.com"] == .url)
        #expect(kinds["ana.b@example.co.uk"] == .email)
        #expect(kinds["@almora_news"] == .handle)
        #expect(kinds["#River2026"] == .hashtag)
        #expect(kinds["👍🏽"] == .emoji)
        #expect(kinds["🇵🇹"] == .emoji)
        #expect(kinds["👨‍👩‍👧"] == .emoji)
        #expect(kinds["❤️"] == .emoji)
    }

    @Test func punctuationRuns() {
        let result = tokens("Wait... what?! “Yes” — no…")
        #expect(result.map(\.0) == ["Wait", "...", "what", "?!", "“", "Yes", "”", "—", "no", "…"])
        #expect(result.filter { $0.1 == .punctuation }.count == 6)
    }

    @Test func cjkAndCombiningMarks() {
        let text = "東京は晴れ。Cafe\u{301} naïve 서울 ภาษาไทย"
        let result = tokens(text)
        #expect(result.contains { $0.0 == "Cafe\u{301}" && $0.1 == .word })
        #expect(result.contains { $0.0 == "東" })
        #expect(result.contains { $0.0 == "서울" })
        #expect(result.contains { $0.0 == "ภาษาไทย" })
        #expect(Fixtures.spanProblems(Fixtures.parse(text)).isEmpty)
    }
}

@Suite("Tokenizer, news forms")
struct TokenizerNewsTests {
    private func tokens(_ text: String) -> [(String, TokenKind)] {
        let document = Fixtures.parse(text)
        return document.tokens.map { (Fixtures.slice(text, $0.span), $0.kind) }
    }

    @Test func hyphenatedAcronymsAndDesignations() {
        let result = tokens("The U.S.-backed plan sent F-15 jets to Israel's north.")
        let expected = ["The", "U.S.-backed", "plan", "sent", "F-15", "jets", "to", "Israel's", "north", "."]
        #expect(result.map(\.0) == expected)
        #expect(result[1].1 == .word)
    }

    @Test func moneyAndPercentagesSplitSignFromNumber() {
        let result = tokens("A $3.5bn deal, up 0.1%.")
        #expect(result.map(\.0) == ["A", "$", "3.5bn", "deal", ",", "up", "0.1", "%", "."])
        #expect(result[1].1 == .symbol)
        #expect(result[2].1 == .number)
        #expect(result[6].1 == .number)
    }

    @Test func scaleSuffixesKeepANumberButUnitsMakeAWord() {
        let result = tokens("20m people, 40K fans, 10km away, 3D films, 21st place")
        let kinds = Dictionary(result.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(kinds["20m"] == .number)
        #expect(kinds["40K"] == .number)
        #expect(kinds["10km"] == .word)
        #expect(kinds["3D"] == .word)
        #expect(kinds["21st"] == .number)
    }

    @Test func dashesQuotesAndEllipses() {
        let result = tokens("'Yes' -- he said … “no” – fine...")
        let expected = ["'", "Yes", "'", "--", "he", "said", "…", "“", "no", "”", "–", "fine", "..."]
        #expect(result.map(\.0) == expected)
        #expect(result.filter { $0.1 == .punctuation }.count == 8)
    }
}
