extension DateExtractor {
    /// The year the text is at: the anchor's when more of the text's dates so far lie five years or more from the
    /// reference date than within four (a history: `In 1941, … In July`), else the reference date's.
    var anchorYear: Int { far > near ? anchor.year : reference.year }

    /// The year of a month (and day) written without one at token `index`: in a history the year the text is at;
    /// else the reference year, or the year before when that month is more than two months ahead and nothing before
    /// speaks of the future (`profits fell in October`, written in January), or the year after when the month is
    /// past and something does (`will meet in January`, written in November).
    func year(month: Int, day: Int?, at index: Int) -> Int {
        let year = anchorYear
        guard year == reference.year else { return year }
        // Months from the reference date to the date in the reference year (day 15 for a month alone).
        let delta = Double(month - reference.month) + Double((day ?? 15) - reference.day) / 31
        // `by February`, `through January`: a deadline, ahead of the reference date.
        let deadline = index > 0 && ["by", "through", "until", "till"].contains(word(index - 1))
        if deadline || looksAhead(before: max(index, 0)) {
            return delta < -1 ? year + 1 : year
        }
        return delta > 2 ? year - 1 : year
    }

    /// After a date, the day later anaphora count from (`two days later`, `that year`): a day the text names (or
    /// resolved), or the first day of a year it names outright (`In 1941, …`).
    mutating func moveAnchor(_ match: Match) {
        guard match.type == .date else { return }
        let bytes = Array(match.value.utf8)
        if bytes.count >= 4, bytes[0] != UInt8(ascii: "B"), let year = Int(match.value.prefix(4)) {
            if abs(year - reference.year) < 5 { near += 1 } else { far += 1 }
        } else if match.granularity == .unspecified {
            near += 1  // `now`, `recently`
        }
        if match.granularity == .quarter, !match.derived, bytes.count == 7, let year = Int(match.value.prefix(4)),
            let quarter = Int(match.value.suffix(1))
        {
            lastQuarter = (year, quarter, match.end)
        }
        guard match.mod == nil || match.granularity == .day else { return }
        if match.granularity == .day, let day = CalendarDate(iso: String(match.value.prefix(10))) {
            anchor = day
        } else if !match.relative, bytes.count >= 4, bytes.count <= 7, let year = Int(match.value.prefix(4)),
            year != anchor.year, let day = CalendarDate(year: year, month: 1, day: 1)
        {
            let month = bytes.count == 7 ? Int(match.value.suffix(2)) ?? 1 : 1
            anchor = CalendarDate(year: year, month: month, day: 1) ?? day
        }
    }
}
