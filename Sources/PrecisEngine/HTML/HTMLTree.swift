internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One node of an ``HTMLTree``: an element or a run of text. Plain numbers only, so that nodes are copied,
/// stored and freed without reference counting: their text, `class`/`id` and attributes are ranges of arrays
/// the tree holds once for the whole page.
struct HTMLNode: Sendable {
    var tag: HTMLTag
    var parent: Int
    /// The first and last child and the next sibling, or -1: links instead of an array of children per element.
    var firstChild = -1
    var lastChild = -1
    var nextSibling = -1
    /// The text of a text node (entities decoded by libxml2) or the raw content of a JSON-LD script: a range of
    /// ``HTMLTree/bytes``.
    var textStart: Int32 = 0
    var textEnd: Int32 = 0
    /// `class` and `id`, ASCII-lowercased and joined by a space: a range of ``HTMLTree/bytes``.
    var classStart: Int32 = 0
    var classEnd: Int32 = 0
    /// The attributes the extractor reads (see ``HTMLTree/keptAttributes``): a range of ``HTMLTree/attributes``.
    var attributeStart: Int32 = 0
    var attributeEnd: Int32 = 0

    init(tag: HTMLTag, parent: Int) {
        self.tag = tag
        self.parent = parent
    }

    var hasAttributes: Bool { attributeEnd > attributeStart }
    var hasClassID: Bool { classEnd > classStart }
}

/// One kept attribute: its name (an index of ``HTMLTree/keptAttributes``) and its value, a range of
/// ``HTMLTree/bytes``.
struct HTMLAttribute: Sendable {
    var name: Int32
    var start: Int32
    var end: Int32
}

/// A page read by libxml2's HTML parser into Swift values, in document order (a parent comes before its
/// children), without comments, scripts, styles and other content that is never text.
///
/// libxml2 runs in SAX mode: its tokenizer and its HTML rules (implied `<html>`/`<body>`, auto-closed
/// elements, entity decoding, error recovery) drive the events, and the tree is built here directly, without
/// libxml2 building and freeing a tree of its own. Elements nested deeper than `maxDepth` are not kept as
/// elements: their text joins the deepest kept ancestor (a block element still breaks it), so a page of
/// 100,000 nested tags still parses. libxml2 stops at 256 nested elements unless told `XML_PARSE_HUGE`; its
/// HTML parser does not recurse, so the option is used and the depth is bounded here instead.
struct HTMLTree: Sendable {
    var nodes: [HTMLNode]
    /// The bytes of every node's text, `class`/`id` and attribute values, one after another.
    var bytes: [UInt8]
    var attributes: [HTMLAttribute]

    /// The text of the node at `index` (a text node or a JSON-LD script), UTF-8.
    func textBytes(_ index: Int) -> ArraySlice<UInt8> {
        bytes[Int(nodes[index].textStart)..<Int(nodes[index].textEnd)]
    }

    func text(_ index: Int) -> String {
        String(decoding: textBytes(index), as: UTF8.self)
    }

    /// `class` and `id` of the node at `index`, ASCII-lowercased and joined by a space.
    func classID(_ index: Int) -> ArraySlice<UInt8> {
        bytes[Int(nodes[index].classStart)..<Int(nodes[index].classEnd)]
    }

    /// The value of the node's attribute `name` (one of ``keptAttributes``), if it has it.
    func attribute(_ index: Int, _ name: String) -> String? {
        var position = Int(nodes[index].attributeStart)
        let end = Int(nodes[index].attributeEnd)
        while position < end {
            let attribute = attributes[position]
            if Self.keptAttributes[Int(attribute.name)] == name {
                return String(decoding: bytes[Int(attribute.start)..<Int(attribute.end)], as: UTF8.self)
            }
            position += 1
        }
        return nil
    }

    /// The children of the node at `index`, in document order.
    func children(of index: Int) -> HTMLChildren {
        HTMLChildren(nodes: nodes, first: nodes[index].firstChild)
    }

    /// Appends the text inside the node at `index` (itself included) to `out` in document order, leaving out the
    /// elements for which `skip` is true with everything inside them.
    func collectText(_ index: Int, into out: inout String, skipping skip: (HTMLTag) -> Bool) {
        let tag = nodes[index].tag
        if tag == .text {
            out += text(index)
            return
        }
        guard !skip(tag) else { return }
        var child = nodes[index].firstChild
        while child >= 0 {
            collectText(child, into: &out, skipping: skip)
            child = nodes[child].nextSibling
        }
    }

    /// libxml2 must be initialised once before threads use it; a `static let` runs its initialiser exactly
    /// once, however many threads reach it first.
    private static let libxml2Initialized: Void = xmlInitParser()

    static let keptAttributes = [
        "href", "rel", "itemprop", "property", "name", "content", "datetime", "lang", "charset", "http-equiv",
        "type", "role", "hidden", "aria-hidden", "style", "itemtype",
    ]
    /// The index in ``keptAttributes`` by packed name; `class` and `id` map to -1 (they make
    /// ``HTMLTree/classID(_:)``).
    static let attributeTable = PackedTable(
        keptAttributes.enumerated().map { (PackedName(Array($0.element.utf8))!, Int32($0.offset)) }
            + [(PackedName(Array("class".utf8))!, Int32(-1)), (PackedName(Array("id".utf8))!, Int32(-1))]
    )

    /// Parses `html` (UTF-8; any charset the page declares is ignored because the text is already decoded).
    ///
    /// - Throws: ``EngineError`` when libxml2 cannot start a parser for the page.
    init(html: String, maxDepth: Int) throws(EngineError) {
        _ = Self.libxml2Initialized
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | XML_PARSE_HUGE.rawValue
        )
        var html = html.isEmpty ? "<html></html>" : html
        html.makeContiguousUTF8()
        guard html.utf8.count < Int(Int32.max) else { throw EngineError(message: "the HTML page is larger than 2 GiB") }
        let builder = HTMLTreeBuilder(maxDepth: maxDepth, capacity: html.utf8.count / 40)
        // libxml2 reads from its own copy of the bytes (which the builder may rewrite ahead of it), not this one
        let parsed: Bool? = html.utf8.withContiguousStorageIfAvailable { buffer in
            builder.compacting = HTMLTagCompactor.canCompact(buffer)
            return buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { bytes in
                guard let context = htmlCreateMemoryParserCtxt(bytes, Int32(buffer.count)) else { return false }
                defer {
                    if let document = context.pointee.myDoc { xmlFreeDoc(document) }
                    htmlFreeParserCtxt(context)
                }
                guard let sax = context.pointee.sax else { return false }
                sax.pointee = HTMLTreeBuilder.handler
                context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
                builder.context = context
                htmlCtxtUseOptions(context, options)
                xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                _ = htmlParseDocument(context)
                return true
            }
        }
        guard parsed == true else { throw EngineError(message: "the HTML parser could not read the page") }
        (nodes, bytes, attributes) = withExtendedLifetime(builder) { (builder.nodes, builder.bytes, builder.attributes) }
    }
}

/// The children of one ``HTMLTree`` node, followed by their sibling links.
struct HTMLChildren: Sequence {
    let nodes: [HTMLNode]
    let first: Int

    func makeIterator() -> Iterator { Iterator(nodes: nodes, upcoming: first) }

    struct Iterator: IteratorProtocol {
        let nodes: [HTMLNode]
        var upcoming: Int

        mutating func next() -> Int? {
            guard upcoming >= 0 else { return nil }
            defer { upcoming = nodes[upcoming].nextSibling }
            return upcoming
        }
    }
}
