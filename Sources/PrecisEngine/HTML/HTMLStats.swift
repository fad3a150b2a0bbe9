/// Counts over every element of an ``HTMLTree``, each including its descendants, and which elements are page
/// furniture. Built in two linear passes: furniture top-down (parents come first), counts bottom-up.
struct HTMLStats: Sendable {
    /// Visible characters (whitespace runs count once).
    var textLength: [Int]
    /// Visible characters inside links.
    var linkLength: [Int]
    var commas: [Int]
    /// `<p>` elements and text-only containers of 25+ characters.
    var paragraphs: [Int]
    var listItems: [Int]
    var images: [Int]
    var inputs: [Int]
    var embeds: [Int]
    /// Visible characters and commas of the element's own inline content: text and inline elements among its
    /// children, not its block children (the runs readability wraps into paragraphs).
    var inlineLength: [Int]
    var inlineCommas: [Int]
    /// Whether the element has a block-level child element.
    var hasBlockChild: [Bool]
    /// Whether the element is left out of the article with everything inside.
    var removed: [Bool]

    init(tree: HTMLTree) {
        let count = tree.nodes.count
        var textLength = Array(repeating: 0, count: count)
        var linkLength = Array(repeating: 0, count: count)
        var commas = Array(repeating: 0, count: count)
        var paragraphs = Array(repeating: 0, count: count)
        var listItems = Array(repeating: 0, count: count)
        var images = Array(repeating: 0, count: count)
        var inputs = Array(repeating: 0, count: count)
        var embeds = Array(repeating: 0, count: count)
        var hasBlockChild = Array(repeating: false, count: count)
        var inlineLength = Array(repeating: 0, count: count)
        var inlineCommas = Array(repeating: 0, count: count)
        var removed = Array(repeating: false, count: count)
        var insideLink = Array(repeating: false, count: count)
        // the counts are local arrays while they are built, so that the loops below reach them directly

        tree.nodes.withUnsafeBufferPointer { nodes in
            for index in 0..<count {
                let parent = nodes[index].parent
                let tag = nodes[index].tag
                if parent >= 0 {
                    insideLink[index] = insideLink[parent] || tag == .a
                    removed[index] = removed[parent] || Self.isHidden(tree, index)
                    if tag.isBlock && tag != .br && tag != .hr { hasBlockChild[parent] = true }
                }
            }
            for index in stride(from: count - 1, through: 0, by: -1) {
                let tag = nodes[index].tag
                switch tag {
                case .text:
                    let (length, commaCount) = Self.measure(tree.textBytes(index))
                    textLength[index] = length
                    commas[index] = commaCount
                    if insideLink[index] { linkLength[index] = length }
                case .p: paragraphs[index] += 1
                case .div, .section where !hasBlockChild[index] && textLength[index] >= 25:
                    paragraphs[index] += 1  // a text-only container reads as a paragraph
                case .li: listItems[index] += 1
                case .img, .picture: images[index] += 1
                case .input, .select, .textarea: inputs[index] += 1
                case .iframe, .embed, .object, .video: embeds[index] += 1
                default: break
                }
                let parent = nodes[index].parent
                guard parent >= 0, !(removed[index] && !removed[parent]) else { continue }
                if !tag.isBlock {
                    inlineLength[parent] += textLength[index]
                    inlineCommas[parent] += commas[index]
                }
                textLength[parent] += textLength[index]
                linkLength[parent] += linkLength[index]
                commas[parent] += commas[index]
                paragraphs[parent] += paragraphs[index]
                listItems[parent] += listItems[index]
                images[parent] += images[index]
                inputs[parent] += inputs[index]
                embeds[parent] += embeds[index]
            }
        }
        self.textLength = textLength
        self.linkLength = linkLength
        self.commas = commas
        self.paragraphs = paragraphs
        self.listItems = listItems
        self.images = images
        self.inputs = inputs
        self.embeds = embeds
        self.hasBlockChild = hasBlockChild
        self.inlineLength = inlineLength
        self.inlineCommas = inlineCommas
        self.removed = removed
    }

    func linkDensity(_ index: Int) -> Double {
        textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
    }

    /// Elements that are never shown or that are navigation by their tag or role.
    static func isHidden(_ tree: HTMLTree, _ index: Int) -> Bool {
        let node = tree.nodes[index]
        switch node.tag {
        case .nav, .aside, .menu, .dialog: return true
        case .text: return false
        default: break
        }
        if !node.hasAttributes { return false }
        for position in Int(node.attributeStart)..<Int(node.attributeEnd) {
            let attribute = tree.attributes[position]
            // only these four are read, so only their values become strings
            let name = HTMLTree.keptAttributes[Int(attribute.name)]
            guard name == "hidden" || name == "aria-hidden" || name == "role" || name == "style" else { continue }
            if name == "hidden" { return true }
            let bytes = tree.bytes[Int(attribute.start)..<Int(attribute.end)]
            switch name {
            case "aria-hidden": if String(decoding: bytes, as: UTF8.self).lowercased() == "true" { return true }
            case "role":
                switch String(decoding: bytes, as: UTF8.self).lowercased() {
                case "navigation", "menu", "menubar", "complementary", "contentinfo", "dialog", "alertdialog",
                    "search", "banner":
                    return true
                default: break
                }
            default:
                var style: [UInt8] = []
                for byte in bytes where byte != 0x20 { style.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                if hiddenStyles.occurs(in: style[...]) { return true }
            }
        }
        return false
    }

    static let hiddenStyles = ByteWords(["display:none", "visibility:hidden"])

    static func measure(_ text: ArraySlice<UInt8>) -> (length: Int, commas: Int) {
        text.withUnsafeBufferPointer { bytes in
            // without branches: a character starts at every byte that is not a space or a UTF-8 continuation
            // byte, and a run of spaces counts once when something comes before it
            var length = 0
            var commas = 0
            var afterSpace = 1
            for byte in bytes {
                let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C ? 1 : 0
                let starts = byte & 0xC0 != 0x80 ? 1 : 0
                length &+= (1 &- isSpace) &* starts &+ isSpace &* (1 &- afterSpace)
                commas &+= byte == UInt8(ascii: ",") ? 1 : 0
                afterSpace = isSpace
            }
            return (length, commas)
        }
    }
}
