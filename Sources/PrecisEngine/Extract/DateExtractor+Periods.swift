extension DateExtractor {
    /// Quarters: `the third quarter` (of the reference year), `third-quarter`, `the fiscal first quarter`, `Q3`,
    /// `Q3 2025`, `the fourth quarter of 2025`; `this`/`last`/`next quarter` are read by `relative`, and `the
    /// quarter`/`the latest quarter` is the last quarter that has ended (the one a results story reports).
    func quarter(at index: Int, limit: Int) -> Match? {
        let first = word(index)
        var number: Int?
        var next = index + 1
        if first.utf8.count == 2, first.hasPrefix("q"), let value = Int(first.dropFirst()), (1...4).contains(value),
            context.tokens[index].kind == .word
        {
            number = value
        } else if first.hasSuffix("-quarter"), let value = Self.quarterOrdinals[String(first.dropLast(8))] {
            number = value
        } else if first == "fiscal", next < limit, let value = Self.quarterOrdinals[word(next)], next + 1 < limit,
            word(next + 1) == "quarter"
        {
            number = value
            next += 2
        } else if let value = Self.quarterOrdinals[first], next < limit, word(next) == "quarter" {
            number = value
            next += 1
        } else if first == "year-earlier" || first == "year-ago" {
            // `the year-earlier quarter`, `year-ago period`: the same quarter (or year) a year before.
            let (year, month) = reference.addingMonths(-3)
            let recent = recentQuarter(before: index)
            let noun = next < limit ? word(next) : ""
            if noun == "quarter" || recent != nil {
                let quarter = recent ?? (year, (month - 1) / 3 + 1)
                var match = Match(
                    end: noun == "quarter" || noun == "period" ? next + 1 : next,
                    value: CalendarDate.pad(quarter.year - 1, 4) + "-Q" + String(quarter.quarter),
                    granularity: .quarter, relative: true, derived: true)
                match.article = true
                return match
            }
            let end = next < limit && word(next) == "period" ? next + 1 : next
            var match = Match(end: end, value: CalendarDate.pad(reference.year - 1, 4), granularity: .year, relative: true)
            match.article = end > next  // `the year-earlier period`, but `the [year-ago] results`
            return match
        } else if first == "year-end" {
            // `at year-end`: the last day of the year, this one's unless that is well ahead.
            let year = self.year(month: 12, day: 31, at: index)
            return Match(end: index + 1, value: CalendarDate.pad(year, 4) + "-12-31", granularity: .day, relative: true)
        } else if first == "weekend" {
            // `the weekend`: the one just past early in the week, else the coming one.
            guard index > 0, word(index - 1) == "the" else { return nil }
            let back = reference.weekday <= 3 ? -7 : 0
            var match = Match(
                end: index + 1, value: reference.adding(days: back).isoWeek + "-WE", granularity: .week, relative: true)
            match.article = true
            return match
        } else if first == "latest" || first == "quarter" || first == "most" {
            // `the quarter`, `the latest quarter`, `the most recent quarter`.
            var end = index + 1
            if first == "latest" { end += 1 } else if first == "most" { end += 2 }
            guard index > 0, word(index - 1) == "the", end <= limit,
                word(end - 1) == "quarter" || first == "latest" && word(end - 1) == "period",
                first != "most" || word(index + 1) == "recent"
            else { return nil }
            if end < limit, word(end) == "of" || context.tokens[end].kind == .number { return nil }
            let (year, month) = reference.addingMonths(-3)
            var match = Match(
                end: end, value: CalendarDate.pad(year, 4) + "-Q" + String((month - 1) / 3 + 1),
                granularity: .quarter, relative: true)
            match.article = true
            return match
        }
        guard let number else { return nil }
        // `the fourth quarter`, written in January, is the one that has just ended.
        var year = reference.year
        if number > (reference.month - 1) / 3 + 1, !looksAhead(before: index) { year -= 1 }
        var relative = true
        var end = next
        let yearIndex = next + 1 < limit && word(next) == "of" ? next + 1 : next
        if let explicit = explicitYear(at: next, limit: limit) {
            (year, end) = explicit
            relative = false
        } else if yearIndex + 1 < limit, yearIndex > next, ["this", "last", "next"].contains(word(yearIndex)),
            word(yearIndex + 1) == "year"
        {
            year += word(yearIndex) == "last" ? -1 : (word(yearIndex) == "next" ? 1 : 0)
            end = yearIndex + 2
        }
        var match = Match(
            end: end, value: CalendarDate.pad(year, 4) + "-Q" + String(number), granularity: .quarter,
            relative: relative)
        match.article = true
        return match
    }

    /// A year written at `index`, or after an `of` there (`1998`, `of 1998`): the year and the token after it.
    func explicitYear(at index: Int, limit: Int) -> (year: Int, end: Int)? {
        let position = index + 1 < limit && word(index) == "of" ? index + 1 : index
        guard position < limit, let year = yearNumber(position) else { return nil }
        return (year, position + 1)
    }

    static let quarterOrdinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]

    /// TimeML's season codes.
    static let seasons: [String: String] = [
        "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
    ]

    /// The season (1 spring … 4 winter) a day is in; January and February belong to the winter of the year before.
    static func seasonIndex(_ month: Int) -> Int { month <= 2 ? 4 : (month <= 5 ? 1 : (month <= 8 ? 2 : (month <= 11 ? 3 : 4))) }

    /// Seasons: `summer 2025`, `the summer of 1998`, `this summer`, `last winter`, `next spring`, `in the fall`:
    /// `2025-SU`, `1998-SU`, `2026-SU` …; `fall` only where it cannot be the verb or the noun (`this fall`,
    /// `in the fall`, `fall 2025`).
    func season(at index: Int, limit: Int) -> Match? {
        var position = index
        var step: Int?
        let first = word(index)
        switch first {
        case "this", "last", "next", "past", "coming":
            step = first == "last" || first == "past" ? -1 : (first == "next" || first == "coming" ? 1 : 0)
            position += 1
        default: break
        }
        guard position < limit, let code = Self.seasons[word(position)] else { return nil }
        let name = word(position)
        var end = position + 1
        var year = anchorYear
        var relative = true
        if let explicit = explicitYear(at: end, limit: limit) {
            (year, end) = explicit
            relative = false
        } else if let step {
            let season = ["SP": 1, "SU": 2, "FA": 3, "WI": 4][code] ?? 1
            let now = Self.seasonIndex(reference.month)
            let nowYear = reference.month <= 2 ? reference.year - 1 : reference.year
            year = nowYear
            if step < 0, season >= now { year -= 1 }
            if step > 0, season <= now { year += 1 }
        } else {
            // A bare season: `in the summer`, `the winter`, `during summer`.
            let before = index > 0 ? word(index - 1) : ""
            guard ["the", "in", "during", "this", "since", "until", "by", "early", "late", "mid"].contains(before),
                name != "fall" || before == "the" && index > 1 && ["in", "during", "since", "until", "by", "this", "that"]
                    .contains(word(index - 2))
            else { return nil }
            if end < limit, word(end) == "of" { return nil }  // `the fall of Rome`
        }
        var match = Match(end: end, value: CalendarDate.pad(year, 4) + "-" + code, granularity: .season, relative: relative)
        match.article = true
        return match
    }
}
