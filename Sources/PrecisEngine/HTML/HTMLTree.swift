internal import CLibXML2

/// One node of an ``HTMLTree``: an element or a run of text.
struct HTMLNode: Sendable {
    var tag: HTMLTag
    var parent: Int
    var children: [Int] = []
    /// The text of a text node (entities decoded by libxml2); the raw content of a JSON-LD script.
    var text: String = ""
    /// `class` and `id`, ASCII-lowercased and joined by a space.
    var classID: [UInt8] = []
    /// The attributes the extractor reads (see ``HTMLTree/keptAttributes``), names lowercased.
    var attributes: [(name: String, value: String)] = []

    func attribute(_ name: String) -> String? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }
}

/// A page parsed by libxml2's HTML parser and copied into Swift values, in document order (a parent comes
/// before its children), without comments, scripts, styles and other content that is never text.
///
/// The copy walks libxml2's tree without recursion. Elements nested deeper than `maxDepth` are not kept as
/// elements: their text joins the deepest kept ancestor, so a page of 100,000 nested tags still parses.
struct HTMLTree: Sendable {
    var nodes: [HTMLNode]

    static let keptAttributes: Set<String> = [
        "href", "rel", "itemprop", "property", "name", "content", "datetime", "lang", "charset", "http-equiv",
        "type", "role", "hidden", "aria-hidden", "style", "itemtype",
    ]

    /// Parses `html` (UTF-8; any charset the page declares is ignored because the text is already decoded).
    ///
    /// libxml2 stops at 256 nested elements unless told `XML_PARSE_HUGE`; its HTML parser and `xmlFreeDoc` do
    /// not recurse, so the option is used and the depth is bounded here instead (`maxDepth`). Its memory is
    /// bounded by the input, which the server's frame limit bounds.
    ///
    /// - Throws: ``EngineError`` when libxml2 cannot build a document at all.
    init(html: String, maxDepth: Int) throws(EngineError) {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | XML_PARSE_HUGE.rawValue
        )
        var utf8 = html.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(html.utf8)
        if utf8.isEmpty { utf8 = Array("<html></html>".utf8) }
        let document: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { throw EngineError(message: "the HTML parser could not read the page") }
        defer { xmlFreeDoc(document) }
        nodes = [HTMLNode(tag: .html, parent: -1)]
        nodes.reserveCapacity(utf8.count / 40)
        copy(from: document, maxDepth: maxDepth)
    }

    private mutating func copy(from document: htmlDocPtr, maxDepth: Int) {
        let root = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        var stack: [Int] = [0]  // kept ancestors of the current node
        var excess = 0  // levels below the deepest kept ancestor
        var node = root.pointee.children
        while let current = node {
            var descend = false
            let parent = stack[stack.count - 1]
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                let tag = HTMLTag.byName[name] ?? .other
                if tag == .script {
                    if let json = jsonLD(current) {
                        appendNode(HTMLNode(tag: .script, parent: parent, text: json))
                    }
                } else if tag.isNeverText && tag != .head && tag != .title && tag != .meta && tag != .link {
                    // skipped with everything inside
                } else if excess > 0 || stack.count >= maxDepth {
                    // too deep to keep: a block element still breaks the text of the ancestor that gets it
                    if tag.isBlock { appendNode(HTMLNode(tag: .br, parent: parent)) }
                    descend = current.pointee.children != nil
                    if descend { excess += 1 }
                } else {
                    appendNode(element(current, tag: tag, parent: parent))
                    descend = current.pointee.children != nil
                    if descend { stack.append(nodes.count - 1) }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    let text = String(cString: content)
                    if !text.isEmpty { appendNode(HTMLNode(tag: .text, parent: parent, text: text)) }
                }
            default:
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            var up: UnsafeMutablePointer<xmlNode>? = current
            node = nil
            while let at = up {
                if let next = at.pointee.next {
                    node = next
                    break
                }
                up = at.pointee.parent
                if up == nil || up == root { break }
                if excess > 0 { excess -= 1 } else { stack.removeLast() }
            }
        }
    }

    private mutating func appendNode(_ node: HTMLNode) {
        nodes[node.parent].children.append(nodes.count)
        nodes.append(node)
    }

    private func element(_ pointer: UnsafeMutablePointer<xmlNode>, tag: HTMLTag, parent: Int) -> HTMLNode {
        var node = HTMLNode(tag: tag, parent: parent)
        var classID: [UInt8] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let rawName = current.pointee.name else { continue }
            let name = String(cString: rawName).lowercased()
            let isClassID = name == "class" || name == "id"
            guard isClassID || Self.keptAttributes.contains(name) else { continue }
            guard let text = current.pointee.children, text.pointee.type == XML_TEXT_NODE,
                let content = text.pointee.content
            else {
                if !isClassID { node.attributes.append((name, "")) }
                continue
            }
            if isClassID {
                if !classID.isEmpty { classID.append(0x20) }
                var byte = content
                while byte.pointee != 0 {
                    let value = byte.pointee
                    classID.append(value >= 0x41 && value <= 0x5A ? value | 0x20 : value)
                    byte += 1
                }
            } else {
                node.attributes.append((name, String(cString: content)))
            }
        }
        node.classID = classID
        return node
    }

    /// The text of a `<script type="application/ld+json">`, or nil for any other script.
    private func jsonLD(_ pointer: UnsafeMutablePointer<xmlNode>) -> String? {
        var attribute = pointer.pointee.properties
        var isJSONLD = false
        while let current = attribute {
            attribute = current.pointee.next
            guard let name = current.pointee.name, String(cString: name).lowercased() == "type",
                let text = current.pointee.children, let content = text.pointee.content
            else { continue }
            isJSONLD = String(cString: content).lowercased().contains("ld+json")
        }
        guard isJSONLD else { return nil }
        var text = ""
        var child = pointer.pointee.children
        while let current = child {
            if let content = current.pointee.content { text += String(cString: content) }
            child = current.pointee.next
        }
        return text
    }
}
