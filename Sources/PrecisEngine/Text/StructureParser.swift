/// The structure fields found in a document, as byte ranges of its text.
struct DocumentStructure: Sendable {
    var title: Range<Int>?
    var subtitle: Range<Int>?
    /// The author's name (without `By`).
    var byline: Range<Int>?
    var section: Range<Int>?
    var dateline: Range<Int>?
    var published: Range<Int>?
    var captions: [(text: Range<Int>, credit: Range<Int>?)] = []
}

/// Assigns document roles to blocks and collects the structure fields.
///
/// Passes, each linear in the number of blocks and bounded per block:
/// 1. single-line captions that end with their credit (after a no-break space, in parentheses, after `|`) are
///    split into a caption block and a credit block;
/// 2. short page-furniture lines (`Advertisement`, `Read more: …`, share, subscribe and cookie prompts) become
///    boilerplate, whole-line picture credits become credits (the short block before one is its caption) and
///    date lines become published;
/// 3. the header at the top (see ``HeaderScanner``) gives section, title, subtitle and byline;
/// 4. the first body paragraph may open with a dateline, which is reported but keeps the paragraph body.
/// When unsure, a block stays body.
struct StructureParser {
    let text: ByteText

    static let titleMaxWords = 20
    static let subtitleMaxWords = 45
    static let boilerplateMaxBytes = 80
    static let boilerplatePrefixMaxBytes = 240
    static let captionMaxWords = 60

    var patterns: LinePatterns { LinePatterns(text: text) }

    func classify(_ blocks: inout [Block], interrupt: Interrupt = .none) throws(EngineError) -> DocumentStructure {
        var structure = DocumentStructure()
        try splitCaptions(&blocks, into: &structure, interrupt: interrupt)
        try markLines(&blocks, into: &structure, interrupt: interrupt)
        try interrupt.check()
        let bodyStart = HeaderScanner(parser: self).scan(&blocks, into: &structure)
        if let first = blocks[bodyStart...].firstIndex(where: { $0.kind.isBody }), blocks[first].kind == .body {
            structure.dateline = DatelineFinder(text: text).dateline(in: blocks[first].span)
        }
        return structure
    }

    /// Pass 1: `Caption text<NBSP>Credit photographer` → caption + credit blocks.
    private func splitCaptions(_ blocks: inout [Block], into structure: inout DocumentStructure, interrupt: Interrupt)
        throws(EngineError)
    {
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            try interrupt.check(at: index)
            guard block.kind == .body, block.lineCount == 1,
                wordCount(block.span, limit: Self.captionMaxWords + 1) <= Self.captionMaxWords,
                let (caption, credit) = patterns.splitCaption(block.span), isStrongCredit(credit)
            else {
                result.append(block)
                continue
            }
            result.append(Block(kind: .caption, content: caption))
            result.append(Block(kind: .credit, content: credit))
            structure.captions.append((caption, credit))
        }
        blocks = result
    }

    /// A credit that cannot be the end of a sentence: it has a space, slash or colon (`(AP)` alone does not count).
    private func isStrongCredit(_ range: Range<Int>) -> Bool {
        range.contains { text.bytes[$0] == 0x20 || text.bytes[$0] == UInt8(ascii: "/") || text.bytes[$0] == 0x3A }
    }

    /// Pass 2: boilerplate, whole-line credits (with the caption before them) and published dates.
    private func markLines(_ blocks: inout [Block], into structure: inout DocumentStructure, interrupt: Interrupt)
        throws(EngineError)
    {
        for index in blocks.indices {
            try interrupt.check(at: index)
            guard blocks[index].kind == .body, blocks[index].lineCount == 1 else { continue }
            let span = blocks[index].span
            if isBoilerplate(span) {
                blocks[index].kind = .boilerplate
            } else if patterns.isCredit(span) {
                blocks[index].kind = .credit
                if index > 0, blocks[index - 1].kind == .body, blocks[index - 1].lineCount == 1,
                    wordCount(blocks[index - 1].span, limit: Self.captionMaxWords + 1) <= Self.captionMaxWords
                {
                    blocks[index - 1].kind = .caption
                    structure.captions.append((blocks[index - 1].span, span))
                }
            } else if patterns.isPublished(span) {
                blocks[index].kind = .published
                if structure.published == nil { structure.published = span }
            }
        }
    }

    /// A short line of page furniture.
    func isBoilerplate(_ span: Range<Int>) -> Bool {
        guard span.count <= Self.boilerplatePrefixMaxBytes else { return false }
        // a line too long to be a furniture line can only be one by its start: most are passed over on their first
        // bytes, without lowercasing the line
        if span.count > Self.boilerplateMaxBytes, !Self.furniturePrefixBytes.contains(where: { mayStart(span, with: $0) }) {
            return false
        }
        let line = text.lowercased(span)
        if Lexicon.boilerplatePrefixes.contains(where: { line.hasPrefix($0) })
            || Lexicon.pageFurniturePrefixes.contains(where: { line.hasPrefix($0) })
        {
            return true
        }
        guard span.count <= Self.boilerplateMaxBytes else { return false }
        var stripped = Substring(line)
        while let last = stripped.unicodeScalars.last, ".:!>»›|".unicodeScalars.contains(last) || last == " " {
            stripped = Substring(stripped.unicodeScalars.dropLast())
        }
        let key = String(stripped)
        return Lexicon.boilerplateLines.contains(key) || Lexicon.pageFurnitureLines.contains(key)
    }

    private static let furniturePrefixBytes = (Lexicon.boilerplatePrefixes + Lexicon.pageFurniturePrefixes).map { Array($0.utf8) }

    /// False only when the lowercased text at `span` certainly does not start with `prefix`: its first bytes are
    /// ASCII and differ from it (ASCII letters lowercase to ASCII, so the lowercased text starts with the same bytes
    /// lowercased); true when they match or a non-ASCII byte comes first.
    private func mayStart(_ span: Range<Int>, with prefix: [UInt8]) -> Bool {
        for offset in prefix.indices {
            guard span.lowerBound + offset < span.upperBound else { return false }
            let byte = text.bytes[span.lowerBound + offset]
            if byte >= 0x80 { return true }
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != prefix[offset] { return false }
        }
        return true
    }

    /// A one-line block of at most `maxWords` words that does not end a sentence or with a colon.
    func isShortUnpunctuated(_ block: Block, maxWords: Int) -> Bool {
        block.lineCount == 1 && wordCount(block.span, limit: maxWords + 1) <= maxWords && !endsSentence(block.span)
            && !endsWith(block.span, ":")
    }

    func endsSentence(_ range: Range<Int>) -> Bool {
        BlockSplitter(text: text).endsSentence(range)
    }

    func endsWith(_ range: Range<Int>, _ byte: Unicode.Scalar) -> Bool {
        !range.isEmpty && text.bytes[range.upperBound - 1] == UInt8(byte.value)
    }

    /// Whitespace-separated words in `range`, counting at most `limit`.
    func wordCount(_ range: Range<Int>, limit: Int) -> Int {
        var count = 0
        var inWord = false
        for index in range {
            let byte = text.bytes[index]
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if !isSpace, !inWord {
                count += 1
                if count >= limit { return count }
            }
            inWord = !isSpace
        }
        return count
    }
}
