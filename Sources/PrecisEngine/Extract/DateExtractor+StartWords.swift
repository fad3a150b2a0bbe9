extension DateExtractor {
    /// Whether an expression may start at token `index`: a number, an abbreviation (`Nov.`), a month or weekday
    /// (`Mondays`), a word with a digit or a hyphen (`1990s`, `Q3`, `mid-1996`, `two-year`), `'` (`'90s`), or one
    /// of ``startWords``. A few hash lookups spare the rules most tokens.
    func mayStart(_ index: Int) -> Bool {
        let token = context.tokens[index]
        switch token.kind {
        case .number: return true
        case .punctuation: return context.isPunctuation(index, "'")
        case .abbreviation: return true  // `Nov.`, `Sept.`
        case .word:
            let text = words[index]
            guard !text.isEmpty else { return false }
            if Self.startWords.contains(text) { return true }
            return text.utf8.contains { $0 == UInt8(ascii: "-") || isASCIIDigit($0) }
        default: return false
        }
    }

    /// Every word (lowercased) a rule can start with, months and weekdays among them, besides words with digits or
    /// hyphens.
    static let startWords: Set<String> = {
        var words: Set<String> = [
            // modifiers (+Modifiers)
            "the", "end", "beginning", "start", "early", "late", "mid", "earlier", "later", "about", "around",
            "approximately", "roughly", "some", "circa", "nearly", "almost", "over", "under", "more", "less", "fewer",
            "at", "up", "no", "just", "well", "fiscal",
            // relative days and times (+Relative, +Times)
            "yesterday", "today", "tonight", "tomorrow", "last", "next", "this", "current", "noon", "midday",
            "midnight",
            // counts (+Durations)
            "a", "an", "several", "few", "many", "various", "numerous", "couple",
            // references (+References)
            "now", "currently", "presently", "nowadays", "present", "recently", "lately", "that", "same", "past",
            "future", "near", "recent", "coming", "upcoming", "these",
            // periods (+Periods)
            "q1", "q2", "q3", "q4", "weekend", "latest", "quarter", "most",
            // sets (+Sets)
            "every", "each", "daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly", "per", "once",
            "twice", "thrice", "christmas", "new", "halloween", "valentine", "boxing",
        ]
        words.formUnion(Lexicon.numberWords.keys)
        words.formUnion(timeUnits.keys)
        words.formUnion(seasons.keys)
        words.formUnion(decadeWords.keys)
        words.formUnion(quarterOrdinals.keys)
        words.formUnion(spanDeterminers)
        words.formUnion(Lexicon.months.keys)
        words.formUnion(Lexicon.weekdays.keys)
        words.formUnion(Lexicon.weekdays.keys.map { $0 + "s" })  // `on Mondays`
        return words
    }()
}
