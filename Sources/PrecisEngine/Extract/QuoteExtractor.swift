/// Finds quotations and their speakers.
///
/// Text between matching curly (`“…”`) or straight (`"…"`) double quotes within one paragraph (several sentences
/// may be inside), with at least ``minimumWords`` words, or ``minimumAttributedWords`` when a speaker is found
/// (shorter unattributed ones are usually scare quotes). A quote split by its attribution (`“…,” X said, “…”`)
/// gives two quotes with the same speaker. ``SpeakerFinder`` finds who spoke from the words around the quote; a
/// quote without one takes the speaker of the quote before it in the same paragraph, or of a later one there. A
/// quotation left open at a paragraph's end that goes on in the next paragraph (which opens with a quotation mark,
/// as news style has it) gives one quote per paragraph, all with the speaker named in any of them. The speaker
/// resolves to the entity with that mention or whose name ends with it; `he`/`she` resolve to the person mentioned
/// last before the pronoun. The span covers the quoted words without the marks or a trailing comma.
struct QuoteExtractor {
    let context: ExtractionContext
    /// The entities being returned, for resolving speakers.
    let entities: [Entity]

    /// Where each person is mentioned, by start offset, for resolving `he`/`she`.
    let personMentions: [(start: Int, entity: Int)]
    /// The last entity with a mention starting at each offset.
    let mentionEntity: [Int: Int]
    /// The last entity with each mention span.
    let spanEntity: [TextSpan: Int]
    /// Entities by name and by the last words of their names, built on the first lookup by name.
    private let names: LazyNameIndex

    /// Most quotes resolve through ``spanEntity``; the name index is built only when one does not.
    private final class LazyNameIndex {
        let entities: [Entity]
        lazy var index = EntityNameIndex(names: entities.map(\.name))
        init(_ entities: [Entity]) { self.entities = entities }
    }

    init(context: ExtractionContext, entities: [Entity]) {
        self.context = context
        self.entities = entities
        var mentions: [(start: Int, entity: Int)] = []
        var byStart: [Int: Int] = [:]
        var bySpan: [TextSpan: Int] = [:]
        for (index, entity) in entities.enumerated() {
            for mention in entity.mentions {
                byStart[mention.span.start] = index
                bySpan[mention.span] = index
                if entity.label == .person { mentions.append((mention.span.start, index)) }
            }
        }
        mentionEntity = byStart
        spanEntity = bySpan
        names = LazyNameIndex(entities)
        personMentions = mentions.sorted { $0.start < $1.start }
    }

    static let minimumWords = 3
    /// Shorter quotes (`“not happy”`) count only when the text says who spoke them.
    static let minimumAttributedWords = 2

    func extract() throws(EngineError) -> [Quote] {
        var quotes: [Quote] = []
        let paragraphs = context.document.paragraphs.filter { ExtractionContext.isContent($0.kind) }
        var previous: Quote?
        var waiting: [Int] = []  // quotes in this paragraph (or quotation) still without a speaker
        var pacer = InterruptPacer(context.interrupt)
        for (number, paragraph) in paragraphs.enumerated() {
            try pacer.check(progress: paragraph.span.start)
            var (ranges, open) = quotedRanges(paragraph.span.start..<paragraph.span.end)
            // A quotation left open at the end of a paragraph runs on when the next paragraph opens with a mark.
            let runsOn = open != nil && number + 1 < paragraphs.count && opensWithQuote(paragraphs[number + 1])
            if runsOn, let open { ranges.append(open..<paragraph.span.end) }
            for range in ranges {
                try pacer.check(progress: range.lowerBound)
                guard var quote = makeQuote(range, paragraph: paragraph) else { continue }
                if quote.speakerSpan == nil, let previous, previous.speakerSpan != nil {
                    quote.speaker = previous.speaker
                    quote.speakerSpan = previous.speakerSpan
                    quote.speakerEntity = previous.speakerEntity
                } else if quote.speakerSpan != nil {
                    for index in waiting {
                        quotes[index].speaker = quote.speaker
                        quotes[index].speakerSpan = quote.speakerSpan
                        quotes[index].speakerEntity = quote.speakerEntity
                    }
                    waiting.removeAll()
                }
                if quote.speakerSpan == nil { waiting.append(quotes.count) }
                quotes.append(quote)
                previous = quote
            }
            if !runsOn {
                previous = nil
                waiting.removeAll()
            }
        }
        return quotes
    }

    /// Whether a paragraph's text starts with an opening quotation mark.
    private func opensWithQuote(_ paragraph: Paragraph) -> Bool {
        let bytes = context.text.bytes
        let start = context.text.trimmed(paragraph.span.start..<paragraph.span.end).lowerBound
        guard start < paragraph.span.end else { return false }
        if bytes[start] == 0x22 { return true }
        return start + 2 < paragraph.span.end && bytes[start] == 0xE2 && bytes[start + 1] == 0x80
            && bytes[start + 2] == 0x9C
    }

    /// Inner byte ranges of the quotations in `range`, and where a quotation left open at its end begins.
    private func quotedRanges(_ range: Range<Int>) -> (ranges: [Range<Int>], open: Int?) {
        let bytes = context.text.bytes
        var result: [Range<Int>] = []
        var curlyOpen: Int?
        var straightOpen: Int?
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x22 {
                if let open = straightOpen {
                    result.append(open..<index)
                    straightOpen = nil
                } else {
                    straightOpen = index + 1
                }
            } else if byte == 0xE2, index + 2 < range.upperBound, bytes[index + 1] == 0x80 {
                if bytes[index + 2] == 0x9C {
                    curlyOpen = index + 3
                } else if bytes[index + 2] == 0x9D, let open = curlyOpen {
                    result.append(open..<index)
                    curlyOpen = nil
                }
            }
            index += 1
        }
        let open = [curlyOpen, straightOpen].compactMap { $0 }.min()
        return (result.sorted { $0.lowerBound < $1.lowerBound }, open)
    }

    private func makeQuote(_ inner: Range<Int>, paragraph: Paragraph) -> Quote? {
        var range = context.text.trimmed(inner)
        if let last = range.last, context.text.bytes[last] == UInt8(ascii: ",") {
            range = context.text.trimmed(range.lowerBound..<last)
        }
        guard !range.isEmpty else { return nil }
        let firstInside = context.firstToken(atOrAfter: range.lowerBound)
        let afterInside = context.firstToken(atOrAfter: range.upperBound)
        let words = context.tokens[firstInside..<afterInside].reduce(0) { $0 + ($1.kind.isWordLike ? 1 : 0) }
        guard words >= Self.minimumAttributedWords else { return nil }
        let span = TextSpan(start: range.lowerBound, end: range.upperBound)
        var quote = Quote(span: span, text: context.text.string(span))
        let sentences = paragraph.firstSentence..<(paragraph.firstSentence + paragraph.sentenceCount)
        guard let lastSentence = sentences.last else { return words >= Self.minimumWords ? quote : nil }
        let paragraphTokens =
            context.document.sentences[sentences.lowerBound]
            .firstToken..<(context.document.sentences[lastSentence].firstToken
            + context.document.sentences[lastSentence].tokenCount)
        let closing = context.firstToken(atOrAfter: inner.upperBound + 1)
        let opening = context.firstToken(atOrAfter: inner.lowerBound) - 2
        let finder = SpeakerFinder(
            context: context,
            tokens: paragraphTokens,
            sentence: sentenceTokens(containing: max(opening + 1, paragraphTokens.lowerBound), in: sentences)
        )
        guard let speaker = finder.find(after: closing, before: opening) else {
            return words >= Self.minimumWords ? quote : nil
        }
        quote.speaker = context.text.string(speaker)
        quote.speakerSpan = speaker
        quote.speakerEntity = entityIndex(for: speaker, name: quote.speaker)
        return quote
    }

    /// The token range of the sentence (among `sentences`) that holds token `index`.
    /// (Binary search: a paragraph may hold thousands of sentences.)
    private func sentenceTokens(containing index: Int, in sentences: Range<Int>) -> Range<Int> {
        var low = sentences.lowerBound
        var high = sentences.upperBound
        while low < high {  // the first sentence that ends after `index`
            let mid = (low + high) / 2
            let sentence = context.document.sentences[mid]
            if sentence.firstToken + sentence.tokenCount <= index { low = mid + 1 } else { high = mid }
        }
        let sentence = context.document.sentences[min(low, sentences.upperBound - 1)]
        return sentence.firstToken..<(sentence.firstToken + sentence.tokenCount)
    }

    /// The entity with a mention at `span`, else one whose name is or ends with `name`. (The last entity with a
    /// mention starting where `span` does has that very mention when it is also the last with `span`: two lookups,
    /// not a search of its mentions.)
    private func entityIndex(for span: TextSpan, name: String) -> Int? {
        if let index = mentionEntity[span.start], spanEntity[span] == index {
            return index
        }
        if Lexicon.singularPronouns.contains(name.lowercased()) {
            return latestPerson(before: span.start, female: name.lowercased() == "she")
        }
        return names.index.firstIndex(of: name)
    }

    /// The person entity mentioned last before byte `offset` (`… Lopez arrived. “…,” she said`), passing over up
    /// to a few people whose given name says they do not match the pronoun (`she` and `John …`).
    private func latestPerson(before offset: Int, female: Bool) -> Int? {
        var low = 0
        var high = personMentions.count
        while low < high {
            let mid = (low + high) / 2
            if personMentions[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        var position = low - 1
        while position >= 0, position >= low - 8 {
            let entity = personMentions[position].entity
            if !mismatched(entities[entity].name, female: female) { return entity }
            position -= 1
        }
        return nil
    }

    private func mismatched(_ name: String, female: Bool) -> Bool {
        guard let space = name.firstIndex(of: " ") else { return false }
        let given = name[..<space].lowercased()
        return female ? Lexicon.maleNames.contains(given) : Lexicon.femaleNames.contains(given)
    }
}
