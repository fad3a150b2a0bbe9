extension DateExtractor {
    /// A modifier and the expression it modifies, as one TIMEX3 with a `mod`: `about two years` (APPROX),
    /// `more than four hours` (MORE_THAN), `early 2025` (START), `mid-November`, `the end of 1990` (END),
    /// `earlier this year`; or `the` before an expression that takes it (`the 1990s`, `the third quarter`).
    /// Bounds (`more than`, `up to`, `some`) modify only durations; parts (`early`, `the end of`) only dates.
    func modified(at index: Int, limit: Int) -> Match? {
        let first = word(index)
        guard !first.isEmpty else { return nil }
        if first.hasPrefix("mid-") { return midWord(at: index, limit: limit) }
        guard let (mod, next, kind) = modifier(first, at: index, limit: limit), next < limit,
            var match = plain(at: next, limit: limit) ?? modifiedInner(at: next, limit: limit)
                ?? (kind == .part ? theUnit(at: next, limit: limit) : nil)
        else { return nil }
        switch kind {
        case .article:
            guard match.article else { return nil }
        case .bound:
            // Durations, and counted dates (`almost two years ago`); `about`/`around` also before other dates.
            guard match.type == .duration || (mod == .approx && match.type != .set)
                || match.type == .date && count(at: next, limit: limit) != nil
            else { return nil }
        case .label:
            guard match.granularity == .year || match.granularity == .quarter else { return nil }
        case .part:
            guard match.type == .date || match.type == .time, match.granularity != .unspecified else { return nil }
        case .shift:
            guard match.relative, match.type == .date, context.lowercased(next) != "the" else { return nil }
        }
        if let mod { match.mod = mod }
        return match
    }

    enum ModifierKind { case article, bound, part, shift, label }

    /// `the year`, `the month`, `the week` after a part modifier (`the end of the year`): the one the text is at.
    private func theUnit(at index: Int, limit: Int) -> Match? {
        guard index + 1 < limit, word(index) == "the" else { return nil }
        let noun = word(index + 1)
        guard ["week", "month", "year", "decade", "century"].contains(noun), noun != "century" else { return nil }
        return shifted(unit: noun, by: 0, from: anchor, end: index + 2)
    }

    /// `the early 1980s`: `the` and a part modifier before an expression that takes the article.
    private func modifiedInner(at index: Int, limit: Int) -> Match? {
        let first = word(index)
        guard first == "early" || first == "late" || first == "mid", index + 1 < limit,
            var match = plain(at: index + 1, limit: limit), match.article
        else { return nil }
        match.mod = first == "early" ? .start : (first == "late" ? .end : .mid)
        return match
    }

    /// The modifier starting at `index` (its mod, the token after it, what it may modify), or `nil`.
    private func modifier(_ first: String, at index: Int, limit: Int) -> (TimexMod?, Int, ModifierKind)? {
        func next(_ offset: Int) -> String { index + offset < limit ? word(index + offset) : "" }
        switch first {
        case "the":
            switch next(1) {
            case "end", "close": return next(2) == "of" ? (.end, index + 3, .part) : nil
            case "beginning", "start": return next(2) == "of" ? (.start, index + 3, .part) : nil
            case "middle": return next(2) == "of" ? (.mid, index + 3, .part) : nil
            default: return (nil, index + 1, .article)
            }
        case "end": return next(1) == "of" ? (.end, index + 2, .part) : nil
        case "beginning", "start": return next(1) == "of" ? (.start, index + 2, .part) : nil
        case "fiscal": return (nil, index + 1, .label)  // `fiscal 1989`
        case "early": return (.start, index + 1, .part)
        case "late": return (.end, index + 1, .part)
        case "mid": return (.mid, index + 1, .part)
        case "earlier", "later": return (nil, index + 1, .shift)
        case "about", "around", "approximately", "roughly", "some", "circa":
            return (.approx, index + 1, .bound)
        case "nearly", "almost": return (.lessThan, index + 1, .bound)
        case "over": return (.moreThan, index + 1, .bound)
        case "under": return (.lessThan, index + 1, .bound)
        case "more", "less", "fewer":
            guard next(1) == "than" else { return nil }
            return (first == "more" ? .moreThan : .lessThan, index + 2, .bound)
        case "at":
            switch next(1) {
            case "least": return (.equalOrMore, index + 2, .bound)
            case "most": return (.equalOrLess, index + 2, .bound)
            default: return nil
            }
        case "up": return next(1) == "to" ? (.equalOrLess, index + 2, .bound) : nil
        case "no":
            guard next(2) == "than" else { return nil }
            switch next(1) {
            case "more": return (.equalOrLess, index + 3, .bound)
            case "less", "fewer": return (.equalOrMore, index + 3, .bound)
            default: return nil
            }
        case "just", "well":
            switch next(1) {
            case "over": return (.moreThan, index + 2, .bound)
            case "under": return (.lessThan, index + 2, .bound)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `mid-1996`, `mid-November`, `mid-1990s` as one word: the year, month or decade with mod MID.
    private func midWord(at index: Int, limit: Int) -> Match? {
        let span = context.tokens[index].span
        let rest = context.text.lowercased((span.start + 4)..<span.end)
        var match: Match
        if let month = Lexicon.months[rest] {
            match = Match(
                end: index + 1,
                value: CalendarDate.pad(year(month: month, day: nil, at: index), 4) + "-" + CalendarDate.pad(month, 2),
                granularity: .month,
                relative: true
            )
            if index + 1 < limit, context.spaced(index, index + 1), let year = yearNumber(index + 1) {
                match.end = index + 2
                match.value = CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2)
                match.relative = false
            }
        } else if rest.utf8.count == 4, let year = Int(rest), (1000...2999).contains(year) {
            match = Match(end: index + 1, value: rest, granularity: .year, relative: false)
        } else if rest.utf8.count == 5, rest.hasSuffix("0s"), let year = Int(rest.dropLast()) {
            match = Match(end: index + 1, value: String(year / 10), granularity: .decade, relative: false)
        } else {
            return nil
        }
        match.mod = .mid
        return match
    }
}
