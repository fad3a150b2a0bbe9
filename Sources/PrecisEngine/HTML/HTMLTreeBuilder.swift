internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif


/// Receives libxml2's SAX events for one page and builds the ``HTMLTree``'s nodes.
///
/// Only ever used by the thread that runs the parse, inside ``HTMLTree/init(html:maxDepth:)``, one callback at a
/// time: no access to its properties can overlap another, so they are not checked at run time for exclusive
/// access (a check per property access, on every SAX event).
final class HTMLTreeBuilder {
    @exclusivity(unchecked) var nodes: [HTMLNode]
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var attributes: [HTMLAttribute] = []
    /// Kept ancestors of the current position.
    @exclusivity(unchecked) var stack: [Int] = [0]
    /// Open elements below the deepest kept ancestor.
    @exclusivity(unchecked) var excess = 0
    /// Open elements inside one whose content is never text (a script, a style …).
    @exclusivity(unchecked) var skipped = 0
    /// The JSON-LD script whose text is being collected.
    @exclusivity(unchecked) var collecting: Int?
    /// Whether the skipped element is a script or a style, whose content libxml2 reads as raw text.
    @exclusivity(unchecked) var raw = false
    /// Whether start tags ahead of the parser may be rewritten without the attributes never read (see
    /// ``compactNext(at:)``).
    @exclusivity(unchecked) var compacting = false
    @exclusivity(unchecked) var compactor = HTMLTagCompactor()
    /// The parser, for moving it past the content of scripts and styles (see ``skipRawText(_:)``).
    @exclusivity(unchecked) var context: htmlParserCtxtPtr?
    let maxDepth: Int

    init(maxDepth: Int, capacity: Int) {
        self.maxDepth = maxDepth
        nodes = [HTMLNode(tag: .html, parent: -1)]
        nodes.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 8)
        attributes.reserveCapacity(capacity / 4)
    }

    static var handler: htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            HTMLTreeBuilder.builder(context).start(name, attributes)
        }
        handler.endElement = { context, _ in
            HTMLTreeBuilder.builder(context).end()
        }
        handler.characters = { context, characters, length in
            HTMLTreeBuilder.builder(context).text(characters, length)
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        return handler
    }

    static func builder(_ context: UnsafeMutableRawPointer?) -> HTMLTreeBuilder {
        Unmanaged<HTMLTreeBuilder>.fromOpaque(context!).takeUnretainedValue()
    }

    private func append(_ node: HTMLNode) {
        let index = nodes.count
        let last = nodes[node.parent].lastChild
        if last >= 0 { nodes[last].nextSibling = index } else { nodes[node.parent].firstChild = index }
        nodes[node.parent].lastChild = index
        nodes.append(node)
    }

    func start(_ rawName: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if skipped > 0 {
            skipped += 1
            return
        }
        let tag = rawName.map { HTMLTag.named($0) } ?? .other
        let parent = stack[stack.count - 1]
        if tag == .script {
            skipped = 1
            raw = true
            if Self.isJSONLD(attributes) {
                append(HTMLNode(tag: .script, parent: parent))
                collecting = nodes.count - 1
            } else if let rawName {
                skipRawText(rawName)
            }
            return
        }
        if tag == .style, let rawName {
            skipped = 1
            raw = true
            skipRawText(rawName)
            return
        }
        if tag.isNeverText && tag != .head && tag != .title && tag != .meta && tag != .link {
            skipped = 1
            if tag == .svg { skipSVG() }
            compactAfterStart()
            return
        }
        if excess > 0 {
            // too deep to keep: a block element still breaks the text
            if tag.isBlock { append(HTMLNode(tag: .br, parent: parent)) }
            excess += 1
            return
        }
        if stack.count >= maxDepth {
            // everything below here goes into one plain container, read like a paragraph
            append(HTMLNode(tag: .div, parent: parent))
            stack.append(nodes.count - 1)
            excess = 1
            compactAfterStart()
            return
        }
        append(element(tag, parent: parent, attributes))
        stack.append(nodes.count - 1)
        compactAfterStart()
    }

    func end() {
        if skipped > 0 {
            skipped -= 1
            if skipped == 0 {
                collecting = nil
                raw = false
            }
        } else if excess > 0 {
            excess -= 1
            if excess == 0 { stack.removeLast() }  // the container of the flattened elements
        } else if stack.count > 1 {
            stack.removeLast()
        }
        // after an end tag (or an empty element) the input stands just past its `>`
        guard compacting, !raw, let input = context?.pointee.input, let cur = input.pointee.cur,
            let base = input.pointee.base, cur > base, cur[-1] == UInt8(ascii: ">")
        else { return }
        compactNext(at: cur)
    }

    /// Rewrites the start tag that comes right after the one whose start callback is running. The input then
    /// stands on that tag's `>` (still to be read); when the next tag follows at once, the `>` is written again
    /// right before the shortened tag and the parser moved to it, so libxml2 goes on as if nothing lay between.
    private func compactAfterStart() {
        guard compacting, !raw, let input = context?.pointee.input, let cur = input.pointee.cur,
            let end = input.pointee.end, end - cur > 2, cur.pointee == UInt8(ascii: ">"), cur[1] == UInt8(ascii: "<")
        else { return }
        let mutable = UnsafeMutablePointer(mutating: cur)
        guard let moved = compactor.compact(mutable + 1, end: UnsafeMutablePointer(mutating: end)) else { return }
        moved[-1] = UInt8(ascii: ">")
        input.pointee.cur = UnsafePointer(moved - 1)
    }

    /// Rewrites the start tag at `cur` (the parser's position, where it reads next) when it has attributes the
    /// extractor never reads (``HTMLTagCompactor``), and moves the parser to its new start.
    private func compactNext(at cur: UnsafePointer<xmlChar>) {
        guard let input = context?.pointee.input, let end = input.pointee.end, end - cur > 2,
            cur.pointee == UInt8(ascii: "<")
        else { return }
        guard let moved = compactor.compact(UnsafeMutablePointer(mutating: cur), end: UnsafeMutablePointer(mutating: end)) else {
            return
        }
        input.pointee.cur = UnsafePointer(moved)
    }

    func text(_ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
        guard let characters, length > 0 else { return }
        let buffer = UnsafeBufferPointer(start: characters, count: Int(length))
        if skipped > 0 {
            if let collecting { appendText(buffer, to: collecting) }
        } else {
            let parent = stack[stack.count - 1]
            let last = nodes[parent].lastChild
            if last >= 0, nodes[last].tag == .text {
                appendText(buffer, to: last)
            } else {
                var node = HTMLNode(tag: .text, parent: parent)
                node.textStart = Int32(truncatingIfNeeded: bytes.count)
                bytes.append(contentsOf: buffer)
                node.textEnd = Int32(truncatingIfNeeded: bytes.count)
                append(node)
            }
        }
        // text ends where a tag begins: the input then stands on its `<`
        guard compacting, !raw, let cur = context?.pointee.input.pointee.cur else { return }
        compactNext(at: cur)
    }

    /// Adds `buffer` to the text of the node at `index`: in place when that text is the last thing in ``bytes``
    /// (as it is when libxml2 hands over one run of text in pieces), else by moving the text to the end first.
    private func appendText(_ buffer: UnsafeBufferPointer<xmlChar>, to index: Int) {
        if Int(nodes[index].textEnd) != bytes.count {
            let start = Int(nodes[index].textStart)
            let end = Int(nodes[index].textEnd)
            nodes[index].textStart = Int32(truncatingIfNeeded: bytes.count)
            bytes.append(contentsOf: bytes[start..<end])
        }
        bytes.append(contentsOf: buffer)
        nodes[index].textEnd = Int32(truncatingIfNeeded: bytes.count)
    }

    /// Moves libxml2 to the end of the script or style element it has just started, so that it does not read
    /// the content character by character only for it to be dropped here: scripts and styles are often half of
    /// a page's bytes.
    ///
    /// libxml2 reads a script's or style's content as raw text that ends at the first `</` followed by the
    /// element's name in any case (in recovery mode); this finds the same place with `memchr`. When the start
    /// tag's callback runs, the input stands on the tag's closing `>`; the parser is moved to the last byte
    /// before the end tag and that byte (content that is skipped anyway) becomes the `>`, so libxml2 goes on
    /// as after an empty element. Nothing moves when the input does not stand on `>` (a `<script/>`, another
    /// libxml2 version's order of events) or when the element never ends (libxml2 then reads on to the end).
    private func skipRawText(_ name: UnsafePointer<xmlChar>) {
        guard let input = context?.pointee.input, let start = input.pointee.cur, let end = input.pointee.end,
            start < end, start.pointee == UInt8(ascii: ">")
        else { return }
        let nameLength = Int(xmlStrlen(name))
        var position = start + 1
        while end - position >= 2 + nameLength {
            guard let found = memchr(position, 0x3C, end - position) else { return }
            let less = UnsafePointer(found.assumingMemoryBound(to: xmlChar.self))
            guard end - less >= 2 + nameLength else { return }
            if less[1] == UInt8(ascii: "/"), xmlStrncasecmp(less + 2, name, Int32(nameLength)) == 0 {
                guard less - 1 > start else { return }  // empty content: nothing to skip
                UnsafeMutablePointer(mutating: less - 1).pointee = UInt8(ascii: ">")
                input.pointee.cur = less - 1
                return
            }
            position = less + 1
        }
    }

    /// Moves libxml2 to the end of the `<svg>` it has just started when what lies before the first `</svg`
    /// is plain SVG markup that libxml2 would only turn into elements dropped here: icons are a tenth of many
    /// pages' markup, most of it path data in attributes. It stays where it is (and libxml2 reads the content
    /// as usual) when the content holds anything libxml2 treats specially — an element libxml2 knows from HTML
    /// (one might close an element outside the `<svg>`; `<title>`, an icon's name, is the exception), another
    /// `<svg>`, a comment, CDATA or a processing instruction — so the tree is the one libxml2 would build.
    private func skipSVG() {
        guard let input = context?.pointee.input, let start = input.pointee.cur, let end = input.pointee.end,
            start < end, start.pointee == UInt8(ascii: ">")
        else { return }
        var position = start + 1
        var tagName = [xmlChar](repeating: 0, count: 33)
        while position < end {
            guard let found = memchr(position, 0x3C, end - position) else { return }
            let less = UnsafePointer(found.assumingMemoryBound(to: xmlChar.self))
            guard end - less >= 2 else { return }
            var cursor = less + 1
            let isEnd = cursor.pointee == UInt8(ascii: "/")
            if isEnd { cursor += 1 }
            guard cursor.pointee.isASCIIAlphanumeric else {
                if cursor.pointee == UInt8(ascii: "!") || cursor.pointee == UInt8(ascii: "?") { return }
                position = less + 1  // a lone `<` is text
                continue
            }
            var length = 0
            while cursor < end, length < 32,
                cursor.pointee.isASCIIAlphanumeric || cursor.pointee == UInt8(ascii: "-") || cursor.pointee == UInt8(ascii: ":")
            {
                let byte = cursor.pointee
                tagName[length] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                length += 1
                cursor += 1
            }
            tagName[length] = 0
            let isSVG = length == 3 && tagName[0] == UInt8(ascii: "s") && tagName[1] == UInt8(ascii: "v")
                && tagName[2] == UInt8(ascii: "g")
            if isSVG {
                guard isEnd, less - 1 > start else { return }  // a nested <svg>, or nothing to skip
                UnsafeMutablePointer(mutating: less - 1).pointee = UInt8(ascii: ">")
                input.pointee.cur = less - 1
                return
            }
            let isKnown = tagName.withUnsafeBufferPointer { htmlTagLookup($0.baseAddress!) != nil }
            if isKnown, !(length == 5 && tagName.starts(with: Self.title)) { return }
            position = cursor
        }
    }

    private static let title = Array("title".utf8)

    private func element(
        _ tag: HTMLTag,
        parent: Int,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> HTMLNode {
        var node = HTMLNode(tag: tag, parent: parent)
        guard var pair = attributes else { return node }
        node.attributeStart = Int32(truncatingIfNeeded: self.attributes.count)
        node.classStart = -1
        while let rawName = pair.pointee {
            let value = pair.successor().pointee
            pair += 2
            guard let key = PackedName(rawName), let kept = HTMLTree.attributeTable.find(key) else { continue }
            if kept >= 0 {
                let start = Int32(truncatingIfNeeded: bytes.count)
                if let value { bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))) }
                self.attributes.append(HTMLAttribute(name: kept, start: start, end: Int32(truncatingIfNeeded: bytes.count)))
            } else if var byte = value {
                if node.classStart >= 0 && node.classEnd > node.classStart {
                    // `class` and `id` are kept together at the end of the bytes; an attribute read in between moves
                    // the first one there again
                    if Int(node.classEnd) != bytes.count {
                        let start = Int(node.classStart)
                        let end = Int(node.classEnd)
                        node.classStart = Int32(truncatingIfNeeded: bytes.count)
                        bytes.append(contentsOf: bytes[start..<end])
                    }
                    bytes.append(0x20)
                } else {
                    node.classStart = Int32(truncatingIfNeeded: bytes.count)
                }
                while byte.pointee != 0 {
                    let character = byte.pointee
                    bytes.append(character >= 0x41 && character <= 0x5A ? character | 0x20 : character)
                    byte += 1
                }
                node.classEnd = Int32(truncatingIfNeeded: bytes.count)
            }
        }
        if node.classStart < 0 { node.classStart = 0 }
        node.attributeEnd = Int32(truncatingIfNeeded: self.attributes.count)
        return node
    }

    /// Whether a script's `type` attribute says JSON-LD (`application/ld+json`), compared byte by byte: most
    /// pages have dozens of scripts.
    private static func isJSONLD(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard var pair = attributes else { return false }
        while let rawName = pair.pointee {
            let value = pair.successor().pointee
            pair += 2
            guard PackedName(rawName) == typeName else { continue }
            guard let value else { return false }
            return contains(value, jsonLD)
        }
        return false
    }

    private static let typeName = PackedName(Array("type".utf8))!
    private static let jsonLD = Array("ld+json".utf8)

    /// Whether the NUL-terminated `text`, ASCII-lowercased, contains `needle` (lowercase).
    private static func contains(_ text: UnsafePointer<xmlChar>, _ needle: [UInt8]) -> Bool {
        var start = text
        while start.pointee != 0 {
            var offset = 0
            while offset < needle.count {
                let byte = start[offset]
                guard byte != 0, (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == needle[offset] else { break }
                offset += 1
            }
            if offset == needle.count { return true }
            start += 1
        }
        return false
    }
}
