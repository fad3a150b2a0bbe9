extension DateExtractor {
    /// A set: `every week`/`each year` (`P1W`/`P1Y`, quant EVERY), `every two weeks` (`P2W`), `every Monday`
    /// (`XXXX-WXX-1`), `each July` (`XXXX-07`), `daily`/`weekly`/`monthly`/`annually`/`hourly` (quant EVERY), and
    /// `on Mondays` (`XXXX-WXX-1`).
    func set(at index: Int, limit: Int) -> Match? {
        let first = word(index)
        switch first {
        case "every", "each":
            guard index + 1 < limit, context.spaced(index, index + 1) else { return nil }
            var next = index + 1
            var count = "1"
            if word(next) == "other" {
                count = "2"
                next += 1
            } else if let (value, after) = self.count(at: next, limit: limit), value != "X", after < limit {
                count = value
                next = after
            }
            guard next < limit else { return nil }
            let noun = word(next)
            if let unit = Self.timeUnits[noun], unit.plural == (count != "1") {
                return every(Self.durationValue(count, unit), unit.granularity, end: next + 1)
            }
            guard count == "1" else { return nil }
            if let weekday = Lexicon.weekdays[noun], context.isCapitalised(next) {
                return every("XXXX-WXX-" + String(weekday), .day, end: next + 1)
            }
            if let month = monthNumber(next), context.tokens[next].kind == .word, context.tokens[next].span.count > 3 {
                return every("XXXX-" + CalendarDate.pad(month, 2), .month, end: next + 1)
            }
            if let part = Self.partsOfDay[noun] {
                return every("XXXX-XX-XX" + part, .time, end: next + 1)
            }
            return nil
        case "daily", "nightly": return every("P1D", .day, end: index + 1)
        case "weekly": return every("P1W", .week, end: index + 1)
        case "monthly": return every("P1M", .month, end: index + 1)
        case "annually", "yearly": return every("P1Y", .year, end: index + 1)
        case "hourly": return every("PT1H", .time, end: index + 1)
        case "per":
            // `$20 per day`: a set without a quantifier.
            guard index + 1 < limit, let unit = Self.timeUnits[word(index + 1)], !unit.plural else { return nil }
            return Match(
                end: index + 2, value: Self.durationValue("1", unit), granularity: unit.granularity, relative: false,
                type: .set)
        default:
            break
        }
        // `on Mondays`, `Sundays`: a plural weekday after `on`.
        guard first.hasSuffix("s"), context.isCapitalised(index), index > 0, word(index - 1) == "on",
            let weekday = Lexicon.weekdays[String(first.dropLast())]
        else { return nil }
        return every("XXXX-WXX-" + String(weekday), .day, end: index + 1)
    }

    private func every(_ value: String, _ granularity: DateGranularity, end: Int) -> Match {
        Match(end: end, value: value, granularity: granularity, relative: false, type: .set, quant: "EVERY")
    }

    /// `twice a week`, `once a month`, `three times a year`, `twice daily`: a set with `freq` (`2X`).
    func frequency(at index: Int, limit: Int) -> Match? {
        let first = word(index)
        var times: Int
        var next = index + 1
        switch first {
        case "once": times = 1
        case "twice": times = 2
        case "thrice": times = 3
        default:
            guard let (value, after) = count(at: index, limit: limit), let number = Int(value), number < 1000,
                after < limit, word(after) == "times"
            else { return nil }
            times = number
            next = after + 1
        }
        guard next < limit else { return nil }
        var per = next
        if ["a", "an", "per", "each", "every"].contains(word(per)), per + 1 < limit { per += 1 }
        let noun = word(per)
        if per > next, let unit = Self.timeUnits[noun], !unit.plural {
            return Match(
                end: per + 1, value: Self.durationValue("1", unit), granularity: unit.granularity, relative: false,
                type: .set, freq: String(times) + "X")
        }
        let adverbs = ["daily": ("P1D", DateGranularity.day), "weekly": ("P1W", .week), "monthly": ("P1M", .month),
            "yearly": ("P1Y", .year), "annually": ("P1Y", .year)]
        if per == next, let (value, granularity) = adverbs[noun] {
            return Match(
                end: per + 1, value: value, granularity: granularity, relative: false, type: .set,
                freq: String(times) + "X")
        }
        return nil
    }
}
