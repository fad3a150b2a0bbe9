extension DateExtractor {
    /// A four-digit year: from 1000 to 2199 after a preposition (`in 1777`), from 1500 before punctuation or the
    /// sentence end (`1775-1780`), from 1900 after a determiner (`the 2006 season`); and `241 BC` (`BC0241`).
    func year(at index: Int, limit: Int) -> Match? {
        if let bc = beforeChrist(at: index, limit: limit) { return bc }
        guard let year = yearNumber(index), (1000...2199).contains(year) else { return nil }
        let afterPreposition =
            index > 0 && context.tokens[index - 1].kind == .word
            && Self.yearPrepositions.contains(word(index - 1))
        let beforeBreak = year >= 1500 && (index + 1 >= limit || !context.tokens[index + 1].kind.isWordLike)
        guard afterPreposition || beforeBreak || afterDeterminer(index, year: year, limit: limit) else { return nil }
        if index + 2 < limit, let quarter = Self.quarterOrdinals[word(index + 1)], word(index + 2) == "quarter" {
            return Match(  // `the 1988 third quarter`
                end: index + 3, value: CalendarDate.pad(year, 4) + "-Q" + String(quarter), granularity: .quarter,
                relative: false, article: true)
        }
        if index + 1 < limit, word(index + 1) == "period", let recent = recentQuarter(before: index) {
            return Match(  // `the 1988 period` in a story about a quarter
                end: index + 2, value: CalendarDate.pad(year, 4) + "-Q" + String(recent.quarter), granularity: .quarter,
                relative: false, article: true)
        }
        return Match(end: index + 1, value: CalendarDate.pad(year, 4), granularity: .year, relative: false)
    }

    /// A year in words, as broadcasts write it: `nineteen ninety-six`, `nineteen eighty four`, `eighteen twelve`;
    /// the year and the token after it.
    func wordYear(at index: Int, limit: Int) -> (Int, Int)? {
        let century = word(index) == "nineteen" ? 1900 : (word(index) == "eighteen" ? 1800 : 0)
        guard century > 0, index + 1 < limit, context.spaced(index, index + 1), let tens = numberWord(word(index + 1)),
            tens >= 10, tens < 100
        else { return nil }
        if tens % 10 == 0, tens >= 20, index + 2 < limit, let units = numberWord(word(index + 2)), units < 10 {
            return (century + tens + units, index + 3)  // `nineteen eighty four`
        }
        return (century + tens, index + 2)
    }

    /// `241 BC`, `55 B.C.` as TimeML's `BC0241`.
    private func beforeChrist(at index: Int, limit: Int) -> Match? {
        guard index + 1 < limit, context.spaced(index, index + 1), let year = context.integer(index), year > 0,
            year < 10_000, ["bc", "b.c.", "bce", "b.c"].contains(word(index + 1))
        else { return nil }
        return Match(end: index + 2, value: "BC" + CalendarDate.pad(year, 4), granularity: .year, relative: false)
    }

    /// `a 1980 coup`, `the 2006 season`, `its 2008 budget`: a year from 1900 to 2099 after a determiner, unless the
    /// next word is a plural (`the 2000 soldiers` is a count).
    private func afterDeterminer(_ index: Int, year: Int, limit: Int) -> Bool {
        guard (1900...2099).contains(year), index > 0, index + 1 < limit, context.tokens[index + 1].kind == .word,
            !context.isCapitalised(index + 1) || context.lowercased(index - 1) == "the"
        else { return false }
        let before = context.tokens[index - 1]
        let determiner = before.kind == .word && Self.yearDeterminers.contains(context.lowercased(index - 1))
        // `the fatal 2003 shooting`: a recent year before a singular noun after an adjective.
        let adjective = before.kind == .word && (1950...2049).contains(year) && index > 1
            && context.tokens[index - 2].kind == .word && Self.yearDeterminers.contains(context.lowercased(index - 2))
        guard determiner || adjective else { return false }
        let next = context.lowercased(index + 1)
        return !next.hasSuffix("s") || next.hasSuffix("ss")
    }

    static let yearDeterminers: Set<String> = ["a", "an", "the", "its", "his", "her", "their", "our", "this", "that"]
}
