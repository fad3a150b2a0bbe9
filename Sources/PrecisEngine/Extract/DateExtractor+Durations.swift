extension DateExtractor {
    /// A unit of time as TimeML writes it in a duration: `P2M` is two months, `PT3H` three hours.
    struct TimeUnit {
        /// The duration letter: `Y`, `M`, `W`, `D`, `H`, `S`, `DE` (decade), `CE` (century), `Q`, `WE`.
        var letter: String
        /// Whether it is a unit of the clock (`PT` rather than `P`).
        var clock: Bool
        var granularity: DateGranularity
        var plural: Bool
    }

    static let timeUnits: [String: TimeUnit] = {
        var units: [String: TimeUnit] = [:]
        let table: [(String, String, String, Bool, DateGranularity)] = [
            ("second", "seconds", "S", true, .time), ("minute", "minutes", "M", true, .time),
            ("hour", "hours", "H", true, .time), ("day", "days", "D", false, .day),
            ("week", "weeks", "W", false, .week), ("month", "months", "M", false, .month),
            ("year", "years", "Y", false, .year), ("decade", "decades", "DE", false, .decade),
            ("century", "centuries", "CE", false, .century), ("quarter", "quarters", "Q", false, .quarter),
            ("weekend", "weekends", "WE", false, .day),
        ]
        for (singular, plural, letter, clock, granularity) in table {
            units[singular] = TimeUnit(letter: letter, clock: clock, granularity: granularity, plural: false)
            units[plural] = TimeUnit(letter: letter, clock: clock, granularity: granularity, plural: true)
        }
        return units
    }()

    /// `P2M`, `PT3H`, `PXY`.
    static func durationValue(_ count: String, _ unit: TimeUnit) -> String {
        // `two decades` is `P20Y`, `three centuries` `P300Y`; `decades` stays `PXDE`.
        if let number = Int(count), unit.letter == "DE" || unit.letter == "CE" {
            return "P" + String(number * (unit.letter == "DE" ? 10 : 100)) + "Y"
        }
        return (unit.clock ? "PT" : "P") + count + unit.letter
    }

    /// Words between a count and its unit that leave it a duration (`three straight days`, `20 more years`).
    static let durationFillers: Set<String> = [
        "more", "additional", "further", "full", "straight", "consecutive", "successive", "long", "whole", "entire",
        "extra", "calendar", "fiscal", "previous", "next", "last", "past", "first",
    ]

    /// Words that make `DET N units` one duration with its determiner (`the past five years`, `the next few days`,
    /// `the first nine months`); alone before a singular unit they name a date (`the past week`).
    static let spanDeterminers: Set<String> = [
        "past", "last", "next", "previous", "coming", "following", "first", "final", "initial", "latter",
        "preceding", "ensuing", "remaining",
    ]

    /// A duration: a count and a unit (`two months`, `3 years`, `a week`, `several days`, `a few hours`,
    /// `twenty four hours`, `the nine months`), after a determiner (`the past five years`, `the next few days`,
    /// `past 20 years`), or a bare plural after `for`/`over`/`in` (`for years`: `PXY`). `past`/`last`/`next` before a
    /// singular unit is the date of that unit (`the past week`, `the coming year`).
    func duration(at index: Int, limit: Int) -> Match? {
        let first = word(index)
        if Self.spanDeterminers.contains(first), index + 1 < limit, context.spaced(index, index + 1) {
            return determined(first, at: index, limit: limit)
        }
        if first == "the", index + 1 < limit, let (count, next) = count(at: index + 1, limit: limit),
            var match = unitAfter(count: count, at: next, limit: limit)
        {
            match.article = true  // `the nine months`, `the four days`
            return match
        }
        if let unit = Self.timeUnits[first], unit.plural, index > 0, isLetterWord(index),
            ["for", "over", "in", "within", "took", "take", "takes", "spent", "lasted"].contains(word(index - 1))
        {
            guard index + 1 >= limit || word(index + 1) != "of" else { return nil }  // `for years of war`
            return Match(
                end: index + 1, value: Self.durationValue("X", unit), granularity: unit.granularity, relative: false,
                type: .duration)
        }
        guard let (count, next) = count(at: index, limit: limit) else { return nil }
        if let match = numberHyphen(at: index, limit: limit) { return match }
        if count == "1", first == "a" || first == "an", next < limit, word(next) == "second" { return nil }  // `a second time`
        if first == "one", next < limit, word(next) == "day", index == 0 || word(index - 1) != "for" {
            return nil  // `one day` is "some day" unless it is `for one day`
        }
        return unitAfter(count: count, at: next, limit: limit)
    }

    /// `past five years`, `next few days`, `first nine months` (durations, with `the` before them); `past week`,
    /// `coming year` (dates).
    private func determined(_ determiner: String, at index: Int, limit: Int) -> Match? {
        if let (count, next) = count(at: index + 1, limit: limit), !(determiner == "last" && count == "1"),
            var match = unitAfter(count: count, at: next, limit: limit), match.type == .duration
        {
            match.article = true
            return match
        }
        let noun = word(index + 1)
        guard let unit = Self.timeUnits[noun] else { return nil }
        if unit.plural {
            // `the past months`, `recent weeks`: some of that unit.
            guard ["past", "last", "next", "coming", "previous", "following", "first"].contains(determiner),
                index > 0, word(index - 1) == "the"
            else { return nil }
            return Match(
                end: index + 2, value: Self.durationValue("X", unit), granularity: unit.granularity, relative: false,
                type: .duration, article: true)
        }
        let step: Int
        switch determiner {
        case "past", "last", "previous", "preceding": step = -1
        case "next", "coming", "following", "ensuing": step = 1
        default: return nil
        }
        // `last week` without `the` is read by `relative`; here `the past week`, `the following year`.
        guard index > 0, word(index - 1) == "the" || determiner == "past" || determiner == "coming" else {
            return nil
        }
        // `the following day`, `the next day` count from the date the text is at; `the past week` from today.
        let anaphoric = ["following", "ensuing", "preceding", "previous"].contains(determiner)
            || (determiner == "next" && word(index - 1) == "the")
        let base = anaphoric ? anchor : reference
        guard var match = shifted(unit: noun, by: step, from: base, end: index + 2) else { return nil }
        match.article = true
        return match
    }

    /// The date `step` units of `unit` from `base`: the week, month, quarter, year or decade (or the day).
    func shifted(unit: String, by step: Int, from base: CalendarDate, end: Int) -> Match? {
        switch unit {
        case "day": return Match(end: end, value: base.adding(days: step).iso, granularity: .day, relative: true)
        case "week":
            return Match(end: end, value: base.adding(days: 7 * step).isoWeek, granularity: .week, relative: true)
        case "month":
            let (year, month) = base.addingMonths(step)
            let value = CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2)
            return Match(end: end, value: value, granularity: .month, relative: true)
        case "quarter":
            let (year, month) = base.addingMonths(3 * step)
            let value = CalendarDate.pad(year, 4) + "-Q" + String((month - 1) / 3 + 1)
            return Match(end: end, value: value, granularity: .quarter, relative: true)
        case "year":
            return Match(end: end, value: CalendarDate.pad(base.year + step, 4), granularity: .year, relative: true)
        case "decade":
            return Match(end: end, value: String(base.year / 10 + step), granularity: .decade, relative: true)
        default: return nil
        }
    }

    /// The unit after a count (with at most one filler between: `three straight days`), as a duration.
    func unitAfter(count: String, at index: Int, limit: Int) -> Match? {
        var position = index
        if position < limit, Self.durationFillers.contains(word(position)), position + 1 < limit,
            Self.timeUnits[word(position + 1)] != nil
        {
            position += 1
        }
        guard position < limit, let unit = Self.timeUnits[word(position)],
            position == index || context.spaced(position - 1, position)
        else { return nil }
        if position + 1 < limit, unit.granularity == .day, !unit.plural, word(position + 1) == "of" { return nil }
        var end = position + 1
        // `a minute and a half`, `two and a half years` are left as written: only `N units` is read.
        if end + 1 < limit, word(end) == "or", word(end + 1) == "so" { end += 2 }
        return Match(
            end: end, value: Self.durationValue(count, unit), granularity: unit.granularity, relative: false,
            type: .duration)
    }

    /// A count of units at `index`: digits (`3`, `2.5`), number words (`two`, `twenty four`, `twenty-four`,
    /// `two hundred`), `a`/`an` (1), or a vague count (`several`, `a few`, `some`, `many`, `a couple of`: `X`); and
    /// the token after it.
    func count(at index: Int, limit: Int) -> (String, Int)? {
        let token = context.tokens[index]
        if token.kind == .number {
            if let value = context.integer(index), value < 100_000 { return (String(value), index + 1) }
            return decimal(index).map { ($0, index + 1) }
        }
        let first = word(index)
        guard !first.isEmpty, index + 1 < limit else { return nil }
        switch first {
        case "a", "an":
            switch word(index + 1) {
            case "few", "couple":
                let skip = word(index + 2) == "of" ? 3 : 2
                return index + skip < limit ? (word(index + 1) == "couple" ? "2" : "X", index + skip) : nil
            default: return ("1", index + 1)
            }
        case "several", "few", "many", "some", "various", "numerous":
            return ("X", index + 1)
        case "couple":
            return word(index + 1) == "of" ? ("2", index + 2) : nil
        default:
            break
        }
        guard var value = numberWord(first) else { return nil }
        var next = index + 1
        if value >= 20, value % 10 == 0, value < 100, next < limit, let units = numberWord(word(next)), units < 10 {
            value += units
            next += 1
        }
        if next < limit, let scale = Lexicon.scaleWords[word(next)], scale < 1e6 {
            value *= Int(scale)
            next += 1
        }
        return (String(value), next)
    }

    /// `two`, `twenty-four` (number words up to 99).
    func numberWord(_ text: String) -> Int? {
        if let value = Lexicon.numberWords[text], value >= 1 { return Int(value) }
        guard text.utf8.contains(UInt8(ascii: "-")), let dash = text.firstIndex(of: "-") else { return nil }
        guard let tens = Lexicon.numberWords[String(text[..<dash])], tens >= 20, tens < 100,
            let units = Lexicon.numberWords[String(text[text.index(after: dash)...])], units >= 1, units < 10
        else { return nil }
        return Int(tens + units)
    }

    /// A decimal number token (`2.5`) as written.
    private func decimal(_ index: Int) -> String? {
        let span = context.tokens[index].span
        guard span.count <= 8 else { return nil }
        let bytes = context.text.bytes[span.start..<span.end]
        guard bytes.allSatisfy({ isASCIIDigit($0) || $0 == UInt8(ascii: ".") }),
            bytes.filter({ $0 == UInt8(ascii: ".") }).count == 1, bytes.last != UInt8(ascii: ".")
        else { return nil }
        return context.text.string(span)
    }

    /// `10-year`, `52-week` written as a number, a hyphen and a singular unit (three tokens); not ages
    /// (`8-year-old`).
    private func numberHyphen(at index: Int, limit: Int) -> Match? {
        guard index + 2 < limit, context.tokens[index].kind == .number, let count = context.integer(index), count > 0,
            context.isPunctuation(index + 1, "-"), context.touching(index, index + 1),
            context.touching(index + 1, index + 2), let unit = Self.timeUnits[word(index + 2)], !unit.plural
        else { return nil }
        if index + 3 < limit, context.isPunctuation(index + 3, "-") { return nil }
        return Match(
            end: index + 3, value: Self.durationValue(String(count), unit), granularity: unit.granularity,
            relative: false, type: .duration)
    }

    /// `two-year`, `10-hour`, `four-day`, `52-week` (one hyphenated word) as a duration; not ages (`8-year-old`).
    func hyphenated(at index: Int) -> Match? {
        let text = word(index)
        guard text.utf8.contains(UInt8(ascii: "-")), let dash = text.firstIndex(of: "-"), let unit = Self.timeUnits[String(text[text.index(after: dash)...])],
            !unit.plural
        else { return nil }
        let head = String(text[..<dash])
        let count: Int
        if let digits = Int(head), digits > 0, digits < 10_000 {
            count = digits
        } else if let value = numberWord(head) {
            count = value
        } else if head == "several" || head == "multi" {
            return Match(
                end: index + 1, value: Self.durationValue("X", unit), granularity: unit.granularity, relative: false,
                type: .duration)
        } else {
            return nil
        }
        return Match(
            end: index + 1, value: Self.durationValue(String(count), unit), granularity: unit.granularity,
            relative: false, type: .duration)
    }
}
