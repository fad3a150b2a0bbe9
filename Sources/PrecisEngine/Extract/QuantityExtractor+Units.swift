extension QuantityExtractor {
    /// What follows a number ending before token `index`: `%`, `percent`, a currency, a unit or a counted noun.
    func unit(after index: Int, limit: Int, value: Double) -> Match {
        guard index < limit else { return Match(end: index, kind: .number, value: value) }
        let token = context.tokens[index]
        if token.kind == .symbol, context.touching(index - 1, index), context.text.bytes[token.span.start] == 0x25 {
            return Match(end: index + 1, kind: .percent, value: value)
        }
        guard context.spaced(index - 1, index), token.kind == .word, token.span.count <= 20 else {
            return Match(end: index, kind: .number, value: value)
        }
        let word = context.lowercased(index)
        if word == "percent" || word == "pct" {
            return Match(end: index + 1, kind: .percent, value: value)
        }
        if word == "per", index + 1 < limit, context.spaced(index, index + 1), context.lowercased(index + 1) == "cent" {
            return Match(end: index + 2, kind: .percent, value: value)
        }
        if let code = Lexicon.currencyWords[word] {
            return Match(end: index + 1, kind: .money, value: value, unit: code, unitSpan: token.span)
        }
        if Lexicon.units.contains(word) {
            return Match(end: index + 1, kind: .measure, value: value, unit: word, unitSpan: token.span)
        }
        if context.text.isLowercase(at: token.span.start), !Lexicon.stopWords.contains(word),
            Lexicon.numberWords[word] == nil, Lexicon.scaleWords[word] == nil
        {
            return Match(end: index + 1, kind: .count, value: value, unit: word, unitSpan: token.span)
        }
        return Match(end: index, kind: .number, value: value)
    }

    /// Number words (`two million`, `a dozen`) and ordinal words (`third`).
    func words(at index: Int, limit: Int) -> Match? {
        guard context.tokens[index].kind == .word, context.tokens[index].span.count <= 9 else { return nil }
        let first = context.lowercased(index)
        if let ordinal = Lexicon.ordinalWords[first] {
            if first == "second", index == 0 || context.lowercased(index - 1) != "the" { return nil }
            return Match(end: index + 1, kind: .ordinal, value: ordinal)
        }
        if first == "one", index > 0,
            ["no", "any", "every", "some", "the", "this", "that", "each"].contains(context.lowercased(index - 1))
        {
            return nil
        }
        var total = 0.0
        var current = 0.0
        var end = index
        var sawNumber = false
        while end < limit, context.tokens[end].kind == .word, end == index || context.spaced(end - 1, end) {
            let word = context.lowercased(end)
            if end == index, word == "a" || word == "an" {
                end += 1
                continue
            }
            if let number = Lexicon.numberWords[word] {
                current = word == "dozen" ? max(current, 1) * number : current + number
            } else if word == "hundred" {
                current = max(current, 1) * 100
            } else if let scale = Lexicon.scaleWords[word], scale >= 1e3, word.utf8.count > 2 {
                total += max(current, 1) * scale
                current = 0
            } else {
                break
            }
            sawNumber = true
            end += 1
        }
        guard sawNumber else { return nil }
        if end < limit, first == "one", ["of", "another"].contains(context.lowercased(end)) { return nil }
        return unit(after: end, limit: limit, value: total + current)
    }
}
