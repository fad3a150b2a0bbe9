extension DateExtractor {
    /// The vague references TimeML gives no calendar value: `now`, `currently`, `at present`, `nowadays`
    /// (PRESENT_REF); `recently`, `previously`, `lately`, `the past` (PAST_REF); `the future`, `soon` (FUTURE_REF);
    /// and `recent`/`coming` before a plural unit (`recent years` PAST_REF, `the coming months` FUTURE_REF).
    func reference(at index: Int, limit: Int) -> Match? {
        let first = word(index)
        func next(_ offset: Int) -> String { index + offset < limit ? word(index + offset) : "" }
        switch first {
        case "now", "currently", "presently", "nowadays":
            return vague("PRESENT_REF", end: index + 1)
        case "present":
            return index > 0 && word(index - 1) == "at" ? vague("PRESENT_REF", end: index + 1) : nil
        case "recently", "lately":
            return vague("PAST_REF", end: index + 1)
        case "that", "same":
            return anaphora(first, at: index, limit: limit)
        case "past", "future":
            // `the past`, `in the future`, `the near future`: not `the past week` (a date) or `future plans`.
            let noun = next(1)
            guard index > 0, word(index - 1) == "the" || word(index - 1) == "near" || word(index - 1) == "in",
                index + 1 >= limit || context.tokens[index + 1].kind == .punctuation
                    || Self.vagueFollowers.contains(noun)
            else { return nil }
            var match = vague(first == "past" ? "PAST_REF" : "FUTURE_REF", end: index + 1)
            match.article = word(index - 1) == "the"
            return match
        case "near":
            guard next(1) == "future" else { return nil }
            var match = vague("FUTURE_REF", end: index + 2)
            match.article = true
            return match
        case "recent", "coming", "upcoming":
            guard index + 1 < limit, context.spaced(index, index + 1), let unit = Self.timeUnits[next(1)],
                unit.plural
            else { return nil }
            var match = vague(first == "recent" ? "PAST_REF" : "FUTURE_REF", end: index + 2)
            match.article = true
            return match
        case "these":
            return next(1) == "days" ? vague("PRESENT_REF", end: index + 2) : nil
        case "the":
            // `the year`, `the month`, `the week`, `the fiscal year`: the one the text is at (not `the Year`, `the
            // year of …`).
            let filler = ["fiscal", "full", "calendar"].contains(next(1)) ? 1 : 0
            let noun = next(1 + filler)
            guard noun == "year" || noun == "month" && filler == 0 || noun == "week" && filler == 0,
                !context.isCapitalised(index + 1 + filler), next(2 + filler) != "of"
            else { return nil }
            let end = index + 2 + filler
            if index > 0, ["for", "during", "over", "throughout", "through"].contains(word(index - 1)),
                let unit = Self.timeUnits[noun]
            {
                // `for the year` (a fiscal year's results): the length of it.
                return Match(
                    end: end, value: Self.durationValue("1", unit), granularity: unit.granularity,
                    relative: false, type: .duration, article: true)
            }
            var match = shifted(unit: noun, by: 0, from: anchor, end: end)
            match?.article = true
            return match
        case "christmas", "new", "halloween", "valentine", "boxing":
            return holiday(first, at: index, limit: limit)
        default:
            return nil
        }
    }

    /// Words after `the past`/`the future` that leave it a reference (`in the past, …`, `the past and …`).
    static let vagueFollowers: Set<String> = [
        "and", "or", "but", "as", "when", "is", "was", "will", "has", "had", "have", "to", "for", "in", "with",
        "that", "we", "i", "he", "she", "they", "it", "the", "a", "there", "this", "because", "said", "says", "at",
        "by", "on", "than", "so", "if", "been", "are", "were", "would", "could", "can", "may", "might", "should",
    ]

    /// `that year`, `that day`, `the same month`: the year, month, week or day the text is at.
    private func anaphora(_ first: String, at index: Int, limit: Int) -> Match? {
        guard index + 1 < limit, context.spaced(index, index + 1) else { return nil }
        if first == "same", index == 0 || word(index - 1) != "the" { return nil }
        let noun = word(index + 1)
        guard ["day", "week", "month", "year"].contains(noun), var match = shifted(unit: noun, by: 0, from: anchor, end: index + 2)
        else { return nil }
        if index + 2 < limit, word(index + 2) == "of" || word(index + 2) == "'s" { return nil }  // `that day of rage`
        match.article = first == "same"
        return match
    }

    /// Holidays on a fixed day: `Christmas` (Day, Eve), `New Year's Day` (Eve), `Halloween`, `Valentine's Day`,
    /// `Boxing Day`, in the year a date without one takes.
    private func holiday(_ first: String, at index: Int, limit: Int) -> Match? {
        guard context.isCapitalised(index) else { return nil }
        func next(_ offset: Int) -> String { index + offset < limit ? word(index + offset) : "" }
        var end = index + 1
        var month = 12
        var day = 25
        switch first {
        case "christmas":
            if next(1) == "day" { end += 1 } else if next(1) == "eve" { end += 1; day = 24 }
        case "new":
            guard next(1) == "year" || next(1) == "years", next(2) == "day" || next(2) == "eve" else { return nil }
            (month, day) = next(2) == "day" ? (1, 1) : (12, 31)
            end += 2
        case "halloween": (month, day) = (10, 31)
        case "valentine":
            guard next(1) == "day" else { return nil }
            (month, day, end) = (2, 14, index + 2)
        case "boxing":
            guard next(1) == "day" else { return nil }
            (day, end) = (26, index + 2)
        default: return nil
        }
        let year = self.year(month: month, day: day, at: index)
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return Match(end: end, value: date.iso, granularity: .day, relative: true)
    }

    func vague(_ value: String, end: Int) -> Match {
        Match(end: end, value: value, granularity: .unspecified, relative: true)
    }

    /// Whether token `index` is a word starting with a letter.
    func isLetterWord(_ index: Int) -> Bool {
        let token = context.tokens[index]
        guard token.kind == .word else { return false }
        let byte = context.text.bytes[token.span.start]
        return (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
