/// Reads the header at the top of a document: section, title, subtitle (dek) and byline.
///
/// Walks at most ``maxBlocks`` blocks from the top, skipping boilerplate, captions, credits and date lines:
/// - a line starting `By` (or `Written by` …) is the byline;
/// - the first short unpunctuated line (≤ 20 words; a question of 4+ words too) or first `#` heading, when body
///   text follows, is the title; a line of at most three words right before such a title (not a byline or a bare name) is the section;
/// - after the title, a bare person's name followed by running text is the byline; a line is the subtitle when
///   it is short and unpunctuated, or when a byline or date line comes right after it (decks may end with `.`).
/// Anything else ends the header. Returns the index where the body starts.
struct HeaderScanner {
    let parser: StructureParser

    static let maxBlocks = 24
    static let sectionMaxWords = 3
    static let sectionMaxBytes = 40
    /// A subtitle not followed by a byline or date must be shorter than this and unpunctuated.
    static let bareSubtitleMaxWords = 22

    func scan(_ blocks: inout [Block], into structure: inout DocumentStructure) -> Int {
        let hasText = runningTextAfter(blocks)
        let limit = min(blocks.count, Self.maxBlocks)
        var title: Int?
        var subtitle: Int?
        var byline: Int?
        var index = 0
        walk: while index < limit {
            let block = blocks[index]
            switch block.kind {
            case .boilerplate, .caption, .credit, .published:
                index += 1
                continue walk
            case .body, .heading: break
            default: break walk
            }
            if byline == nil, block.kind == .body, block.lineCount == 1,
                let name = parser.patterns.bylineName(block.span)
            {
                blocks[index].kind = .byline
                structure.byline = name
                byline = index
            } else if title == nil {
                guard isTitle(block), hasText[index] else { break walk }
                if structure.section == nil, isSection(block), let next = nextContent(blocks, after: index),
                    blocks[next].kind == .body, isTitle(blocks[next]), hasText[next],
                    parser.patterns.bylineName(blocks[next].span) == nil,
                    !parser.patterns.personName(blocks[next].span)
                {
                    blocks[index].kind = .section
                    structure.section = block.span
                } else {
                    blocks[index].kind = .title
                    blocks[index].level = 0
                    structure.title = block.span
                    title = index
                }
            } else if byline == nil, block.kind == .body, isBareByline(blocks, index, hasText) {
                blocks[index].kind = .byline
                structure.byline = block.span
                byline = index
            } else if subtitle == nil, byline == nil, block.kind == .body, isSubtitle(blocks, index, hasText) {
                blocks[index].kind = .subtitle
                structure.subtitle = block.span
                subtitle = index
            } else {
                break walk
            }
            index += 1
        }
        return min(index, blocks.count)
    }

    /// For each block, whether a later block reads like running text (ends a sentence or has 13+ words).
    private func runningTextAfter(_ blocks: [Block]) -> [Bool] {
        var result = [Bool](repeating: false, count: blocks.count)
        var seen = false
        for index in blocks.indices.reversed() {
            result[index] = seen
            let block = blocks[index]
            if block.kind.isBody,
                parser.endsSentence(block.span) || parser.wordCount(block.span, limit: 13) > 12
            {
                seen = true
            }
        }
        return result
    }

    private func isTitle(_ block: Block) -> Bool {
        if block.kind == .heading { return block.level == 1 }
        guard block.kind == .body, block.lineCount == 1, !looksLikeProseOrLink(block.span) else { return false }
        if parser.isShortUnpunctuated(block, maxWords: StructureParser.titleMaxWords) { return true }
        let words = parser.wordCount(block.span, limit: StructureParser.titleMaxWords + 1)
        return parser.endsWith(block.span, "?") && words >= 4 && words <= StructureParser.titleMaxWords
    }

    /// A line with a link, hashtag or handle, a sentence end inside it (`… advertiser. All …`), two colons, or
    /// a place in capitals followed by a comma (a dateline on its own line): not a headline.
    private func looksLikeProseOrLink(_ span: Range<Int>) -> Bool {
        let bytes = parser.text.bytes
        var colons = 0
        var lowercase = 0
        var letters = 0
        var run = 0
        for index in span {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "@"): return true
            case UInt8(ascii: ":"): colons += 1
            case UInt8(ascii: "."):
                if run >= 4, index + 2 < span.upperBound, bytes[index + 1] == 0x20,
                    parser.text.isUppercase(at: index + 2)
                {
                    return true
                }
            case UInt8(ascii: "/"):
                if index + 1 < span.upperBound, bytes[index + 1] == UInt8(ascii: "/") { return true }
            default: break
            }
            if byte >= 0x61, byte <= 0x7A {
                run += 1
                lowercase += 1
            } else {
                run = 0
            }
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) { letters += 1 }
        }
        if colons >= 2 || containsWWW(span) { return true }
        return lowercase == 0 && letters > 0 && span.contains { bytes[$0] == UInt8(ascii: ",") }
    }

    /// Whether `www.` appears in the span, in any case, by a byte scan (no string is built).
    private func containsWWW(_ span: Range<Int>) -> Bool {
        let bytes = parser.text.bytes
        var index = span.lowerBound
        while index + 4 <= span.upperBound {
            if bytes[index] | 0x20 == 0x77, bytes[index + 1] | 0x20 == 0x77, bytes[index + 2] | 0x20 == 0x77,
                bytes[index + 3] == UInt8(ascii: ".")
            {
                return true
            }
            index += 1
        }
        return false
    }

    private func isSection(_ block: Block) -> Bool {
        block.kind == .body && block.span.count <= Self.sectionMaxBytes
            && parser.wordCount(block.span, limit: Self.sectionMaxWords + 1) <= Self.sectionMaxWords
    }

    /// A bare name line after the title, followed by running text.
    private func isBareByline(_ blocks: [Block], _ index: Int, _ hasText: [Bool]) -> Bool {
        guard blocks[index].lineCount == 1, parser.patterns.personName(blocks[index].span),
            let next = nextContent(blocks, after: index)
        else { return false }
        return isRunningText(blocks[next]) || blocks[next].kind == .published
    }

    private func isSubtitle(_ blocks: [Block], _ index: Int, _ hasText: [Bool]) -> Bool {
        let block = blocks[index]
        guard block.lineCount == 1, hasText[index],
            parser.wordCount(block.span, limit: StructureParser.subtitleMaxWords + 1)
                <= StructureParser.subtitleMaxWords
        else { return false }
        if parser.isShortUnpunctuated(block, maxWords: Self.bareSubtitleMaxWords) { return true }
        guard let next = nextContent(blocks, after: index) else { return false }
        let following = blocks[next]
        if following.kind == .published { return true }
        guard following.kind == .body, following.lineCount == 1 else { return false }
        return parser.patterns.bylineName(following.span) != nil || isBareByline(blocks, next, hasText)
    }

    private func isRunningText(_ block: Block) -> Bool {
        block.kind == .body && parser.endsSentence(block.span) && parser.wordCount(block.span, limit: 9) > 8
    }

    /// The next block after `index` that is not boilerplate, a caption or a credit.
    private func nextContent(_ blocks: [Block], after index: Int) -> Int? {
        var next = index + 1
        while next < blocks.count, next <= index + 6 {
            switch blocks[next].kind {
            case .boilerplate, .caption, .credit: next += 1
            default: return next
            }
        }
        return nil
    }
}
