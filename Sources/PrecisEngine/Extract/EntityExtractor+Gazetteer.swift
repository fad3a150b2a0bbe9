/// The gazetteer side of ``EntityExtractor``: known places, nationalities and organisations, and the names before
/// a title.
extension EntityExtractor {
    /// The longest leading part of the words before a title that names a known place, nationality or
    /// organisation (`Afghan` in `Afghan President Hamid Karzai`).
    func knownPrefix(_ words: ArraySlice<Int>) -> (found: Found, end: Int)? {
        var part = words
        while let first = part.first, isLeadingFiller(first) { part = part.dropFirst() }
        part = part.prefix(Lexicon.longestKnownName)  // no longer part is in a gazetteer: linear, not quadratic
        while !part.isEmpty {
            if let label = knownLabel(part) {
                let span = context.nameSpan(part)
                return (Found(span: span, text: context.text.string(span), label: label), part.endIndex)
            }
            part = part.dropLast()
        }
        return nil
    }

    /// One or two unknown capitalised words before a title that name who the person works for (`Tesla` in `Tesla
    /// CEO Jane Roe`), unless they are part of the title (`Deputy`, `Defense`, `Prime`).
    func employer(_ words: ArraySlice<Int>) -> (found: Found, end: Int)? {
        var part = words
        while let last = part.last, context.isHonorific(last) || isTitleWord(last) { part = part.dropLast() }
        guard (1...2).contains(part.count), part.allSatisfy({ context.tokens[$0].kind == .word && !isTitleWord($0) })
        else { return nil }
        let span = context.nameSpan(part)
        return (Found(span: span, text: context.text.string(span), label: .org), part.endIndex)
    }

    func isTitleWord(_ index: Int) -> Bool {
        let word = context.bareWord(index)
        return Lexicon.titleModifiers.contains(word) || Lexicon.departmentWords.contains(word)
            || Lexicon.isDemonym(word) || context.isStopWord(index) || Lexicon.givenNames.contains(word)
    }

    /// The label of a name found in a gazetteer or shaped like an acronym, else `nil`.
    func knownLabel(_ words: ArraySlice<Int>) -> EntityLabel? {
        if words.count <= Lexicon.longestKnownName,
            let known = knownLabel(context.text.lowercased(context.nameSpan(words)))
        {
            return known
        }
        if words.count == 1, context.isAcronym(words[words.startIndex]) { return .org }
        return nil
    }

    /// The label of a lowercased name found in a gazetteer, else `nil`.
    func knownLabel(_ name: String) -> EntityLabel? {
        if Lexicon.knownOrgs.contains(name) { return .org }
        if Lexicon.isPlace(name) { return .loc }
        if Lexicon.isDemonym(name) { return .norp }
        return nil
    }
}
