extension DateExtractor {
    /// TimeML's codes for parts of the day.
    static let partsOfDay: [String: String] = [
        "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI",
    ]

    /// Time zones written after a time of day; they belong to its span (`5 p.m. EST`).
    static let timeZones: Set<String> = [
        "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "et", "pt", "ct",
    ]

    /// `11 a.m.`, `10:30 pm`, `7.15 p.m.`, `15:30 GMT` as a time of day on the day the sentence speaks of (the
    /// reference date unless a date is written just after: `10 p.m. Wednesday`): `2026-11-24T22:30`, type TIME.
    func timeOfDay(at index: Int, limit: Int) -> Match? {
        guard let hour = context.integer(index), (0...23).contains(hour), context.tokens[index].span.count <= 2 else {
            return nil
        }
        var next = index + 1
        var minute = 0
        var hasMinutes = false
        if next + 1 < limit, context.touching(index, next),
            context.isPunctuation(next, ":") || context.isPunctuation(next, "."),
            context.touching(next, next + 1), context.tokens[next + 1].span.count == 2,
            let value = context.integer(next + 1), value < 60
        {
            minute = value
            hasMinutes = true
            next += 2
        }
        var clock: Int
        if next < limit, let afternoon = meridiem(next), (1...12).contains(hour) {
            clock = hour % 12 + (afternoon ? 12 : 0)
            next += 1
        } else if hasMinutes, context.isPunctuation(index + 1, ":"),
            next < limit && Self.timeZones.contains(word(next))
                || index > 0 && ["at", "around", "about", "by", "from", "until", "before", "after"].contains(word(index - 1))
        {
            clock = hour  // `15:30 GMT`, `at 09:45`
        } else {
            return nil
        }
        if next < limit, Self.timeZones.contains(word(next)) { next += 1 }
        let time = "T" + CalendarDate.pad(clock, 2) + ":" + CalendarDate.pad(minute, 2)
        return onDay(time, after: next, limit: limit)
    }

    /// A time of day (`T15:00`) on the date written right after it (`noon Saturday`, `5 p.m. Nov. 9`), else on the
    /// reference date.
    private func onDay(_ time: String, after index: Int, limit: Int) -> Match {
        var next = index
        // `10 p.m. Wednesday` reads as two sentences after the abbreviation; the weekday still belongs here.
        let limit = index == limit && index > 0 && context.tokens[index - 1].kind == .abbreviation
            ? min(limit + 1, context.tokens.count) : limit
        if next < limit, context.isPunctuation(next, ",") { next += 1 }
        if next < limit, word(next) == "on" { next += 1 }
        if next < limit, next > index || context.spaced(index - 1, next), let date = dayAfter(next, limit: limit) {
            return Match(end: date.end, value: date.value + time, granularity: .time, relative: date.relative, type: .time)
        }
        return Match(end: index, value: reference.iso + time, granularity: .time, relative: true, type: .time)
    }

    /// A day written after a time: a weekday, a month and day, `yesterday`, `today`, `tomorrow` (read without
    /// looking further for times, so chains of times stay linear).
    private func dayAfter(_ index: Int, limit: Int) -> Match? {
        if context.tokens[index].kind == .word || context.tokens[index].kind == .abbreviation,
            context.text.isUppercase(at: context.tokens[index].span.start)
        {
            let date = weekday(at: index, modifier: nil, limit: limit) ?? monthFirst(at: index, limit: limit)
            return date?.granularity == .day ? date : nil
        }
        switch word(index) {
        case "yesterday": return day(-1, end: index + 1)
        case "today": return day(0, end: index + 1)
        case "tomorrow": return day(1, end: index + 1)
        default: return nil
        }
    }

    /// A date followed by a part of the day or a time (`Friday morning`, `yesterday afternoon`, `Monday at 3 p.m.`
    /// stays two expressions) becomes one TIME: `2026-11-20TMO`.
    func withTime(_ match: Match, limit: Int) -> Match {
        guard match.type == .date, match.granularity == .day, match.end < limit,
            context.spaced(match.end - 1, match.end), let part = Self.partsOfDay[word(match.end)]
        else { return match }
        return partOfDay(match, part, end: match.end + 1)
    }

    /// `match` (a day) at a part of the day: type TIME, value `2026-11-24TNI`.
    func partOfDay(_ match: Match, _ part: String, end: Int) -> Match {
        var result = match
        result.end = end
        result.value = match.value + part
        result.granularity = .time
        result.type = .time
        return result
    }

    /// Whether token `index` is `a.m.`/`am` (false) or `p.m.`/`pm` (true); `nil` otherwise.
    private func meridiem(_ index: Int) -> Bool? {
        let token = context.tokens[index]
        guard token.kind == .word || token.kind == .abbreviation, token.span.count <= 4 else { return nil }
        switch context.lowercased(index) {
        case "a.m.", "a.m", "am": return false
        case "p.m.", "p.m", "pm": return true
        default: return nil
        }
    }

    /// `noon`, `midday`, `midnight`, on the date written right after them or the reference date.
    func namedTime(_ word: String, at index: Int, limit: Int) -> Match? {
        switch word {
        case "noon", "midday": return onDay("T12:00", after: index + 1, limit: limit)
        case "midnight": return onDay("T24:00", after: index + 1, limit: limit)
        default: return nil
        }
    }

    /// `13th century`, `21st-century` as ISO century `12`, `20` (granularity `century`).
    func century(at index: Int, limit: Int) -> Match? {
        let token = context.tokens[index]
        guard token.kind == .number, (3...4).contains(token.span.count), index + 1 < limit else { return nil }
        let bytes = context.text.bytes
        var value = 0
        var position = token.span.start
        while position < token.span.end, isASCIIDigit(bytes[position]) {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        guard token.span.end - position == 2, (1...30).contains(value) else { return nil }
        var next = index + 1
        if next + 1 < limit, context.isPunctuation(next, "-"), context.touching(index, next) { next += 1 }
        guard context.tokens[next].kind == .word, context.lowercased(next) == "century" else { return nil }
        var match = Match(end: next + 1, value: CalendarDate.pad(value - 1, 2), granularity: .century, relative: false)
        match.article = true
        return match
    }

    /// `last November`, `next March`, `this June`: the month before, after or in the reference date's year.
    func modifiedMonth(_ modifier: String, at index: Int) -> Match? {
        guard let month = monthNumber(index), context.tokens[index].kind == .word else { return nil }
        var year = reference.year
        switch modifier {
        case "last": if month >= reference.month - 1 { year -= 1 }  // `last February`, said on 1 March: a year ago
        case "next": if month <= reference.month { year += 1 }
        default: break
        }
        return Match(
            end: index + 1,
            value: CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2),
            granularity: .month,
            relative: true
        )
    }
}
