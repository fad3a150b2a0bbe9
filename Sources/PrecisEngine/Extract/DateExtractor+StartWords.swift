extension DateExtractor {
    /// Whether an expression may start at token `index`: a number, an abbreviation (`Nov.`), a month or weekday
    /// (`Mondays`), a word with a digit or a hyphen (`1990s`, `Q3`, `mid-1996`, `two-year`), `'` (`'90s`), or one
    /// of ``startWords``. A few hash lookups spare the rules most tokens.
    func mayStart(_ index: Int, limit: Int) -> Bool {
        guard isStart(index) else { return false }
        guard Self.weakStarts.contains(words[index]) else { return true }
        // `the`, `a`, `at`, `more` … begin an expression only with a stronger word soon after (`the end of the
        // year`, `at the very start of 2025`, `more than two weeks`): most of them begin none, and the rules are
        // spared them.
        var next = index + 1
        while next < min(limit, index + 1 + Self.weakReach) {
            if Self.weakEnds.contains(words[next]) || (isStart(next) && !Self.weakStarts.contains(words[next])) {
                return true
            }
            next += 1
        }
        return false
    }

    /// Words no rule starts with that end an expression after a weak start (`this morning`, `the latest period`).
    static let weakEnds: Set<String> = ["morning", "afternoon", "evening", "night", "overnight", "period", "eve"]

    /// Whether a rule could begin at `index` by its own form (see ``mayStart(_:limit:)``).
    private func isStart(_ index: Int) -> Bool {
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

    /// How far after a weak start the stronger word must come.
    static let weakReach = 8

    /// Start words that never make an expression alone: each needs a unit, a number, a month, a weekday or
    /// another strong word within ``weakReach`` tokens. (The common ones: `the` and `a` are a tenth of all words.)
    static let weakStarts: Set<String> = [
        "the", "a", "an", "at", "this", "that", "these", "some", "more", "less", "fewer", "over", "under", "no",
        "just", "well", "up", "most", "new", "each", "every", "per", "many", "few", "several", "various",
        "numerous", "couple", "end", "beginning", "start", "early", "late", "mid", "about", "around",
        "approximately", "roughly", "circa", "nearly", "almost", "fiscal", "last", "next", "current", "same", "near",
        "coming", "upcoming", "latest",
    ]

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
