/// Finds dates and resolves them to ISO 8601 values.
///
/// v0 patterns: ISO dates (`2026-11-24`); month-name dates (`November 24, 2026`, `Nov. 24`, `24 November`,
/// `November 2026`); weekdays (`Monday`, `last Friday`), resolved to the latest such day on or before the reference
/// date (strictly before with `last`, strictly after with `next`); `yesterday`, `today`, `tonight`, `tomorrow`;
/// `this`/`last`/`next` `week`/`month`/`year`; a month after `in`, `since` …; decades (`1990s`); and four-digit
/// years after a preposition or before punctuation.
struct DateExtractor {
    let context: ExtractionContext
    let reference: CalendarDate

    struct Found {
        var mention: DateMention
        var tokens: Range<Int>
    }

    struct Match {
        var end: Int
        var value: String
        var granularity: DateGranularity
        var relative: Bool
    }

    static let monthPrepositions: Set<String> = [
        "in", "since", "until", "by", "from", "during", "before", "after", "early", "late", "mid", "through", "for",
        "of",
    ]
    static let yearPrepositions: Set<String> = monthPrepositions.union(["of", "to", "and", "or", "around"])

    func extract() throws(EngineError) -> [Found] {
        var found: [Found] = []
        var pacer = InterruptPacer(context.interrupt)
        for range in context.sentenceRanges(ExtractionContext.isContent) {
            var index = range.lowerBound
            while index < range.upperBound {
                try pacer.check(progress: index)
                guard let match = self.match(at: index, limit: range.upperBound) else {
                    index += 1
                    continue
                }
                let span = TextSpan(
                    start: context.tokens[index].span.start,
                    end: context.tokens[match.end - 1].span.end
                )
                let mention = DateMention(
                    span: span,
                    text: context.text.string(span),
                    value: match.value,
                    granularity: match.granularity,
                    relative: match.relative
                )
                found.append(Found(mention: mention, tokens: index..<match.end))
                index = match.end
            }
        }
        return found
    }

    private func match(at index: Int, limit: Int) -> Match? {
        let token = context.tokens[index]
        switch token.kind {
        case .number:
            return isoDate(at: index, limit: limit) ?? dayFirst(at: index, limit: limit)
                ?? year(at: index, limit: limit) ?? ago(at: index, limit: limit) ?? timeOfDay(at: index, limit: limit)
                ?? century(at: index, limit: limit)
        case .word, .abbreviation:
            if context.text.isUppercase(at: token.span.start) {
                if let match = weekday(at: index, modifier: nil, limit: limit) { return match }
                if let match = monthFirst(at: index, limit: limit) { return match }
            }
            return relative(at: index, limit: limit) ?? decade(at: index)
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

    /// `November 24, 2026`, `Nov. 24`, `November 2026`, or a month after a preposition.
    private func monthFirst(at index: Int, limit: Int) -> Match? {
        guard let month = monthNumber(index) else { return nil }
        if index + 1 < limit, context.spaced(index, index + 1) {
            if let day = dayNumber(index + 1) ?? ordinalDay(index + 1) {
                return monthDay(month: month, day: day, after: index + 2, limit: limit)
            }
            if let year = yearNumber(index + 1) {
                return Match(
                    end: index + 2,
                    value: CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2),
                    granularity: .month,
                    relative: false
                )
            }
        }
        guard context.tokens[index].span.count > 4 || month == 5 || month == 6 || month == 7, index > 0,
            context.tokens[index - 1].kind == .word,
            Self.monthPrepositions.contains(context.lowercased(index - 1))
        else { return nil }
        return Match(
            end: index + 1,
            value: CalendarDate.pad(reference.year, 4) + "-" + CalendarDate.pad(month, 2),
            granularity: .month,
            relative: true
        )
    }

    /// A day of `month`, with a year after it (optionally after a comma) or the reference year.
    private func monthDay(month: Int, day: Int, after index: Int, limit: Int) -> Match? {
        var yearIndex = index
        if yearIndex < limit, context.isPunctuation(yearIndex, ",") { yearIndex += 1 }
        if yearIndex < limit, yearIndex > index || context.spaced(index - 1, yearIndex),
            let year = yearNumber(yearIndex), let date = CalendarDate(year: year, month: month, day: day)
        {
            return Match(end: yearIndex + 1, value: date.iso, granularity: .day, relative: false)
        }
        guard let date = CalendarDate(year: reference.year, month: month, day: day) else { return nil }
        return Match(end: index, value: date.iso, granularity: .day, relative: true)
    }

    /// The month of a capitalised month name or abbreviation (`November`, `Nov.`, `Nov`).
    func monthNumber(_ index: Int) -> Int? {
        let token = context.tokens[index]
        guard token.kind == .word || token.kind == .abbreviation, token.span.count <= 10,
            context.text.isUppercase(at: token.span.start)
        else { return nil }
        return Lexicon.months[context.bareWord(index)]
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
}
