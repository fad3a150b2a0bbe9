extension ExtractionContext {
    /// A capitalised word, a particle-prefixed name (`al-Hayya`), a dotted acronym (`U.N.`) or an initial (`E.`).
    func isNameWord(_ index: Int) -> Bool {
        let token = tokens[index]
        let start = token.span.start
        switch token.kind {
        case .word:
            if text.isUppercase(at: start) { return true }
            for prefix in ["al-", "el-"] where token.span.count > 3 {
                if text.string(start..<(start + 3)) == prefix, text.isUppercase(at: start + 3) { return true }
            }
            return false
        case .abbreviation:
            let letters = text.bytes[start..<token.span.end].filter { $0 != UInt8(ascii: ".") }
            return !letters.isEmpty && letters.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        default:
            return false
        }
    }

    /// Two to six capital letters, optionally dotted (`NATO`, `IDF`, `U.N.`).
    func isAcronym(_ index: Int) -> Bool {
        guard tokens[index].span.count <= 14 else { return false }
        let span = nameSpan(from: index, through: index)  // `BP's` → `BP`
        var letters = 0
        for position in span.start..<span.end {
            let byte = text.bytes[position]
            if byte == UInt8(ascii: ".") { continue }
            guard byte >= 0x41 && byte <= 0x5A else { return false }
            letters += 1
        }
        return (2...6).contains(letters)
    }

    /// A word ending in a possessive `'s` (`Russia's`).
    func isPossessive(_ index: Int) -> Bool {
        let span = tokens[index].span
        guard tokens[index].kind == .word, span.count > 3 else { return false }
        let bytes = text.bytes
        guard bytes[span.end - 1] == UInt8(ascii: "s") else { return false }
        if bytes[span.end - 2] == UInt8(ascii: "'") { return true }
        return span.count > 5 && bytes[span.end - 4] == 0xE2 && bytes[span.end - 3] == 0x80 && bytes[span.end - 2] == 0x99
    }

    /// An abbreviation such as `Inc.` that can end an organisation's name.
    func isOrgAbbreviation(_ index: Int) -> Bool {
        tokens[index].kind == .abbreviation && Lexicon.orgSuffixes.contains(bareWord(index))
    }

    /// A title such as `Dr.`, `President` or `minister`.
    func isHonorific(_ index: Int) -> Bool {
        let kind = tokens[index].kind
        guard kind == .word || kind == .abbreviation, tokens[index].span.count <= 24 else { return false }
        let word = bareWord(index)
        if Lexicon.honorifics.contains(word) { return true }
        guard let hyphen = word.firstIndex(of: "-") else { return false }
        let head = String(word[..<hyphen])
        let tail = String(word[word.index(after: hyphen)...])
        // `Secretary-General`, `President-elect`, `Vice-President`, `Deputy-Governor`
        return (Lexicon.honorifics.contains(head) && Lexicon.titleTails.contains(tail))
            || (Lexicon.titleModifiers.contains(head) && Lexicon.honorifics.contains(tail))
    }

    /// A lowercase word or a capitalised function word: never a name on its own.
    func isStopWord(_ index: Int) -> Bool {
        if tokens[index].span.count > 1, isAcronym(index) { return false }  // `WHO`, `IT` are names
        let word = bareWord(index)  // without a possessive: `Tuesday's`, `Tuesday’s`
        return Lexicon.functionWords.contains(word) || Lexicon.months[word] != nil || Lexicon.weekdays[word] != nil
            || word == "by"
    }

    /// Token indices of the longest run of name words from `start` (within `limit`), joined by single spaces
    /// and allowing particles (`bin`, `de` …) between name words, and `of` after an organisation word
    /// (`Ministry of Health`, `Bank of the North`).
    func nameRun(from start: Int, limit: Int) -> [Int] {
        guard start < limit, isNameWord(start) else { return [] }
        var run = [start]
        var next = start + 1
        while next < limit, spaced(run[run.count - 1], next) {
            if isNameWord(next) || isOrgAbbreviation(next) {
                run.append(next)
                next += 1
                continue
            }
            guard tokens[next].kind == .word, Lexicon.nameConnectors.contains(lowercased(next)) else { break }
            var after = next + 1
            if lowercased(next) == "of" {
                let head = bareWord(run[run.count - 1])
                guard Lexicon.orgHeads.contains(head) || Lexicon.orgSuffixes.contains(head) else { break }
                if after < limit, spaced(next, after), lowercased(after) == "the" { after += 1 }
            }
            guard after < limit, spaced(after - 1, after), isNameWord(after) else { break }
            run.append(contentsOf: next...after)
            next = after + 1
        }
        return run
    }

    /// The span of a name from its first to its last token, without a possessive `'s`.
    func nameSpan(_ run: ArraySlice<Int>) -> TextSpan {
        nameSpan(from: run[run.startIndex], through: run[run.endIndex - 1])
    }

    /// The span from token `first` through token `last`, without a possessive `'s`.
    func nameSpan(from first: Int, through last: Int) -> TextSpan {
        let start = tokens[first].span.start
        var end = tokens[last].span.end
        let bytes = text.bytes
        if end - start > 2, bytes[end - 1] | 0x20 == UInt8(ascii: "s") {
            if bytes[end - 2] == UInt8(ascii: "'") {
                end -= 2
            } else if end - start > 4, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80, bytes[end - 2] == 0x99 {
                end -= 4
            }
        }
        return TextSpan(start: start, end: end)
    }
}
