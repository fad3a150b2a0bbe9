/// Finds who said a quotation from the tokens around it: a name or pronoun next to a reporting verb right after
/// the quote (`…,” said X`, `…,” X said`), a few words after it (`…,” Acme analyst X told reporters`), right before
/// it (`X said: “…”`, `X, an analyst at Acme, added: “…”`), earlier in its sentence (`X said Saturday that … “…”`),
/// or after `according to` in the sentence. Titles inside the name are dropped.
struct SpeakerFinder {
    let context: ExtractionContext
    /// The tokens of the paragraph holding the quote.
    let tokens: Range<Int>
    /// The tokens of the sentence the quote opens in.
    let sentence: Range<Int>

    /// Looks after the closing mark first (`, said X` / `, X said`), then right before the opening mark (`X said:`),
    /// then earlier in the sentence (`X said Saturday that … “…”`), then for `according to X` in the sentence.
    /// - Parameters:
    ///   - after: the first token after the closing quotation mark.
    ///   - before: the last token before the opening quotation mark.
    func find(after: Int, before: Int) -> TextSpan? {
        var index = after
        while tokens.contains(index), context.isPunctuation(index, ",") { index += 1 }
        if tokens.contains(index) {
            if isReportingVerb(index), let name = speaker(from: index + 1) ?? titledSpeaker(after: index) {
                return name.span
            }
            if let name = speaker(from: index), let end = name.end, isReportingVerb(end) { return name.span }
            // `…,” Acme Bank analyst Jane Roe told reporters`: the name just before a nearby reporting verb.
            var verb = index + 1
            while verb < min(index + Self.after, tokens.upperBound), !isQuoteMark(verb),
                !context.isPunctuation(verb, "."), !context.isPunctuation(verb, ",")
            {
                if isReportingVerb(verb) {
                    if let subject = subject(of: verb) { return subject }
                    break
                }
                verb += 1
            }
        }
        var verb = before
        while tokens.contains(verb), context.isPunctuation(verb, ",") || context.isPunctuation(verb, ":") { verb -= 1 }
        if tokens.contains(verb), isReportingVerb(verb), let subject = subject(of: verb) { return subject }
        verb = min(before, sentence.upperBound - 1)
        let stop = max(sentence.lowerBound, before - Self.reach)
        while verb >= stop, tokens.contains(verb), !isQuoteMark(verb) {
            if isReportingVerb(verb), let subject = subject(of: verb) { return subject }
            verb -= 1
        }
        return accordingTo(from: max(sentence.lowerBound, before - Self.reach), to: min(sentence.upperBound, after + Self.reach))
    }

    /// How many tokens before the opening mark (and after the closing one) attribution is looked for.
    static let reach = 40

    /// How many tokens after the closing mark a reporting verb is looked for.
    static let after = 10

    /// The name (without titles) or pronoun right before a reporting verb, or before an appositive between commas
    /// (`Jane Roe, an analyst at Acme, added:`).
    private func subject(of verb: Int) -> TextSpan? {
        if tokens.contains(verb - 1), context.isPunctuation(verb - 1, ",") {
            var comma = verb - 2
            while comma > verb - 14, tokens.contains(comma), !context.isPunctuation(comma, ",") {
                if context.isPunctuation(comma, ".") || isQuoteMark(comma) { return nil }
                comma -= 1
            }
            guard tokens.contains(comma), context.isPunctuation(comma, ","), comma < verb - 2 else { return nil }
            return name(endingAt: comma - 1)
        }
        // `McGuinness recently said`: one adverb between the name and the verb.
        if tokens.contains(verb - 2), context.tokens[verb - 1].kind == .word, !context.isCapitalised(verb - 1),
            context.lowercased(verb - 1).hasSuffix("ly"), let name = name(endingAt: verb - 2)
        {
            return name
        }
        // `a BBC spokesman said`: the organisation a spokesperson speaks for.
        if tokens.contains(verb - 2), context.tokens[verb - 1].kind == .word, !context.isCapitalised(verb - 1),
            Lexicon.spokespeople.contains(context.lowercased(verb - 1)), let name = name(endingAt: verb - 2)
        {
            return name
        }
        return name(endingAt: verb - 1) ?? pronoun(at: verb - 1)
    }

    /// `…,” said union leader Jane Roe`: a name after up to three lowercase words that describe the speaker.
    private func titledSpeaker(after verb: Int) -> (span: TextSpan, end: Int?)? {
        var index = verb + 1
        while index <= verb + 3, tokens.contains(index), context.tokens[index].kind == .word,
            !context.isCapitalised(index)
        {
            if Lexicon.functionWords.contains(context.lowercased(index)) && context.lowercased(index) != "the" {
                return nil
            }
            index += 1
        }
        guard index > verb + 1, tokens.contains(index), context.isNameWord(index) else { return nil }
        return speaker(from: index)
    }

    /// The capitalised name (without leading titles) that ends at token `last`.
    private func name(endingAt last: Int) -> TextSpan? {
        guard tokens.contains(last), context.isNameWord(last) else { return nil }
        var first = last
        while tokens.contains(first - 1), context.isNameWord(first - 1), context.spaced(first - 1, first) { first -= 1 }
        // `Health Minister Jane Roe`, `Lib Dem MP Jane Roe`: the name after the last title.
        if let title = (first..<last).last(where: { context.isHonorific($0) }) { first = title + 1 }
        guard !context.isHonorific(first) else { return nil }
        return context.nameSpan(from: first, through: last)
    }

    private func pronoun(at index: Int) -> TextSpan? {
        guard tokens.contains(index), Lexicon.speakerPronouns.contains(context.lowercased(index)) else { return nil }
        return context.tokens[index].span
    }

    /// The name after `according to` in the sentence.
    private func accordingTo(from start: Int, to end: Int) -> TextSpan? {
        var index = start
        while index + 2 < end {
            if context.lowercased(index) == "according", context.lowercased(index + 1) == "to",
                let name = speaker(from: index + 2), context.isNameWord(index + 2) || context.isHonorific(index + 2)
            {
                return name.span
            }
            index += 1
        }
        return nil
    }

    private func isQuoteMark(_ index: Int) -> Bool {
        guard context.tokens[index].kind == .punctuation else { return false }
        switch context.text.scalar(at: context.tokens[index].span.start).scalar.value {
        case 0x22, 0x201C, 0x201D: return true
        default: return false
        }
    }

    private func isReportingVerb(_ index: Int) -> Bool {
        tokens.contains(index) && context.tokens[index].kind == .word
            && Lexicon.reportingVerbs.contains(context.lowercased(index))
    }

    /// A name (after any titles) or a pronoun starting at `index`, and the token after it.
    private func speaker(from index: Int) -> (span: TextSpan, end: Int?)? {
        var start = index
        while tokens.contains(start), context.isHonorific(start) { start += 1 }
        guard tokens.contains(start) else { return nil }
        let run = context.nameRun(from: start, limit: tokens.upperBound)
        if !run.isEmpty {
            let end = run[run.count - 1] + 1
            // `U.N. Secretary-General Antonio Guterres` → `Antonio Guterres`
            let title = run.dropLast().lastIndex { context.isHonorific($0) }
            let first = title.map { run[$0 + 1] } ?? run[0]
            return (context.nameSpan(from: first, through: run[run.count - 1]), tokens.contains(end) ? end : nil)
        }
        guard start == index, Lexicon.speakerPronouns.contains(context.lowercased(start)) else { return nil }
        return (context.tokens[start].span, tokens.contains(start + 1) ? start + 1 : nil)
    }
}
