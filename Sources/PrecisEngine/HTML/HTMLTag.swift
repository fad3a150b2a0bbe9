/// The elements the article extractor treats specially; every other element is ``other``.
enum HTMLTag: UInt8, Sendable {
    case other, text
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, iframe, svg, math, object, embed, video, audio, canvas, dialog
    case form, button, input, select, textarea, label, option
    case nav, header, footer, aside, menu
    case article, main, section, div, p, span, a, br, hr, img, picture, source
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd
    case blockquote, pre, figure, figcaption, caption, address
    case table, tbody, thead, tfoot, tr, td, th
    case time

    static let byName: [String: HTMLTag] = [
        "html": .html, "head": .head, "body": .body, "title": .title, "meta": .meta, "link": .link,
        "base": .base, "script": .script, "style": .style, "noscript": .noscript, "template": .template,
        "iframe": .iframe, "svg": .svg, "math": .math, "object": .object, "embed": .embed, "video": .video,
        "audio": .audio, "canvas": .canvas, "dialog": .dialog, "form": .form, "button": .button, "input": .input,
        "select": .select, "textarea": .textarea, "label": .label, "option": .option, "nav": .nav,
        "header": .header, "footer": .footer, "aside": .aside, "menu": .menu, "article": .article, "main": .main,
        "section": .section, "div": .div, "p": .p, "span": .span, "a": .a, "br": .br, "hr": .hr, "img": .img,
        "picture": .picture, "source": .source, "h1": .h1, "h2": .h2, "h3": .h3, "h4": .h4, "h5": .h5,
        "h6": .h6, "ul": .ul, "ol": .ol, "li": .li, "dl": .dl, "dt": .dt, "dd": .dd, "blockquote": .blockquote,
        "pre": .pre, "figure": .figure, "figcaption": .figcaption, "caption": .caption, "address": .address,
        "table": .table, "tbody": .tbody, "thead": .thead, "tfoot": .tfoot, "tr": .tr, "td": .td, "th": .th,
        "time": .time,
    ]

    /// The tag named by a NUL-terminated lowercase name as libxml2 reports it, without building a `String`.
    static func named(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        guard let key = PackedName(name) else { return .other }
        return lookup.find(key) ?? .other
    }

    private static let lookup = PackedTable(byName.map { (PackedName(Array($0.key.utf8))!, $0.value) })

    /// Elements whose content is never text of the page.
    var isNeverText: Bool {
        switch self {
        case .script, .style, .noscript, .template, .iframe, .svg, .math, .object, .embed, .video, .audio,
            .canvas, .button, .input, .select, .textarea, .option, .head, .title, .meta, .link, .base, .dialog:
            true
        default: false
        }
    }

    /// Elements that break the text into blocks.
    var isBlock: Bool {
        switch self {
        case .html, .body, .article, .main, .section, .div, .p, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li,
            .dl, .dt, .dd, .blockquote, .pre, .figure, .figcaption, .caption, .address, .table, .tbody, .thead,
            .tfoot, .tr, .td, .th, .header, .footer, .aside, .nav, .form, .hr, .br, .menu:
            true
        default: false
        }
    }

    /// The heading level, or 0.
    var headingLevel: Int {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: 0
        }
    }
}

/// A lowercase ASCII name of at most 16 bytes packed into two integers, for cheap comparison.
struct PackedName: Hashable, Comparable, Sendable {
    var high: UInt64
    var low: UInt64

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init?(_ name: UnsafePointer<UInt8>) {
        high = 0
        low = 0
        var index = 0
        while name[index] != 0 {
            guard index < 16 else { return nil }
            var byte = name[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if index < 8 { high |= UInt64(byte) << (56 - 8 * index) } else { low |= UInt64(byte) << (56 - 8 * (index - 8)) }
            index += 1
        }
    }

    init?(_ bytes: [UInt8]) {
        guard bytes.count <= 16 else { return nil }
        var padded = bytes + [0]
        guard let packed = padded.withUnsafeMutableBufferPointer({ PackedName(UnsafePointer($0.baseAddress!)) }) else {
            return nil
        }
        self = packed
    }

    static func < (a: Self, b: Self) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
}

/// A sorted table of packed names, searched by bisection.
struct PackedTable<Value: Sendable>: Sendable {
    private let keys: [PackedName]
    private let values: [Value]

    init(_ entries: [(PackedName, Value)]) {
        let sorted = entries.sorted { $0.0 < $1.0 }
        keys = sorted.map(\.0)
        values = sorted.map(\.1)
    }

    func find(_ key: PackedName) -> Value? {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? values[low] : nil
    }
}
