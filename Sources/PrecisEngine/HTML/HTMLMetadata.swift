/// What a page says about its article in `<head>` (`<title>`, `<meta>`, `<link rel=canonical>`), in JSON-LD
/// (`schema.org` Article types) and in marked-up elements (`rel=author`, `itemprop`, `<time datetime>`, byline
/// classes).
struct HTMLMetadata: Sendable {
    var documentTitle: String?
    var openGraphTitle: String?
    var headline: String?
    var description: String?
    var authors: [String] = []
    var bylineText: String?
    var published: String?
    var publishedText: String?
    var section: String?
    var siteName: String?
    var canonicalURL: String?
    var language: String?

    static let byline = ByteWords(["byline"])

    init(tree: HTMLTree, finder: HTMLContentFinder) {
        var metaAuthors: [String] = []
        var domAuthors: [String] = []
        var metaDate: String?
        var timeDate: (iso: String, text: String)?
        for index in tree.nodes.indices {
            let tag = tree.nodes[index].tag
            if tag == .text || tag == .br { continue }
            if !tree.nodes[index].hasAttributes && !tree.nodes[index].hasClassID && tag != .title
                && tag != .script
            {
                continue
            }
            let node = tree.nodes[index]
            func attribute(_ name: String) -> String? { node.hasAttributes ? tree.attribute(index, name) : nil }
            switch node.tag {
            case .html:
                if language == nil, let lang = attribute("lang").map(Self.clean), !lang.isEmpty { language = lang }
            case .title:
                if documentTitle == nil { documentTitle = Self.clean(Self.text(tree, index)) }
            case .meta:
                let key = (attribute("property") ?? attribute("name") ?? attribute("itemprop") ?? "")
                    .lowercased()
                guard let content = attribute("content").map(Self.clean), !content.isEmpty else { continue }
                switch key {
                case "og:title", "twitter:title": if openGraphTitle == nil { openGraphTitle = content }
                case "og:description", "description", "twitter:description":
                    if description == nil { description = content }
                case "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl":
                    if !content.hasPrefix("http") { metaAuthors.append(content) }
                case "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
                    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
                    "parsely-pub-date", "article.published", "original-publish-date", "article:published":
                    if metaDate == nil { metaDate = content }
                case "article:section", "parsely-section", "section": if section == nil { section = content }
                case "og:site_name", "application-name": if siteName == nil { siteName = content }
                case "og:url": if canonicalURL == nil { canonicalURL = content }
                default: break
                }
            case .link:
                if attribute("rel")?.lowercased() == "canonical", let href = attribute("href"), !href.isEmpty {
                    canonicalURL = href
                }
            case .script:
                if let json = JSONLite.parse(tree.text(index)) { readJSONLD(json, depth: 0) }
            case .time:
                if timeDate == nil, !finder.isLeftOut(index) || finder.stats.removed[index] == false,
                    let iso = attribute("datetime"), iso.count >= 8
                {
                    timeDate = (iso, Self.clean(Self.text(tree, index)))
                }
            case .a:
                if attribute("rel")?.lowercased().contains("author") == true {
                    let name = Self.clean(Self.text(tree, index))
                    if !name.isEmpty, name.count < 60 { domAuthors.append(name) }
                }
            default:
                break
            }
            if node.tag != .text, node.tag != .meta, attribute("itemprop") == "author" {
                let name = Self.clean(Self.text(tree, index))
                if !name.isEmpty, name.count < 80 { domAuthors.append(name) }
            }
            if bylineText == nil, node.tag != .text, node.tag != .meta, node.tag != .html, node.tag != .body,
                Self.byline.occurs(in: tree.classID(index))
            {
                let line = Self.clean(Self.text(tree, index))
                if !line.isEmpty, line.count < 120 { bylineText = line }
            }
        }
        if authors.isEmpty { authors = Self.unique(metaAuthors) }
        if authors.isEmpty { authors = Self.unique(domAuthors) }
        if published == nil { published = metaDate ?? timeDate?.iso }
        if let timeDate, timeDate.iso == published, !timeDate.text.isEmpty, timeDate.text.count < 80 {
            publishedText = timeDate.text
        }
    }

    private mutating func readJSONLD(_ json: JSONLite, depth: Int) {
        guard depth < 6 else { return }
        switch json {
        case .array(let items):
            for item in items { readJSONLD(item, depth: depth + 1) }
        case .object:
            if let graph = json["@graph"] { readJSONLD(graph, depth: depth + 1) }
            let types: [String]
            switch json["@type"] {
            case .string(let type): types = [type]
            case .array(let items): types = items.compactMap(\.string)
            default: types = []
            }
            guard types.contains(where: { $0.contains("Article") || $0.contains("Posting") || $0.contains("Report") })
            else {
                if siteName == nil, types.contains(where: { $0.contains("Organization") || $0 == "WebSite" }),
                    let name = json["name"]?.string
                {
                    siteName = Self.clean(name)
                }
                return
            }
            if headline == nil, let text = json["headline"]?.string { headline = Self.clean(text) }
            if published == nil, let date = json["datePublished"]?.string { published = Self.clean(date) }
            if description == nil, let text = json["description"]?.string { description = Self.clean(text) }
            if section == nil {
                switch json["articleSection"] {
                case .string(let text): section = Self.clean(text)
                case .array(let items): section = items.first?.string.map(Self.clean)
                default: break
                }
            }
            if let name = json["publisher"]?["name"]?.string { siteName = siteName ?? Self.clean(name) }
            if authors.isEmpty, let author = json["author"] { authors = Self.unique(Self.names(author)) }
            if canonicalURL == nil, let url = json["url"]?.string { canonicalURL = url }
        default:
            return
        }
    }

    private static func names(_ json: JSONLite) -> [String] {
        switch json {
        case .string(let name): return [clean(name)]
        case .array(let items): return items.flatMap { names($0) }
        case .object: return json["name"].map { names($0) } ?? []
        case .other: return []
        }
    }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for name in names where !name.isEmpty && seen.insert(name.lowercased()).inserted { out.append(name) }
        return out
    }

    /// The text inside an element, whitespace not yet normalised.
    static func text(_ tree: HTMLTree, _ index: Int) -> String {
        var out = ""
        tree.collectText(index, into: &out, skipping: { $0.isNeverText && $0 != .title })
        return out
    }

    /// Collapses whitespace (ASCII and no-break spaces) and trims.
    static func clean(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        var afterC2 = false
        for byte in text.utf8 {
            var isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
            if afterC2 {
                afterC2 = false
                if byte == 0xA0 { isSpace = true } else { append(0xC2) }
            } else if byte == 0xC2 {
                afterC2 = true
                continue
            }
            if isSpace {
                space = true
                continue
            }
            append(byte)
        }
        func append(_ byte: UInt8) {
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
