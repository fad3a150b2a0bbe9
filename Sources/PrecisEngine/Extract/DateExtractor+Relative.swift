extension DateExtractor {
    /// A weekday, optionally after `last`/`next`/`this` and optionally followed by an explicit date.
    func weekday(at index: Int, modifier: String?, limit: Int) -> Match? {
        var name = context.lowercased(index)
        if context.isPossessive(index), name.hasSuffix("'s") || name.hasSuffix("\u{2019}s") {
            name.removeLast(2)  // two characters, whichever apostrophe
        }
        guard context.tokens[index].kind == .word, let weekday = Lexicon.weekdays[name] else { return nil }
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
                let word = context.lowercased(position)
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
        "until", "till", "ahead",
    ]

    /// `yesterday`, `today`, `tonight`, `tomorrow`, and `last`/`next`/`this` + weekday, week, month or year.
    func relative(at index: Int, limit: Int) -> Match? {
        guard context.tokens[index].kind == .word, context.tokens[index].span.count <= 9 else { return nil }
        var word = context.lowercased(index)
        if context.isPossessive(index) { word.removeLast(2) }  // `today's talks`
        switch word {
        case "yesterday": return day(-1, end: index + 1)
        case "today", "tonight": return day(0, end: index + 1)
        case "tomorrow": return day(1, end: index + 1)
        case "last", "next", "this": break
        default: return namedTime(word, at: index) ?? ago(at: index, limit: limit)
        }
        guard index + 1 < limit, context.spaced(index, index + 1) else { return nil }
        if let match = weekday(at: index + 1, modifier: word, limit: limit) { return match }
        if let match = modifiedMonth(word, at: index + 1) { return match }
        let step = word == "last" ? -1 : (word == "next" ? 1 : 0)
        switch context.lowercased(index + 1) {
        case "week":
            let value = reference.adding(days: 7 * step).isoWeek
            return Match(end: index + 2, value: value, granularity: .week, relative: true)
        case "month":
            let (year, month) = reference.addingMonths(step)
            let value = CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2)
            return Match(end: index + 2, value: value, granularity: .month, relative: true)
        case "year":
            return Match(
                end: index + 2,
                value: CalendarDate.pad(reference.year + step, 4),
                granularity: .year,
                relative: true
            )
        default:
            return nil
        }
    }

    private func day(_ offset: Int, end: Int) -> Match {
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
        let value = String(decoding: bytes[token.span.start..<(token.span.start + 3)], as: UTF8.self) + "X"
        return Match(end: index + 1, value: value, granularity: .decade, relative: false)
    }

    /// A four-digit year from 1800 to 2199 after a preposition or before punctuation or the sentence end.
    func year(at index: Int, limit: Int) -> Match? {
        guard let year = yearNumber(index), (1800...2199).contains(year) else { return nil }
        let afterPreposition =
            index > 0 && context.tokens[index - 1].kind == .word
            && Self.yearPrepositions.contains(context.lowercased(index - 1))
        let beforeBreak = index + 1 >= limit || !context.tokens[index + 1].kind.isWordLike
        guard afterPreposition || beforeBreak || afterDeterminer(index, year: year, limit: limit) else { return nil }
        return Match(end: index + 1, value: CalendarDate.pad(year, 4), granularity: .year, relative: false)
    }

    /// `a 1980 coup`, `the 2006 season`, `its 2008 budget`: a year from 1900 to 2099 after a determiner, unless the
    /// next word is a plural (`the 2000 soldiers` is a count).
    private func afterDeterminer(_ index: Int, year: Int, limit: Int) -> Bool {
        guard (1900...2099).contains(year), index > 0, index + 1 < limit, context.tokens[index + 1].kind == .word,
            !context.isCapitalised(index + 1)
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

    /// `two weeks ago`, `3 days ago`, `several years ago`: a count (a number, a number word, `a`, `a few`,
    /// `several`) of days, weeks, months or years before the reference date.
    func ago(at index: Int, limit: Int) -> Match? {
        var next = index
        var count: Int
        let word = context.lowercased(index)
        if let value = context.integer(index) {
            count = value
        } else if let value = Lexicon.numberWords[word] {
            count = Int(value)
        } else if word == "several" || word == "few" {
            count = 3
        } else if word == "a" || word == "an" {
            count = 1
            if next + 1 < limit, context.lowercased(next + 1) == "few" {
                next += 1
                count = 3
            }
        } else {
            return nil
        }
        guard next + 2 < limit, context.spaced(next, next + 1), context.spaced(next + 1, next + 2),
            context.lowercased(next + 2) == "ago"
        else { return nil }
        switch context.lowercased(next + 1) {
        case "day", "days": return day(-count, end: next + 3)
        case "week", "weeks":
            return Match(end: next + 3, value: reference.adding(days: -7 * count).isoWeek, granularity: .week, relative: true)
        case "month", "months":
            let (year, month) = reference.addingMonths(-count)
            let value = CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2)
            return Match(end: next + 3, value: value, granularity: .month, relative: true)
        case "year", "years":
            return Match(end: next + 3, value: CalendarDate.pad(reference.year - count, 4), granularity: .year, relative: true)
        default: return nil
        }
    }
}
