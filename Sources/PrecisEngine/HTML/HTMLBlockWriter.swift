/// One block of an article found in HTML: its kind, its text with whitespace normalised, and its links.
struct HTMLBlock: Sendable, Hashable {
    var kind: ParagraphKind
    var level: Int
    var text: String
    /// Links as byte ranges of `text` and their targets.
    var links: [HTMLLinkRange]
}

struct HTMLLinkRange: Sendable, Hashable {
    var range: Range<Int>
    var href: String
}

/// Writes the article's elements as blocks: block-level elements and `<br>` break the text, headings, list
/// items, block quotes and captions keep their kind, and containers that look like furniture inside the article
/// (link lists, share bars, image strips, forms) are left out, as readability's conditional clean does.
struct HTMLBlockWriter {
    let finder: HTMLContentFinder
    /// Headings with this text (the title) are not repeated in the body.
    let title: String?

    private(set) var blocks: [HTMLBlock] = []
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var links: [HTMLLinkRange] = []
    private var kinds: [(kind: ParagraphKind, level: Int)] = []

    /// The finder's tree and counts, held here so that reading them copies nothing.
    private let tree: HTMLTree
    private let stats: HTMLStats

    init(finder: HTMLContentFinder, title: String?) {
        self.finder = finder
        self.title = title.map(HTMLBlockWriter.comparable)
        tree = finder.tree
        stats = finder.stats
    }

    mutating func write(_ roots: [Int]) {
        for root in roots { visit(root, depth: 0) }
        flush()
    }

    private mutating func visit(_ index: Int, depth: Int) {
        let tag = tree.nodes[index].tag  // fields are read one by one: copying a node costs four retains
        if tag == .text {
            append(tree.textBytes(index))
            return
        }
        // the chosen containers themselves are the article; only what is inside them is cleaned
        guard !finder.isLeftOut(index), !tag.isNeverText, depth == 0 || keeps(index) else { return }
        let kind = blockKind(tag)
        if tag == .br || tag == .hr {
            flush()
            return
        }
        if tag.isBlock { flush() }
        if let kind { kinds.append(kind) }
        let linkStart = buffer.count + (pendingSpace && !buffer.isEmpty ? 1 : 0)
        var child = tree.nodes[index].firstChild
        while child >= 0 {
            visit(child, depth: depth + 1)
            child = tree.nodes[child].nextSibling
        }
        if tag == .a, buffer.count > linkStart, let href = tree.attribute(index, "href") {
            links.append(HTMLLinkRange(range: linkStart..<buffer.count, href: href))
        }
        if tag.isBlock { flush() }
        if kind != nil { kinds.removeLast() }
    }

    private func blockKind(_ tag: HTMLTag) -> (kind: ParagraphKind, level: Int)? {
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6: (.heading, tag.headingLevel)
        case .li, .dd, .dt: (.listItem, 0)
        case .blockquote: (.blockQuote, 0)
        case .figcaption, .caption: (.caption, 0)
        case .figure: (.caption, 0)
        default: nil
        }
    }

    /// Whether an element inside the article is kept (readability's conditional clean, simplified).
    private func keeps(_ index: Int) -> Bool {
        let tag = tree.nodes[index].tag
        let classID = tree.classID(index)
        let length = stats.textLength[index]
        let density = stats.linkDensity(index)
        let weight = HTMLHints.weight(classID)
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if weight < 0 || density > 0.33 { return false }
            if let title, Self.comparable(text(of: index)) == title { return false }
            return true
        case .p:
            // a paragraph that is one link or a row of links ("Read more: …", a related headline)
            return !(density > 0.8 && length < 300)
        case .ul, .ol, .dl:
            if density > 0.5 || (weight < 0 && density > 0.2) { return false }
            return true
        case .table, .div, .section, .figure, .header, .footer, .aside:
            if HTMLHints.embed.occurs(in: classID) { return true }  // an embedded post: its links are its content
            if weight < 0 && stats.commas[index] < 10 { return false }
            guard stats.commas[index] < 10 else { return true }
            let paragraphs = stats.paragraphs[index]
            let images = stats.images[index]
            if tag != .figure, images > 1, Double(paragraphs) / Double(images) < 0.5, length < 100 * images { return false }
            if stats.listItems[index] - 100 > paragraphs { return false }
            if stats.inputs[index] > paragraphs / 3 + 1 { return false }
            if length < 25, images == 0 || images > 2, density > 0 { return false }
            if weight < 25 && density > 0.2 && length < 1200 { return false }
            if density > 0.5 { return false }
            if stats.embeds[index] > 1 || (stats.embeds[index] == 1 && length < 75) { return false }
            return true
        default:
            return true
        }
    }

    private mutating func append(_ text: ArraySlice<UInt8>) {
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if Self.isSpace(byte) {
                    pendingSpace = true
                    index += 1
                } else if byte == 0xC2 {
                    // a no-break space (C2 A0) is a space here; any other C2 pair is written as it is
                    if index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                        pendingSpace = true
                        index += 2
                    } else {
                        if index + 1 < bytes.count { emit(0xC2) }
                        index += 1
                    }
                } else {
                    // a run of other bytes goes in at once
                    var end = index + 1
                    while end < bytes.count, !Self.isSpace(bytes[end]), bytes[end] != 0xC2 { end += 1 }
                    if pendingSpace && !buffer.isEmpty { buffer.append(0x20) }
                    pendingSpace = false
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                }
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private mutating func emit(_ byte: UInt8) {
        if pendingSpace && !buffer.isEmpty { buffer.append(0x20) }
        pendingSpace = false
        buffer.append(byte)
    }

    private mutating func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            links.removeAll()
            pendingSpace = false
        }
        let text = String(decoding: buffer, as: UTF8.self)
        guard !text.isEmpty, text.utf8.contains(where: { $0.isASCIIAlphanumeric || $0 >= 0x80 }) else { return }
        let (kind, level) = kinds.last ?? (.body, 0)
        let kept = links.filter { $0.range.upperBound <= text.utf8.count }
        blocks.append(HTMLBlock(kind: kind, level: level, text: text, links: kept))
    }

    private func text(of index: Int) -> String {
        var out = ""
        tree.collectText(index, into: &out, skipping: { _ in false })
        return out
    }

    /// ASCII letters (lowercased), digits and every non-ASCII character, for comparing a heading with the
    /// title: spaces and ASCII punctuation do not count.
    static func comparable(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) {
                out.append(byte)
            } else if byte >= 0x41 && byte <= 0x5A {
                out.append(byte | 0x20)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
