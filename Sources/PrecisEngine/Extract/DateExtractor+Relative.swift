extension DateExtractor {
    /// A weekday, optionally after `last`/`next`/`this` and optionally followed by an explicit date.
    func weekday(at index: Int, modifier: String?, limit: Int) -> Match? {
        // `word` has dropped a possessive, whichever apostrophe (`Monday’s`).
        guard context.tokens[index].kind == .word, let weekday = Lexicon.weekdays[word(index)] else { return nil }
        var next = index + 1
        if next < limit, context.isPunctuation(next, ",") { next += 1 }
        if next < limit, next > index + 1 || context.spaced(index, next),
            let explicit = monthFirstDay(at: next, limit: limit)
        {
            return explicit
        }
        let today = reference.weekday
        let offset: Int
        switch modifier {
        case "last": offset = -((today - weekday + 6) % 7 + 1)
        case "next": offset = (weekday - today + 6) % 7 + 1
        case "this": offset = (weekday - today + 7) % 7
        default:
            offset = looksAhead(before: index) ? (weekday - today + 7) % 7 : -((today - weekday + 7) % 7)
        }
        return Match(end: index + 1, value: reference.adding(days: offset).iso, granularity: .day, relative: true)
    }

    private func monthFirstDay(at index: Int, limit: Int) -> Match? {
        guard let month = monthNumber(index), index + 1 < limit,
            context.spaced(index, index + 1), let day = dayNumber(index + 1)
        else { return nil }
        var yearIndex = index + 2
        if yearIndex < limit, context.isPunctuation(yearIndex, ",") { yearIndex += 1 }
        if yearIndex < limit, let year = yearNumber(yearIndex),
            let date = CalendarDate(year: year, month: month, day: day)
        {
            return Match(end: yearIndex + 1, value: date.iso, granularity: .day, relative: false)
        }
        guard let date = CalendarDate(year: reference.year, month: month, day: day) else { return nil }
        return Match(end: index + 2, value: date.iso, granularity: .day, relative: true)
    }

    /// Whether the words just before a bare weekday speak of the future (`will meet on Sunday`, `is scheduled to
    /// visit … on Sunday`): then it is the next such day, not the last. Looks back at most eight words, stopping
    /// at a reporting verb or sentence punctuation.
    func looksAhead(before index: Int) -> Bool {
        var position = index - 1
        var words = 0
        while position >= 0, words < 8 {
            let token = context.tokens[position]
            if token.kind == .punctuation, context.isPunctuation(position, ".") || context.isPunctuation(position, ";") {
                return false
            }
            if token.kind == .word {
                let word = self.word(position)
                if Self.futureCues.contains(word) { return true }
                if Lexicon.reportingVerbs.contains(word) { return false }
                words += 1
            }
            position -= 1
        }
        return false
    }

    static let futureCues: Set<String> = [
        "will", "shall", "'ll", "scheduled", "expected", "due", "plans", "planned", "planning", "upcoming", "intends",
        "until", "till", "ahead", "slated", "effective", "payable", "expire", "expires", "deadline", "begin",
        "begins", "start", "starts", "starting", "resume", "resumes", "soon",
    ]

    /// The quarter named within the last 150 tokens (a few sentences of a results story), if any.
    func recentQuarter(before index: Int) -> (year: Int, quarter: Int)? {
        guard let last = lastQuarter, last.end <= index, index - last.end <= 150 else { return nil }
        return (last.year, last.quarter)
    }

    /// `yesterday`, `today`, `tonight`, `tomorrow`, and `last`/`next`/`this` + weekday, week, month or year.
    func relative(at index: Int, limit: Int) -> Match? {
        guard context.tokens[index].kind == .word, context.tokens[index].span.count <= 9 else { return nil }
        let word = self.word(index)  // without a possessive: `today's talks`
        switch word {
        case "yesterday": return day(-1, end: index + 1)
        case "today": return day(0, end: index + 1)
        case "tonight": return partOfDay(day(0, end: index + 1), "TNI", end: index + 1)
        case "tomorrow": return day(1, end: index + 1)
        case "last", "next", "this", "current": break
        default: return namedTime(word, at: index, limit: limit) ?? ago(at: index, limit: limit)
        }
        guard index + 1 < limit, context.spaced(index, index + 1) else { return nil }
        if word == "current", index == 0 || self.word(index - 1) != "the" { return nil }
        if word != "current", let match = weekday(at: index + 1, modifier: word, limit: limit) { return match }
        if word != "current", let match = modifiedMonth(word, at: index + 1) { return match }
        let step = word == "last" ? -1 : (word == "next" ? 1 : 0)
        let noun = self.word(index + 1)
        if let part = Self.partsOfDay[noun], word != "current" {
            // `this morning`, `last night` (the night before), `next evening`.
            let offset = word == "this" ? 0 : (word == "last" && part == "TNI" ? -1 : step)
            return partOfDay(day(offset, end: index + 2), part, end: index + 2)
        }
        if noun == "quarter" || noun == "decade" || noun == "day" && word == "current" {
            var match = shifted(unit: noun, by: step, from: reference, end: index + 2)
            match?.article = true  // `the last decade`
            return match
        }
        if noun == "weekend", word != "current" {
            let week = reference.adding(days: 7 * step).isoWeek
            return Match(end: index + 2, value: week + "-WE", granularity: .week, relative: true)
        }
        switch noun {
        case "week":
            let value = reference.adding(days: 7 * step).isoWeek
            return Match(end: index + 2, value: value, granularity: .week, relative: true, article: true)
        case "month":
            let (year, month) = reference.addingMonths(step)
            let value = CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2)
            return Match(end: index + 2, value: value, granularity: .month, relative: true, article: true)
        case "year":
            if context.isPossessive(index + 1), index + 3 < limit, let quarter = Self.quarterOrdinals[self.word(index + 2)],
                self.word(index + 3) == "quarter"
            {
                return Match(  // `next year's first quarter`
                    end: index + 4, value: CalendarDate.pad(reference.year + step, 4) + "-Q" + String(quarter),
                    granularity: .quarter, relative: true, article: true)
            }
            return Match(
                end: index + 2,
                value: CalendarDate.pad(reference.year + step, 4),
                granularity: .year,
                relative: true,
                article: true  // `the last year`
            )
        default:
            return nil
        }
    }

    func day(_ offset: Int, end: Int) -> Match {
        Match(end: end, value: reference.adding(days: offset).iso, granularity: .day, relative: true)
    }

    /// `1990s` as the decade `199X`.
    func decade(at index: Int) -> Match? {
        let token = context.tokens[index]
        let bytes = context.text.bytes
        guard token.kind == .word, token.span.count == 5, bytes[token.span.end - 1] == UInt8(ascii: "s"),
            bytes[token.span.end - 2] == UInt8(ascii: "0"),
            bytes[token.span.start..<(token.span.end - 1)].allSatisfy(isASCIIDigit)
        else { return nil }
        let value = String(decoding: bytes[token.span.start..<(token.span.start + 3)], as: UTF8.self)
        var match = Match(end: index + 1, value: value, granularity: .decade, relative: false)
        match.article = true
        return match
    }

    /// `the nineties`, `the '90s`, `the 90s`: a decade of the 1900s, `199`.
    func decadeWord(at index: Int, limit: Int) -> Match? {
        var position = index
        if context.isPunctuation(position, "'") {
            guard position + 1 < limit, context.touching(position, position + 1) else { return nil }
            position += 1
        }
        let text = word(position)
        let digit: Int?
        if text.utf8.count == 3, text.hasSuffix("0s"), let tens = Int(text.dropLast(2)) {
            digit = tens
        } else {
            digit = Self.decadeWords[text]
        }
        guard let digit, position > 0 || index > 0 else { return nil }
        let before = index > 0 ? word(index - 1) : ""
        guard before == "the" || before == "early" || before == "late" || before == "mid" else { return nil }
        var match = Match(end: position + 1, value: "19" + String(digit), granularity: .decade, relative: false)
        match.article = true
        return match
    }

    static let decadeWords: [String: Int] = [
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
        "nineties": 9,
    ]

    /// `two weeks ago`, `3 days ago`, `a year earlier`, `two days later`: a count of days, weeks, months, quarters,
    /// years or decades before the reference date (`ago`) or before or after the date the text is at (`earlier`,
    /// `later`); a vague count (`several years ago`) is PAST_REF.
    func ago(at index: Int, limit: Int) -> Match? {
        guard let (count, next) = count(at: index, limit: limit), next + 1 < limit, context.spaced(next, next + 1)
        else { return nil }
        let direction = word(next + 1)
        let sign: Int
        let base: CalendarDate
        switch direction {
        case "ago": (sign, base) = (-1, reference)
        case "earlier", "before": (sign, base) = (-1, anchor)
        case "later", "after": (sign, base) = (1, anchor)
        default: return nil
        }
        // `two days before the vote`: `before`/`after` only at a clause end.
        if direction == "before" || direction == "after", next + 2 < limit, isLetterWord(next + 2) { return nil }
        var noun = word(next)
        if noun.hasSuffix("s"), Self.timeUnits[noun]?.plural == true { noun = String(noun.dropLast()) }
        if noun == "centurie" { noun = "century" }
        guard Self.timeUnits[noun] != nil else { return nil }
        if noun == "year", count == "1", direction != "later", let quarter = recentQuarter(before: index) {
            // `profit rose in the third quarter from $2 million a year earlier`: that quarter, a year before.
            return Match(
                end: next + 2, value: CalendarDate.pad(quarter.year - 1, 4) + "-Q" + String(quarter.quarter),
                granularity: .quarter, relative: true, derived: true)
        }
        guard let steps = Int(count) else {
            return sign < 0 ? vague("PAST_REF", end: next + 2) : vague("FUTURE_REF", end: next + 2)
        }
        guard steps < 10_000, var match = shifted(unit: noun, by: sign * steps, from: base, end: next + 2) else {
            return nil
        }
        match.relative = true
        return match
    }
}
