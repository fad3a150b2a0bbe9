/// Finds numbers and what they measure.
///
/// Numbers written with digits (`1,200`, `3.5`, `5km`, `21st`) or words (`eight`, `twenty-five`, `a dozen`,
/// `two hundred`, fractions such as `two-thirds`), scaled by a following scale word (`2.4 million`). Money has a
/// currency symbol before it (`$`, `€`, `£`, `₹` …, with an optional `k`/`m`/`bn` suffix), an ISO code before it
/// (`CHF 20`) or a currency word after it (`20 dollars`, `US dollars`), or is pence (`50p`); percentages end in
/// `%`, `percent` or `per cent`; ordinals are `1st` … or `first` … `twentieth`; measures have a unit from a list
/// (`km`, `square miles`, `percentage points`); a number before a noun phrase counts it, and the phrase is the
/// unit ("eight F-15 fighter jets" → 8, "F-15 fighter jets"). Tokens inside dates are skipped, so a year is never
/// also a number.
struct QuantityExtractor {
    let context: ExtractionContext
    let skipping: Set<Int>

    struct Match {
        var end: Int
        var kind: QuantityKind
        var value: Double
        var unit = ""
        var unitSpan: TextSpan?
    }

    func extract() throws(EngineError) -> [Quantity] {
        var found: [Quantity] = []
        var pacer = InterruptPacer(context.interrupt)
        for range in context.sentenceRanges(ExtractionContext.isContent) {
            var index = range.lowerBound
            while index < range.upperBound {
                try pacer.check(progress: index)
                guard !skipping.contains(index),
                    let match = money(at: index, limit: range.upperBound) ?? digits(at: index, limit: range.upperBound)
                        ?? words(at: index, limit: range.upperBound)
                else {
                    index += 1
                    continue
                }
                let span = TextSpan(
                    start: context.tokens[index].span.start,
                    end: context.tokens[match.end - 1].span.end
                )
                found.append(
                    Quantity(
                        span: span,
                        text: context.text.string(span),
                        kind: match.kind,
                        value: match.value,
                        unit: match.unit,
                        unitSpan: match.unitSpan
                    )
                )
                index = match.end
            }
        }
        return found
    }

    /// `$5`, `€300m`, `£1.2 billion`, `CHF 20`.
    private func money(at index: Int, limit: Int) -> Match? {
        let token = context.tokens[index]
        if token.kind == .word, token.span.count == 3, index + 1 < limit, context.spaced(index, index + 1),
            Lexicon.currencyCodes.contains(context.string(index)), let (value, numberEnd) = leadingNumber(index + 1),
            numberEnd == context.tokens[index + 1].span.end
        {
            let (scaled, end) = scaleWords(after: index + 2, limit: limit, value: value)
            return Match(end: end, kind: .money, value: scaled, unit: context.string(index), unitSpan: token.span)
        }
        guard token.kind == .symbol, index + 1 < limit, context.touching(index, index + 1),
            let code = Lexicon.currencySymbols[context.text.string(token.span)],
            let (value, numberEnd) = leadingNumber(index + 1)
        else { return nil }
        var amount = value
        let suffixEnd = context.tokens[index + 1].span.end
        if numberEnd < suffixEnd {
            guard let scale = Lexicon.moneySuffixes[context.text.lowercased(numberEnd..<suffixEnd)] else { return nil }
            amount *= scale
        }
        let (scaled, end) = scaleWords(after: index + 2, limit: limit, value: amount)
        return Match(end: end, kind: .money, value: scaled, unit: code, unitSpan: token.span)
    }

    /// A number written with digits, and what follows it.
    private func digits(at index: Int, limit: Int) -> Match? {
        let token = context.tokens[index]
        guard token.kind == .number || token.kind == .word, let (value, numberEnd) = leadingNumber(index) else {
            return nil
        }
        var amount = value
        if numberEnd < token.span.end {
            let suffix = context.text.lowercased(numberEnd..<token.span.end)
            let suffixSpan = TextSpan(start: numberEnd, end: token.span.end)
            if ["st", "nd", "rd", "th"].contains(suffix) {
                return Match(end: index + 1, kind: .ordinal, value: value)
            } else if suffix == "m" {
                // News writes millions as "77m"; metres are spelt out or spaced ("5 m").
                amount *= 1e6
            } else if Lexicon.units.contains(suffix) {
                return Match(end: index + 1, kind: .measure, value: value, unit: suffix, unitSpan: suffixSpan)
            } else if let scale = Lexicon.moneySuffixes[suffix] {
                amount *= scale
            } else if suffix == "p" {
                return Match(end: index + 1, kind: .money, value: value / 100, unit: "GBP", unitSpan: suffixSpan)
            } else {
                return nil
            }
        }
        let (scaled, end) = scaleWords(after: index + 1, limit: limit, value: amount)
        let match = unit(after: end, limit: limit, value: scaled)
        // A bare year the date extractor left ("the 2004 tournament") is a date, not a count.
        if match.kind == .number || match.kind == .count, end == index + 1, isYearLike(index) { return nil }
        return match
    }

    /// Four plain digits from 1900 to 2099.
    private func isYearLike(_ index: Int) -> Bool {
        guard let year = context.integer(index), context.tokens[index].span.count == 4 else { return false }
        return (1900...2099).contains(year)
    }

    /// The value of the ASCII number at the start of a token, and where it ends.
    func leadingNumber(_ index: Int) -> (Double, Int)? {
        let span = context.tokens[index].span
        let bytes = context.text.bytes
        var end = span.start
        while end < span.end,
            isASCIIDigit(bytes[end]) || bytes[end] == UInt8(ascii: ",")
                || (bytes[end] == UInt8(ascii: ".") && end + 1 < span.end && isASCIIDigit(bytes[end + 1]))
        {
            end += 1
        }
        guard end > span.start, isASCIIDigit(bytes[span.start]) else { return nil }
        let digits = bytes[span.start..<end].filter { $0 != UInt8(ascii: ",") }
        guard let value = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
        return (value, end)
    }

    /// Multiplies `value` by scale words (`million`, `bn`) from `index`; returns the value and the end.
    func scaleWords(after index: Int, limit: Int, value: Double) -> (Double, Int) {
        var end = index
        var result = value
        while end < limit, context.spaced(end - 1, end), context.tokens[end].kind == .word,
            let scale = Lexicon.scaleWords[context.lowercased(end)]
        {
            result *= scale
            end += 1
        }
        return (result, end)
    }
}
