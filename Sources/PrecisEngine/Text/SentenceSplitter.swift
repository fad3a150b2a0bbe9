/// Splits a paragraph's tokens into sentences in one forward pass with bounded look-around.
///
/// Rules, in the spirit of pySBD's golden rules and Punkt's orthographic heuristics:
/// - `!`, `?` and a period end a sentence (with any closing quotes or brackets right after them) when whitespace
///   and then an uppercase letter, a digit, an opening quote or bracket, or a letter of a caseless script follows.
///   A period after a word that introduces a number (`p. 55`, `No. 4`, `N°. 12`) does not end one before a digit.
/// - Title abbreviations (`Dr.`, `Mr.`) never end a sentence; `No.` ends one unless a number follows. Other
///   abbreviations and initials (`U.S.`, `E.`) end one only before a capitalised function word or a title, and
///   only after two tokens or more; `a.m.`, `p.m.` and month abbreviations end one before any capitalised word
///   that is not an all-capitals time zone.
/// - An ellipsis ends a sentence only before an uppercase word; `[...]` never does. Spaced ellipses follow MLA
///   style: `. . .` is an omission inside a sentence, `. . . .` ends one, and `end. . . . Next` ends one after
///   the first period.
/// - List markers (`1.`, `2)`, `a.`, `3.)`, bullets) at a sentence start do not end it; the next marker of the
///   same enumeration, or a bullet after whitespace, starts a new sentence. CJK full stops always end one.
///
/// Work per token is constant, so splitting is linear in the number of tokens.
struct SentenceSplitter {
    let text: ByteText

    /// Appends the sentences of `tokens[range]`, which belong to paragraph `paragraph`.
    func split(_ tokens: [Token], range: Range<Int>, paragraph: Int, into sentences: inout [Sentence]) {
        guard !range.isEmpty else { return }
        let end = range.upperBound
        var first = range.lowerBound
        var list = ListMarker?.none
        func emit(through last: Int) {
            let span = TextSpan(start: tokens[first].span.start, end: tokens[last].span.end)
            sentences.append(
                Sentence(span: span, paragraph: paragraph, firstToken: first, tokenCount: last - first + 1)
            )
            first = last + 1
        }
        var index = skipMarker(tokens, at: first, end: end, list: &list)
        while index < end {
            if index > first, spaced(tokens, before: index),
                isBullet(tokens[index]) || isNextMarker(tokens, at: index, end: end, after: list)
            {
                emit(through: index - 1)
                index = skipMarker(tokens, at: index, end: end, list: &list)
                continue
            }
            let terminal = terminalKind(tokens, at: index, range: range)
            guard terminal != .none else {
                index += 1
                continue
            }
            var last = index
            if terminal == .period, let run = spacedDotsEnd(tokens, from: index, end: end) {
                // `word. . . .` ends after the attached period; `word . . . .` after the whole run.
                if index > range.lowerBound, !spaced(tokens, before: index) {
                    if run + 1 < end, startsSentence(tokens[run + 1]) { emit(through: index) }
                    index = run + 1
                    continue
                }
                if run - index >= 3, run + 1 < end, startsSentence(tokens[run + 1]) { emit(through: run) }
                index = run + 1
                continue
            }
            while last + 1 < end, !spaced(tokens, before: last + 1),
                isClosing(tokens[last + 1]) || terminalKind(tokens, at: last + 1, range: range) == .strong
            {
                last += 1
            }
            guard last + 1 < end else { break }
            let next = last + 1
            if terminal == .cjk
                || (spaced(tokens, before: next) && ends(terminal, tokens, at: index, next: next, first: first))
            {
                emit(through: last)
                index = skipMarker(tokens, at: last + 1, end: end, list: &list)
            } else {
                index = last + 1
            }
        }
        if first < end { emit(through: end - 1) }
    }

    /// Whether whitespace separates `tokens[index]` from the token before it.
    @inline(__always)
    func spaced(_ tokens: [Token], before index: Int) -> Bool {
        tokens[index].span.start > tokens[index - 1].span.end
    }

    /// Whether a terminal at `index`, whose closing run ends before `next`, ends the sentence that began at `first`.
    private func ends(_ terminal: Terminal, _ tokens: [Token], at index: Int, next: Int, first: Int) -> Bool {
        let following = tokens[next]
        switch terminal {
        case .none: return false
        case .cjk, .strong: return startsSentence(following)
        case .period:
            if following.kind == .number, index > first, introducesNumber(tokens, before: index) { return false }
            return startsSentence(following)
        case .ellipsis:
            return (following.kind == .word || following.kind == .abbreviation)
                && text.isUppercase(at: following.span.start)
        case .abbreviation:
            return index - first >= 2 && (isTitle(following) || startsWithCapitalisedFunctionWord(following))
        case .numbered:
            return following.kind != .number && startsSentence(following)
        case .time:
            guard index - first >= 3, following.kind == .word || following.kind == .abbreviation,
                text.isUppercase(at: following.span.start)
            else { return false }
            return following.kind == .abbreviation || !isAllCapitals(following)
        }
    }
}
