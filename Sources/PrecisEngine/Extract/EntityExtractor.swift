/// Finds named entities: maximal runs of capitalised words.
///
/// v0: titles, subtitles and headings are skipped (they are title-cased). Leading and trailing function words,
/// month and weekday names are dropped; a one-word name at a sentence start (or after an opening quote or colon)
/// only counts when the same name is found elsewhere. The label is PERSON after a title (`Dr.`, `President`) or
/// in a byline, ORG for an organisation suffix (`Agency`, `Inc.`) or head (`Ministry of …`), LOC for a few known
/// places, MISC otherwise. A one-word name joins the longer name that ends with it (`Lopez` → `Maria Lopez`).
struct EntityExtractor {
    let context: ExtractionContext

    struct Found {
        var span: TextSpan
        var text: String
        var label: EntityLabel
    }

    func extract() throws(EngineError) -> [Entity] {
        var found: [Found] = []
        var sentenceStarts: [Found] = []
        var pacer = InterruptPacer(context.interrupt)
        for paragraph in context.document.paragraphs where Self.readsNames(paragraph.kind) {
            for index in paragraph.firstSentence..<(paragraph.firstSentence + paragraph.sentenceCount) {
                let sentence = context.document.sentences[index]
                let range = sentence.firstToken..<(sentence.firstToken + sentence.tokenCount)
                try scan(
                    range, byline: paragraph.kind == .byline, into: &found, sentenceStarts: &sentenceStarts,
                    pacer: &pacer
                )
            }
        }
        try context.interrupt.check()
        return EntityGrouper(found: found, sentenceStarts: sentenceStarts).entities()
    }

    static func readsNames(_ kind: ParagraphKind) -> Bool {
        kind != .boilerplate && kind != .title && kind != .subtitle && kind != .heading
    }

    private func scan(
        _ range: Range<Int>,
        byline: Bool,
        into found: inout [Found],
        sentenceStarts: inout [Found],
        pacer: inout InterruptPacer
    ) throws(EngineError) {
        let firstWord = range.first { context.tokens[$0].kind.isWordLike } ?? range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            try pacer.check(progress: index)
            let run = context.nameRun(from: index, limit: range.upperBound)
            guard !run.isEmpty else {
                index += 1
                continue
            }
            index = run[run.count - 1] + 1
            var start = 0
            for position in run.indices where position == run.count - 1 || context.isPossessive(run[position]) {
                let segment = Segment(words: run[start...position], sentence: range, firstWord: firstWord)
                start = position + 1
                read(segment, byline: byline, into: &found, sentenceStarts: &sentenceStarts)
            }
        }
    }

    /// Part of a run of name words, cut at possessives (`Russia's`), and the sentence it is in.
    private struct Segment {
        var words: ArraySlice<Int>
        let sentence: Range<Int>
        let firstWord: Int
    }

    private func read(_ segment: Segment, byline: Bool, into found: inout [Found], sentenceStarts: inout [Found]) {
        var words = segment.words
        var person = byline
        if let before = words.first.map({ $0 - 1 }), before >= segment.sentence.lowerBound,
            context.isHonorific(before)
        {
            person = true
        }
        if let title = words.dropLast().lastIndex(where: { context.isHonorific($0) && context.isNameWord($0 + 1) }) {
            if let prefix = knownPrefix(words[..<title]) ?? employer(words[..<title]) { found.append(prefix.found) }
            words = words[(title + 1)...]
            person = true
        }
        if afterTitleOf(words.first ?? 0, sentence: segment.sentence) {
            while let first = words.first, Lexicon.departmentWords.contains(context.bareWord(first)) {
                words = words.dropFirst()
            }
            person = true
        }
        let article = words.first.flatMap { context.string($0) == "The" ? words.startIndex : nil }
        while let first = words.first, isLeadingFiller(first) { words = words.dropFirst() }
        while let last = words.last, isTrailingFiller(last) { words = words.dropLast() }
        guard let first = words.first, let last = words.last, words.count > 1 || context.tokens[first].span.count > 1
        else { return }
        if let article, article + 1 == words.startIndex,
            !startsSentence(segment.words[article], firstWord: segment.firstWord),
            Lexicon.titledNameEnds.contains(context.bareWord(last))
        {
            words = segment.words[article..<words.endIndex]  // `The Washington Post`, `The Hague`
        }
        if !person, words.count > 1, startsSentence(first, firstWord: segment.firstWord), knownLabel(words) == nil,
            !Lexicon.givenNames.contains(context.bareWord(first)), knownLabel(words.dropFirst()) != nil
        {
            words = words.dropFirst()  // `Top Palestinian negotiator`, `Many Iraqis`: a capitalised common word
        }
        if !person, knownLabel(words) == nil {
            if words.count == 1, let parts = hyphenParts(first) {
                found.append(contentsOf: parts)
                return
            }
            if context.isHonorific(last) {
                if let prefix = knownPrefix(words) { found.append(prefix.found) }
                return
            }
            if words.count > 1, !Lexicon.orgSuffixes.contains(context.bareWord(last)),
                !Lexicon.titledNameEnds.contains(context.bareWord(last)),
                !Lexicon.placeSuffixes.contains(context.bareWord(last)),
                let prefix = knownPrefix(words.dropLast())
            {
                found.append(prefix.found)
                words = words[prefix.end...]
                while let first = words.first, isLeadingFiller(first) { words = words.dropFirst() }
                guard !words.isEmpty else { return }
            }
        }
        let span = context.nameSpan(words)
        var item = Found(span: span, text: context.text.string(span), label: person ? .person : label(words))
        if words.count == 1, !person, knownLabel(words) == nil,
            startsSentence(words[words.startIndex], firstWord: segment.firstWord)
        {
            if speaks(after: words[words.startIndex]) {
                item.label = .person  // `Zawahiri warned …`: a one-word subject of a reporting verb
                found.append(item)
                return
            }
            item.label = .misc
            sentenceStarts.append(item)
        } else {
            found.append(item)
        }
    }

    /// The known places, nationalities and organisations in a hyphenated word (`U.S.-led`, `Israeli-Palestinian`).
    private func hyphenParts(_ index: Int) -> [Found]? {
        let span = context.tokens[index].span
        var parts: [Found] = []
        var start = span.start
        for position in span.start...span.end where position == span.end || context.text.bytes[position] == 0x2D {
            let part = TextSpan(start: start, end: position)
            let name = context.text.lowercased(part)
            start = position + 1
            guard part.count > 1, part.count < span.count, let label = knownLabel(name) else { continue }
            parts.append(Found(span: part, text: context.text.string(part), label: label))
        }
        return parts.isEmpty ? nil : parts
    }

    /// Function words, month and weekday names, and non-name tokens before a name.
    func isLeadingFiller(_ index: Int) -> Bool {
        context.isStopWord(index) || (context.tokens[index].kind != .word && !context.isNameWord(index))
    }

    /// Function words, month and weekday names, and particles after a name.
    private func isTrailingFiller(_ index: Int) -> Bool {
        context.isStopWord(index) || Lexicon.nameConnectors.contains(context.lowercased(index))
    }

    /// Whether the name at `index` is the subject of a reporting verb (`Ismail told …`) and not a common plural
    /// subject (`Officials said`).
    private func speaks(after index: Int) -> Bool {
        let next = index + 1
        guard next < context.tokens.count, context.spaced(index, next), context.tokens[next].kind == .word,
            Lexicon.reportingVerbs.contains(context.lowercased(next)) || Lexicon.speechVerbs.contains(context.lowercased(next))
        else { return false }
        return !Lexicon.groupSubjects.contains(context.bareWord(index))
    }

    /// Whether the name starting at token `index` follows a title and `of` (`Secretary of State Jane Roe`,
    /// `Minister of Defence John Doe`): its first words name a department, the rest a person.
    private func afterTitleOf(_ index: Int, sentence: Range<Int>) -> Bool {
        var before = index - 1
        if before > sentence.lowerBound, context.lowercased(before) == "the" { before -= 1 }
        guard before > sentence.lowerBound else { return false }
        let connector = context.lowercased(before)
        guard connector == "of" || connector == "for" else { return false }
        return context.isHonorific(before - 1) && Lexicon.departmentWords.contains(context.bareWord(index))
    }

    private func startsSentence(_ index: Int, firstWord: Int) -> Bool {
        guard index != firstWord else { return true }
        let previous = context.tokens[index - 1]
        guard previous.kind == .punctuation else { return false }
        switch context.text.scalar(at: previous.span.start).scalar.value {
        case 0x22, 0x27, 0x201C, 0x2018, 0x3A, 0xAB: return true
        default: return false
        }
    }

    /// Gazetteers first, then organisation and place suffixes, then person cues (a given name, or two or three
    /// capitalised words), MISC otherwise.
    private func label(_ words: ArraySlice<Int>) -> EntityLabel {
        if let known = knownLabel(words) { return known }
        let last = context.bareWord(words[words.endIndex - 1])
        if Lexicon.orgSuffixes.contains(last) { return .org }
        if words.count > 1, context.string(words[words.startIndex]) == "The", Lexicon.titledNameEnds.contains(last) {
            return .org  // `The Lima Herald`
        }
        let first = context.bareWord(words[words.startIndex])
        for position in words.indices.dropFirst() where context.tokens[words[position]].kind == .word
            && context.lowercased(words[position]) == "of"
        {
            let head = context.bareWord(words[position - 1])
            if Lexicon.orgHeads.contains(head) || Lexicon.orgSuffixes.contains(head) { return .org }
        }
        if words.count > 1, Lexicon.placeSuffixes.contains(last) { return .loc }
        if words.count > 1, Lexicon.eventHeads.contains(first) || Lexicon.eventEnds.contains(last) { return .event }
        if words.count == 1, isModelNumber(words[words.startIndex]) { return .product }
        if Lexicon.givenNames.contains(first), words.count > 1 { return .person }
        if let cued = contextLabel(words) { return cued }
        if words.count > 1, words.contains(where: { isOrgWord($0) }) { return .org }
        if (2...3).contains(words.count), words.allSatisfy({ isPlainNameWord($0) }) { return .person }
        let before = words[words.startIndex] - 1
        if before >= 0, context.tokens[before].kind == .word, Lexicon.placeCues.contains(context.lowercased(before)) {
            return .loc
        }
        let after = words[words.endIndex - 1] + 1
        if after < context.tokens.count, context.tokens[after].kind == .word,
            Lexicon.speechVerbs.contains(context.lowercased(after))
        {
            return .person
        }
        return .misc
    }

    /// A label from the words around a name: `the town of X`, `X province` → LOC; `X party` → ORG; `the
    /// 31-year-old X` → PERSON.
    private func contextLabel(_ words: ArraySlice<Int>) -> EntityLabel? {
        let before = words[words.startIndex] - 1
        if before > 0, context.lowercased(before) == "of", context.tokens[before - 1].kind == .word,
            Lexicon.placeNouns.contains(context.lowercased(before - 1))
        {
            return .loc  // `the town of Baiji`, `the port city of Chittagong`
        }
        if before >= 0, context.tokens[before].kind == .word, context.lowercased(before).hasSuffix("year-old") {
            return .person  // `the 31-year-old Beckham`
        }
        let after = words[words.endIndex - 1] + 1
        if after < context.tokens.count, context.tokens[after].kind == .word, !context.isCapitalised(after) {
            let noun = context.bareWord(after)
            if Lexicon.placeNouns.contains(noun) { return .loc }  // `Kunar province`
            if Lexicon.orgNouns.contains(noun) { return .org }  // `the Labor party`
            if ["spokesman", "spokeswoman", "spokesperson"].contains(noun) { return .org }  // `a Northline spokesman`
        }
        return nil
    }

    /// A designation such as `F-15`, `AK-47`, `MiG-29` or `A380`: capital letters, then digits (a hyphen between
    /// them allowed), at most two trailing letters.
    private func isModelNumber(_ index: Int) -> Bool {
        let span = context.tokens[index].span
        guard span.count >= 3, span.count <= 10 else { return false }
        let bytes = context.text.bytes
        var position = span.start
        var letters = 0
        while position < span.end, (bytes[position] | 0x20) >= 0x61, (bytes[position] | 0x20) <= 0x7A {
            letters += 1
            position += 1
        }
        if position < span.end, bytes[position] == UInt8(ascii: "-") { position += 1 }
        var digits = 0
        while position < span.end, isASCIIDigit(bytes[position]) {
            digits += 1
            position += 1
        }
        return (1...3).contains(letters) && digits >= 2 && span.end - position <= 2
    }

    /// A word typical of organisation names (`National`, `Popular`, `Revolutionary`).
    private func isOrgWord(_ index: Int) -> Bool {
        context.tokens[index].kind == .word && Lexicon.orgWords.contains(context.bareWord(index))
    }

    /// A capitalised word that is in no gazetteer: a likely part of a person's name.
    private func isPlainNameWord(_ index: Int) -> Bool {
        guard context.tokens[index].kind == .word else { return false }
        let word = context.bareWord(index)
        return !Lexicon.isPlace(word) && !Lexicon.isDemonym(word)
            && !Lexicon.knownOrgs.contains(word) && !Lexicon.honorifics.contains(word)
    }
}
