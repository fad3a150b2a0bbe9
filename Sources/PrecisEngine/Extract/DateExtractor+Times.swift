extension DateExtractor {
    /// `11 a.m.`, `10:30 pm`, `7.15 p.m.` as a time of day, ISO `T11:00`, `T22:30` (granularity `time`; the day
    /// is not known from the time alone).
    func timeOfDay(at index: Int, limit: Int) -> Match? {
        guard let hour = context.integer(index), (1...12).contains(hour) else { return nil }
        var next = index + 1
        var minute = 0
        if next + 1 < limit, context.touching(index, next),
            context.isPunctuation(next, ":") || context.isPunctuation(next, "."),
            context.touching(next, next + 1), context.tokens[next + 1].span.count == 2,
            let value = context.integer(next + 1), value < 60
        {
            minute = value
            next += 2
        }
        guard next < limit, let afternoon = meridiem(next) else { return nil }
        let value = "T" + CalendarDate.pad(hour % 12 + (afternoon ? 12 : 0), 2) + ":" + CalendarDate.pad(minute, 2)
        return Match(end: next + 1, value: value, granularity: .time, relative: false)
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

    /// `noon`, `midday`, `midnight`.
    func namedTime(_ word: String, at index: Int) -> Match? {
        switch word {
        case "noon", "midday": return Match(end: index + 1, value: "T12:00", granularity: .time, relative: false)
        case "midnight": return Match(end: index + 1, value: "T00:00", granularity: .time, relative: false)
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
        return Match(end: next + 1, value: CalendarDate.pad(value - 1, 2), granularity: .century, relative: false)
    }

    /// `last November`, `next March`, `this June`: the month before, after or in the reference date's year.
    func modifiedMonth(_ modifier: String, at index: Int) -> Match? {
        guard let month = monthNumber(index), context.tokens[index].kind == .word else { return nil }
        var year = reference.year
        switch modifier {
        case "last": if month >= reference.month { year -= 1 }
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
