/// Finds temporal expressions and resolves them to TimeML TIMEX3 values, types and mods.
///
/// Dates: ISO dates (`2026-11-24`); month-name dates (`November 24, 2026`, `Nov. 24`, `24 November`,
/// `November 2026`); weekdays (`Monday`, `last Friday`), resolved to the latest such day on or before the reference
/// date (strictly before with `last`, strictly after with `next`); `yesterday`, `today`, `tomorrow`;
/// `this`/`last`/`next` `week`/`month`/`year`/`quarter`; a month after `in`, `since` …; quarters, seasons, decades
/// (`the 1990s` is `199`), centuries; four-digit years after a preposition or before punctuation; and the vague
/// references `now`, `currently`, `recently`, `the past`, `the future` (`+References`). Years (`+Years`), quarters
/// and seasons (`+Periods`), times (`+Times`), durations (`+Durations`), sets (`+Sets`) and the modifiers before any
/// of them (`+Modifiers`) have files of their own; `+Anchor` says which year a date without one is in. Each sentence
/// is read once, left to right; a token no rule can start at is passed over after one lookup (`+StartWords`), and
/// every rule looks at a bounded number of tokens.
struct DateExtractor {
    let context: ExtractionContext
    let reference: CalendarDate
    /// The day of the last full date found so far (`the following day` counts from it), else `reference`.
    var anchor: CalendarDate
    /// How many dates so far lie within four years of the reference date, and how many further from it: a text
    /// with more far than near is a history, whose dates without a year take the year it is at.
    var near = 0
    var far = 0
    /// The last quarter named (`the third quarter`) and the token it ended at: `a year earlier` after it is the
    /// same quarter a year before.
    var lastQuarter: (year: Int, quarter: Int, end: Int)?

    /// Every token lowercased, without a possessive `'s`, when it is a word of at most 15 bytes (a string Swift
    /// keeps inline), else "": the rules compare words many times, so each is made once.
    /// Filled by ``extract()`` before any rule runs.
    var words: [String] = []

    init(context: ExtractionContext, reference: CalendarDate) {
        self.context = context
        self.reference = reference
        self.anchor = reference
    }

    /// ``words`` for every token, checking the interrupt as it goes (a long document is a long pass).
    private func lowercasedWords() throws(EngineError) -> [String] {
        var pacer = InterruptPacer(context.interrupt)
        var words: [String] = []
        words.reserveCapacity(context.tokens.count)
        for index in context.tokens.indices {
            try pacer.check(progress: index)
            let token = context.tokens[index]
            if token.kind == .word || token.kind == .abbreviation, token.span.count <= 15 {
                words.append(context.isPossessive(index) ? context.bareWord(index) : context.lowercased(index))
            } else {
                words.append("")
            }
        }
        return words
    }

    struct Found {
        var mention: DateMention
        var tokens: Range<Int>
    }

    struct Match {
        var end: Int
        var value: String
        var granularity: DateGranularity
        var relative: Bool
        var type: TimexType = .date
        var mod: TimexMod? = nil
        var freq = ""
        var quant = ""
        /// Whether a `the` just before belongs to the expression (`the 1990s`, `the third quarter`).
        var article = false
        /// Whether it was counted back from the last quarter named (`a year earlier`): it does not replace it.
        var derived = false
    }

    static let monthPrepositions: Set<String> = [
        "in", "since", "until", "by", "from", "during", "before", "after", "early", "late", "mid", "through", "for",
        "of",
    ]
    static let yearPrepositions: Set<String> = monthPrepositions.union([
        "of", "to", "and", "or", "around", "as", "both", "between", "fiscal", "circa", "till", "throughout",
    ])
    /// Words that join a month to the one before it (`from October to March`, `between March and April`); not
    /// before `May`, which may be a name.
    static let monthJoiners: Set<String> = ["to", "and", "or", "between", "till", "throughout"]

    func extract() throws(EngineError) -> [Found] {
        var found: [Found] = []
        var pacer = InterruptPacer(context.interrupt)
        var scanner = self
        scanner.words = try lowercasedWords()
        var resume = 0
        for range in context.sentenceRanges(ExtractionContext.isContent) {
            var index = range.lowerBound
            while index < range.upperBound {
                try pacer.check(progress: index)
                if index < resume {
                    index = resume
                    continue
                }
                guard scanner.mayStart(index, limit: range.upperBound) else {
                    index += 1
                    continue
                }
                guard var match = scanner.match(at: index, limit: range.upperBound) else {
                    index += 1
                    continue
                }
                match = scanner.withTime(match, limit: range.upperBound)
                // TimeML leaves a possessive out of the span: `[last year]'s results`.
                let last = match.end - 1
                var end = context.tokens[last].span.end
                if context.isPossessive(last) {
                    end -= context.text.bytes[end - 2] == UInt8(ascii: "'") ? 2 : 4
                }
                let span = TextSpan(start: context.tokens[index].span.start, end: end)
                let mention = DateMention(
                    span: span,
                    text: context.text.string(span),
                    value: match.value,
                    granularity: match.granularity,
                    relative: match.relative,
                    type: match.type,
                    mod: match.mod,
                    freq: match.freq,
                    quant: match.quant
                )
                found.append(Found(mention: mention, tokens: index..<match.end))
                scanner.moveAnchor(match)
                index = match.end
                resume = match.end  // a time may take the weekday of the next sentence (`10 p.m. Wednesday`)
            }
        }
        return found
    }

    /// The expression starting at token `index`: a modified one (`about two years`, `the late 1990s`), else a plain
    /// one.
    func match(at index: Int, limit: Int) -> Match? {
        modified(at: index, limit: limit) ?? plain(at: index, limit: limit)
    }

    func plain(at index: Int, limit: Int) -> Match? {
        let token = context.tokens[index]
        switch token.kind {
        case .number:
            return isoDate(at: index, limit: limit) ?? dayFirst(at: index, limit: limit)
                ?? year(at: index, limit: limit) ?? ago(at: index, limit: limit) ?? timeOfDay(at: index, limit: limit)
                ?? century(at: index, limit: limit) ?? quarter(at: index, limit: limit)
                ?? duration(at: index, limit: limit) ?? frequency(at: index, limit: limit)
        case .word, .abbreviation:
            guard token.span.count <= 24 else { return nil }
            if context.text.isUppercase(at: token.span.start) {
                if let match = weekday(at: index, modifier: nil, limit: limit) { return match }
                if let match = monthFirst(at: index, limit: limit) { return match }
            }
            if let (year, end) = wordYear(at: index, limit: limit) {
                return Match(end: end, value: String(year), granularity: .year, relative: false)
            }
            return relative(at: index, limit: limit) ?? decade(at: index) ?? decadeWord(at: index, limit: limit)
                ?? reference(at: index, limit: limit)
                ?? quarter(at: index, limit: limit) ?? season(at: index, limit: limit)
                ?? set(at: index, limit: limit) ?? duration(at: index, limit: limit)
                ?? frequency(at: index, limit: limit) ?? hyphenated(at: index)
        case .punctuation:
            return decadeWord(at: index, limit: limit)  // `the '90s`
        default:
            return nil
        }
    }

    private func isoDate(at index: Int, limit: Int) -> Match? {
        guard index + 4 < limit, context.tokens[index].span.count == 4,
            context.tokens[index + 2].span.count == 2, context.tokens[index + 4].span.count == 2,
            (1...4).allSatisfy({ context.touching(index + $0 - 1, index + $0) }),
            context.isPunctuation(index + 1, "-"), context.isPunctuation(index + 3, "-"),
            let year = context.integer(index), let month = context.integer(index + 2),
            let day = context.integer(index + 4), let date = CalendarDate(year: year, month: month, day: day)
        else { return nil }
        return Match(end: index + 5, value: date.iso, granularity: .day, relative: false)
    }

    /// `24 November`, `24th Nov. 2026`.
    private func dayFirst(at index: Int, limit: Int) -> Match? {
        guard let day = dayNumber(index), index + 1 < limit, context.spaced(index, index + 1),
            let month = monthNumber(index + 1)
        else { return nil }
        return monthDay(month: month, day: day, after: index + 2, limit: limit)
    }

    /// `November 24, 2026`, `Nov. 24`, `November 2026`, `November of 2026`, or a month after a preposition.
    func monthFirst(at index: Int, limit: Int) -> Match? {
        guard let month = monthNumber(index) else { return nil }
        if index + 1 < limit, context.spaced(index, index + 1) {
            if let day = dayNumber(index + 1) ?? ordinalDay(index + 1) {
                return monthDay(month: month, day: day, after: index + 2, limit: limit)
            }
            if let (year, end) = wordYear(at: index + 1, limit: limit) {
                return Match(  // `January nineteen ninety-seven`
                    end: end, value: CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2), granularity: .month,
                    relative: false)
            }
            if index + 2 < limit, ["this", "last", "next"].contains(word(index + 1)), word(index + 2) == "year" {
                // `January this year`, `June last year`.
                let step = word(index + 1) == "last" ? -1 : (word(index + 1) == "next" ? 1 : 0)
                return Match(
                    end: index + 3,
                    value: CalendarDate.pad(reference.year + step, 4) + "-" + CalendarDate.pad(month, 2),
                    granularity: .month,
                    relative: true
                )
            }
            var yearIndex = index + 1
            if yearIndex + 1 < limit, word(yearIndex) == "of" { yearIndex += 1 }
            if let year = yearNumber(yearIndex) {
                return Match(
                    end: yearIndex + 1,
                    value: CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2),
                    granularity: .month,
                    relative: false
                )
            }
        }
        guard context.tokens[index].span.count > 4 || month == 5 || month == 6 || month == 7, index > 0,
            context.tokens[index - 1].kind == .word,
            Self.monthPrepositions.contains(word(index - 1))
                || month != 5 && Self.monthJoiners.contains(word(index - 1))
        else { return nil }
        return Match(
            end: index + 1,
            value: CalendarDate.pad(year(month: month, day: nil, at: index), 4) + "-" + CalendarDate.pad(month, 2),
            granularity: .month,
            relative: true
        )
    }

    /// A day of `month`, with a year after it (optionally after a comma) or the anchor's year.
    private func monthDay(month: Int, day: Int, after index: Int, limit: Int) -> Match? {
        var yearIndex = index
        if yearIndex < limit, context.isPunctuation(yearIndex, ",") { yearIndex += 1 }
        if yearIndex < limit, yearIndex > index || context.spaced(index - 1, yearIndex),
            let year = yearNumber(yearIndex), let date = CalendarDate(year: year, month: month, day: day)
        {
            return Match(end: yearIndex + 1, value: date.iso, granularity: .day, relative: false)
        }
        let year = self.year(month: month, day: day, at: index - 2)
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return Match(end: index, value: date.iso, granularity: .day, relative: true)
    }

    /// The month of a capitalised month name or abbreviation (`November`, `Nov.`, `Nov`).
    func monthNumber(_ index: Int) -> Int? {
        let token = context.tokens[index]
        guard token.kind == .word || token.kind == .abbreviation, token.span.count <= 10,
            context.text.isUppercase(at: token.span.start)
        else { return nil }
        return Lexicon.months[token.kind == .word ? word(index) : context.bareWord(index)]
    }

    func dayNumber(_ index: Int) -> Int? {
        let token = context.tokens[index]
        guard token.kind == .number, token.span.count <= 4 else { return nil }
        var value = 0
        var digits = 0
        for position in token.span.start..<token.span.end {
            let byte = context.text.bytes[position]
            guard isASCIIDigit(byte) else { break }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
        }
        guard digits >= 1, digits <= 2, digits == token.span.count || token.span.count - digits == 2 else { return nil }
        return (1...31).contains(value) ? value : nil
    }

    /// A day written as an ordinal word (`January second`).
    func ordinalDay(_ index: Int) -> Int? {
        guard context.tokens[index].kind == .word, context.tokens[index].span.count <= 14,
            let value = Lexicon.ordinalWords[context.lowercased(index)], value >= 1, value <= 31
        else { return nil }
        return Int(value)
    }

    func yearNumber(_ index: Int) -> Int? {
        guard context.tokens[index].span.count == 4, let value = context.integer(index), value >= 1000 else {
            return nil
        }
        return value
    }

    /// Token `index` lowercased, without a possessive `'s`, when it is a short word (at most 15 bytes), else "".
    @inline(__always)
    func word(_ index: Int) -> String { words[index] }
}
