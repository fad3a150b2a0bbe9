/// Assigns document roles to blocks.
///
/// v0 heuristics, deliberately small: a short line from a list of navigation and advertising phrases is
/// boilerplate; a short first line without final punctuation that comes before body text is the title (a first
/// `#` heading is too); a short unpunctuated line right after it is the subtitle; a short line starting with "By"
/// is a byline. Everything else keeps the kind the block splitter gave it.
struct StructureParser {
    let text: ByteText

    /// Lines longer than this many words are never title, subtitle, byline or boilerplate.
    static let titleMaxWords = 20
    static let subtitleMaxWords = 30
    static let bylineMaxWords = 10
    static let boilerplateMaxBytes = 80

    func classify(_ blocks: inout [Block]) {
        for index in blocks.indices where blocks[index].kind == .body && isBoilerplate(blocks[index]) {
            blocks[index].kind = .boilerplate
        }
        for index in blocks.indices where blocks[index].kind == .body && isByline(blocks[index]) {
            blocks[index].kind = .byline
        }
        guard let first = blocks.firstIndex(where: { $0.kind != .boilerplate }) else { return }
        let isTitle: Bool
        switch blocks[first].kind {
        case .heading: isTitle = blocks[first].level == 1
        case .body: isTitle = isShortUnpunctuated(blocks[first], maxWords: Self.titleMaxWords)
        default: isTitle = false
        }
        guard isTitle, hasBodyText(after: first, in: blocks) else { return }
        blocks[first].kind = .title
        blocks[first].level = 0
        guard let next = blocks[(first + 1)...].firstIndex(where: { $0.kind != .boilerplate }) else { return }
        if blocks[next].kind == .body, isShortUnpunctuated(blocks[next], maxWords: Self.subtitleMaxWords),
            hasBodyText(after: next, in: blocks)
        {
            blocks[next].kind = .subtitle
        }
    }

    /// A later block that reads like running text: it ends a sentence or is long.
    private func hasBodyText(after index: Int, in blocks: [Block]) -> Bool {
        blocks[(index + 1)...].contains { block in
            block.kind.isBody && (endsSentence(block.span) || wordCount(block.span, limit: 13) > 12)
        }
    }

    private func isShortUnpunctuated(_ block: Block, maxWords: Int) -> Bool {
        block.lineCount == 1 && wordCount(block.span, limit: maxWords + 1) <= maxWords && !endsSentence(block.span)
            && !endsWith(block.span, ":")
    }

    private func isBoilerplate(_ block: Block) -> Bool {
        guard block.span.count <= Self.boilerplateMaxBytes, block.lineCount == 1 else { return false }
        let line = text.lowercased(block.span)
        if Lexicon.boilerplatePrefixes.contains(where: { line.hasPrefix($0) }) { return true }
        var stripped = Substring(line)
        while let last = stripped.unicodeScalars.last, ".:!>»›|".unicodeScalars.contains(last) || last == " " {
            stripped = Substring(stripped.unicodeScalars.dropLast())
        }
        return Lexicon.boilerplateLines.contains(String(stripped))
    }

    private func isByline(_ block: Block) -> Bool {
        let span = block.span
        guard block.lineCount == 1, text.hasPrefix("by ", at: span.lowerBound, end: span.upperBound),
            text.isUppercase(at: span.lowerBound),
            wordCount(span, limit: Self.bylineMaxWords + 1) <= Self.bylineMaxWords
        else { return false }
        return !endsSentence(span)
    }

    private func endsSentence(_ range: Range<Int>) -> Bool {
        BlockSplitter(text: text).endsSentence(range)
    }

    private func endsWith(_ range: Range<Int>, _ byte: Unicode.Scalar) -> Bool {
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
