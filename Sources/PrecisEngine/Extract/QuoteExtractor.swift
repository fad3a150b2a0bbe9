/// Finds quotations and their speakers.
///
/// Text between matching curly (`“…”`) or straight (`"…"`) double quotes within one paragraph (several sentences
/// may be inside), with at least ``minimumWords`` words, or ``minimumAttributedWords`` when a speaker is found
/// (shorter unattributed ones are usually scare quotes). A quote split by its attribution (`“…,” X said, “…”`)
/// gives two quotes with the same speaker. The speaker is a capitalised name or a pronoun next to a reporting verb
/// right after the quote (`…,” said Maria Lopez`, `…,” Lopez said`), right before it (`Lopez said: “…”`), earlier in
/// its sentence (`Lopez said Saturday that the plan was “not ready”`), or after `according to` in the sentence; a
/// quote without one takes the speaker of the quote before it in the same paragraph. The speaker resolves to the
/// entity with that mention or whose name ends with it; `he`/`she` resolve to the person mentioned last before
/// the pronoun. The span covers the quoted words without the marks or a trailing comma.
struct QuoteExtractor {
    let context: ExtractionContext
    /// The entities being returned, for resolving speakers.
    let entities: [Entity]

    /// Where each person is mentioned, by start offset, for resolving `he`/`she`.
    let personMentions: [(start: Int, entity: Int)]
    /// The entity of each mention, by the mention's start offset.
    let mentionEntity: [Int: Int]

    init(context: ExtractionContext, entities: [Entity]) {
        self.context = context
        self.entities = entities
        var mentions: [(start: Int, entity: Int)] = []
        var byStart: [Int: Int] = [:]
        for (index, entity) in entities.enumerated() {
            for mention in entity.mentions {
                byStart[mention.span.start] = index
                if entity.label == .person { mentions.append((mention.span.start, index)) }
            }
        }
        mentionEntity = byStart
        personMentions = mentions.sorted { $0.start < $1.start }
    }

    static let minimumWords = 3
    /// Shorter quotes (`“not happy”`) count only when the text says who spoke them.
    static let minimumAttributedWords = 2

    func extract() -> [Quote] {
        var quotes: [Quote] = []
        for paragraph in context.document.paragraphs where ExtractionContext.isContent(paragraph.kind) {
            var previous: Quote?
            for range in quotedRanges(paragraph.span.start..<paragraph.span.end) {
                guard var quote = makeQuote(range, paragraph: paragraph) else { continue }
                if quote.speakerSpan == nil, let previous, previous.speakerSpan != nil {
                    quote.speaker = previous.speaker
                    quote.speakerSpan = previous.speakerSpan
                    quote.speakerEntity = previous.speakerEntity
                }
                quotes.append(quote)
                previous = quote
            }
        }
        return quotes
    }

    /// Inner byte ranges of the quotations in `range`.
    private func quotedRanges(_ range: Range<Int>) -> [Range<Int>] {
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
        return result.sorted { $0.lowerBound < $1.lowerBound }
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
    private func sentenceTokens(containing index: Int, in sentences: Range<Int>) -> Range<Int> {
        for number in sentences {
            let sentence = context.document.sentences[number]
            let range = sentence.firstToken..<(sentence.firstToken + sentence.tokenCount)
            if range.contains(index) || range.lowerBound > index { return range }
        }
        let last = context.document.sentences[sentences.upperBound - 1]
        return last.firstToken..<(last.firstToken + last.tokenCount)
    }

    /// The entity with a mention at `span`, else one whose name is or ends with `name`.
    private func entityIndex(for span: TextSpan, name: String) -> Int? {
        if let index = mentionEntity[span.start], entities[index].mentions.contains(where: { $0.span == span }) {
            return index
        }
        if Lexicon.singularPronouns.contains(name.lowercased()) { return latestPerson(before: span.start) }
        return entities.firstIndex { $0.name == name || $0.name.hasSuffix(" " + name) }
    }

    /// The person entity mentioned last before byte `offset` (`… Lopez arrived. “…,” she said`).
    private func latestPerson(before offset: Int) -> Int? {
        var low = 0
        var high = personMentions.count
        while low < high {
            let mid = (low + high) / 2
            if personMentions[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? personMentions[low - 1].entity : nil
    }
}
