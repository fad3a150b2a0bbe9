/// Builds a ``ParsedDocument``: blocks, roles and structure fields, tokens, sentences, statistics and language.
struct DocumentParser {
    static let wordsPerMinute = 230

    func parse(_ string: String, interrupt: Interrupt) throws(EngineError) -> ParsedDocument {
        let text = ByteText(string)
        var blocks = try BlockSplitter(text: text).blocks(interrupt: interrupt)
        try interrupt.check()
        let structure = try StructureParser(text: text).classify(&blocks, interrupt: interrupt)
        try interrupt.check()
        return try assemble(string, text: text, blocks: blocks, structure: structure, interrupt: interrupt)
    }

    /// Tokens, sentences, statistics and language for blocks whose kinds are already known.
    func assemble(
        _ string: String,
        text: ByteText,
        blocks: [Block],
        structure: DocumentStructure,
        interrupt: Interrupt
    ) throws(EngineError) -> ParsedDocument {
        var pacer = InterruptPacer(interrupt)

        var tokenizer = Tokenizer(text: text)
        let splitter = SentenceSplitter(text: text)
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 5)
        var sentences: [Sentence] = []
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            try pacer.check(progress: block.span.lowerBound)
            let firstToken = tokens.count
            for range in block.content { tokenizer.tokenize(range, into: &tokens) }
            let firstSentence = sentences.count
            splitter.split(tokens, range: firstToken..<tokens.count, paragraph: index, into: &sentences)
            paragraphs.append(
                Paragraph(
                    kind: block.kind,
                    span: TextSpan(start: block.span.lowerBound, end: block.span.upperBound),
                    firstSentence: firstSentence,
                    sentenceCount: sentences.count - firstSentence,
                    level: block.kind == .heading ? block.level : 0
                )
            )
        }

        func located(_ range: Range<Int>?) -> Located? {
            guard let range else { return nil }
            return Located(text: text.string(range), span: TextSpan(start: range.lowerBound, end: range.upperBound))
        }
        try interrupt.check()
        let words = tokens.reduce(0) { $0 + ($1.kind.isWordLike ? 1 : 0) }
        let stats = DocumentStats(
            characters: text.bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) },
            words: words,
            sentences: sentences.count,
            paragraphs: paragraphs.count,
            readingTimeSeconds: (words * 60 + Self.wordsPerMinute - 1) / Self.wordsPerMinute
        )
        return ParsedDocument(
            text: string,
            title: located(structure.title),
            subtitle: located(structure.subtitle),
            byline: located(structure.byline),
            section: located(structure.section),
            dateline: located(structure.dateline),
            published: located(structure.published),
            captions: structure.captions.map { Caption(text: located($0.text)!, credit: located($0.credit)) },
            paragraphs: paragraphs,
            sentences: sentences,
            tokens: tokens,
            stats: stats,
            language: LanguageDetector(text: text).detect(tokens)
        )
    }
}

extension TokenKind {
    /// Tokens a reader counts as words.
    var isWordLike: Bool {
        switch self {
        case .word, .number, .abbreviation, .url, .email, .handle, .hashtag: true
        case .punctuation, .symbol, .emoji, .other: false
        }
    }
}
