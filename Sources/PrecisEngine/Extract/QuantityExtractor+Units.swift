extension QuantityExtractor {
    /// What follows a number ending before token `index`: `%`, `percent`, a currency, a unit or a counted noun
    /// phrase.
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
        let next = index + 1 < limit && context.spaced(index, index + 1) ? context.lowercased(index + 1) : ""
        if word == "per", next == "cent" {
            return Match(end: index + 2, kind: .percent, value: value)
        }
        if word == "us" || word == "u.s", let code = Lexicon.currencyWords[next], code == "USD" {
            let span = TextSpan(start: token.span.start, end: context.tokens[index + 1].span.end)
            return Match(end: index + 2, kind: .money, value: value, unit: code, unitSpan: span)
        }
        if word == "pence" || word == "cents" {
            let code = word == "pence" ? "GBP" : "USD"
            return Match(end: index + 1, kind: .money, value: value / 100, unit: code, unitSpan: token.span)
        }
        if let code = Lexicon.currencyWords[word] {
            return Match(end: index + 1, kind: .money, value: value, unit: code, unitSpan: token.span)
        }
        if let seconds = Lexicon.unitPhrases[word], seconds.contains(next) {
            let span = TextSpan(start: token.span.start, end: context.tokens[index + 1].span.end)
            return Match(end: index + 2, kind: .measure, value: value, unit: word + " " + next, unitSpan: span)
        }
        if Lexicon.units.contains(word) {
            return Match(end: index + 1, kind: .measure, value: value, unit: word, unitSpan: token.span)
        }
        if let end = countedPhrase(from: index, limit: limit) {
            let span = TextSpan(start: token.span.start, end: context.tokens[end - 1].span.end)
            return Match(end: end, kind: .count, value: value, unit: context.text.string(span), unitSpan: span)
        }
        return Match(end: index, kind: .number, value: value)
    }

    /// The end of the noun phrase a number counts, starting at token `index`: up to four words, ending at a
    /// plural noun ("eight F-15 fighter jets"), a plural without `s` ("four stealth aircraft"), a stop or
    /// reporting word, a participle or adverb after the first word, or a capitalised word after a lowercase one.
    /// `nil` when no word qualifies.
    func countedPhrase(from index: Int, limit: Int) -> Int? {
        var end = index
        var sawLowercase = false
        while end < limit, end - index < 4, context.tokens[end].kind == .word, context.spaced(end - 1, end),
            context.tokens[end].span.count <= 30
        {
            let word = context.lowercased(end)
            let capitalised = context.text.isUppercase(at: context.tokens[end].span.start)
            if capitalised && sawLowercase { break }
            if Lexicon.countHeads.contains(word) {
                sawLowercase = sawLowercase || !capitalised
                end += 1
                break
            }
            if Lexicon.functionWords.contains(word) || Lexicon.reportingVerbs.contains(word)
                || Lexicon.countBoundaries.contains(word)
                || Lexicon.numberWords[word] != nil || Lexicon.scaleWords[word] != nil || Lexicon.units.contains(word)
            {
                break
            }
            if word.hasSuffix("ed") || word.hasSuffix("ing") || word.hasSuffix("ly") {
                // "three wounded soldiers" counts soldiers; "two-thirds voted yes" counts nothing.
                guard end == index, !word.hasSuffix("ly"), end + 1 < limit, context.spaced(end, end + 1),
                    context.tokens[end + 1].kind == .word
                else { break }
                let next = context.lowercased(end + 1)
                guard Self.looksPlural(next) || Lexicon.countHeads.contains(next) else { break }
            }
            sawLowercase = sawLowercase || !capitalised
            end += 1
            if !capitalised, Self.looksPlural(word) { break }
        }
        guard end > index else { return nil }
        // A capitalised run alone is more likely a name than what is counted ("3 Downing Street").
        if !sawLowercase, !context.tokens[index..<end].contains(where: { context.text.bytes[$0.span.start..<$0.span.end].contains(UInt8(ascii: "-")) }) {
            return nil
        }
        return end
    }

    /// An English plural by its ending: `-s`, but not `-ss`, `-us` or `-is`, and more than three letters.
    static func looksPlural(_ word: String) -> Bool { looksPlural(Array(word.utf8)) }

    static func looksPlural(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 3, bytes[bytes.count - 1] == UInt8(ascii: "s") else { return false }
        let before = bytes[bytes.count - 2]
        return before != UInt8(ascii: "s") && before != UInt8(ascii: "u") && before != UInt8(ascii: "i")
    }

    /// Whether the ordinal word at `index` is a fraction on its own: after "a" or "one" and not before a noun
    /// ("cut by a third", "a fifth of the vote"), where "a third term" stays an ordinal.
    func isLoneFraction(_ index: Int, limit: Int) -> Bool {
        guard index > 0, ["a", "one"].contains(context.lowercased(index - 1)) else { return false }
        guard index + 1 < limit, context.tokens[index + 1].kind == .word else { return true }
        return Self.fractionFollowers.contains(context.lowercased(index + 1))
    }

    /// Words after which "a third" is a fraction rather than an ordinal before its noun.
    static let fractionFollowers: Set<String> = [
        "of", "and", "or", "but", "although", "though", "while", "as", "in", "on", "by", "to", "from", "than",
        "since", "after", "before", "last", "this", "next", "over", "at", "with", "so",
    ]

    /// Number words (`two million`, `a dozen`, `twenty-five`), fractions (`two-thirds`) and ordinal words (`third`).
    func words(at index: Int, limit: Int) -> Match? {
        guard context.tokens[index].kind == .word, context.tokens[index].span.count <= 16, mayStartNumber(index) else {
            return nil
        }
        let first = context.lowercased(index)
        if let ordinal = Lexicon.ordinalWords[first] {
            if first == "second", index == 0 || context.lowercased(index - 1) != "the" { return nil }
            if let denominator = Lexicon.fractionWords[first], isLoneFraction(index, limit: limit) {
                return Match(end: index + 1, kind: .number, value: 1 / denominator)
            }
            return Match(end: index + 1, kind: .ordinal, value: ordinal)
        }
        if first == "one", index > 0,
            ["no", "any", "every", "some", "the", "this", "that", "each"].contains(context.lowercased(index - 1))
        {
            return nil
        }
        let hyphenated = context.text.bytes[context.tokens[index].span.start..<context.tokens[index].span.end].contains(0x2D)
        if hyphenated, let fraction = Self.fraction(first) {
            return unit(after: index + 1, limit: limit, value: fraction)
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
            if let number = Lexicon.numberWords[word] ?? (word.utf8.contains(0x2D) ? Self.compound(word) : nil) {
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

    /// Whether token `index` could start a number or ordinal word: the packed, lowercased first bytes (up to a
    /// hyphen, at most eight) are those of such a word. A cheap filter that builds no `String`.
    func mayStartNumber(_ index: Int) -> Bool {
        Self.numberPrefixes.contains(Self.packedPrefix(context.text.bytes, context.tokens[index].span.start..<context.tokens[index].span.end))
    }

    static func packedPrefix<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ range: Range<Bytes.Index>) -> UInt64
    where Bytes.Index == Int {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for position in range {
            var byte = bytes[position]
            if byte == 0x2D || shift == 64 { break }
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }

    static let numberPrefixes: Set<UInt64> = {
        let words = Array(Lexicon.numberWords.keys) + Array(Lexicon.ordinalWords.keys) + Array(Lexicon.scaleWords.keys)
            + ["a", "an", "hundred"]
        return Set(words.map { word in
            let bytes = Array(word.utf8)
            return packedPrefix(bytes, 0..<bytes.count)
        })
    }()

    /// `twenty-five` → 25.
    static func compound(_ word: String) -> Double? {
        let parts = word.split(separator: "-")
        guard parts.count == 2, let tens = Lexicon.numberWords[String(parts[0])], tens >= 20, tens.truncatingRemainder(dividingBy: 10) == 0,
            let units = Lexicon.numberWords[String(parts[1])], units >= 1, units <= 9
        else { return nil }
        return tens + units
    }

    /// `two-thirds` → 0.667, `one-half` → 0.5.
    static func fraction(_ word: String) -> Double? {
        let parts = word.split(separator: "-")
        guard parts.count == 2, let numerator = Lexicon.numberWords[String(parts[0])], numerator >= 1,
            let denominator = Lexicon.fractionWords[String(parts[1])], numerator < denominator
        else { return nil }
        return numerator / denominator
    }
}
