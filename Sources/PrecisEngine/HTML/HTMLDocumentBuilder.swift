/// Turns an ``HTMLArticle`` into a ``ParsedDocument``: the extracted text is the section, title, subtitle,
/// byline and date lines followed by the article's blocks, one per paragraph, separated by blank lines; every
/// span of the result indexes that text. Blocks keep the kinds the HTML gave them; short body lines that are
/// page furniture (`Advertisement`, share prompts) become boilerplate, as in plain text.
struct HTMLDocumentBuilder {
    let article: HTMLArticle

    func build(interrupt: Interrupt = .none) throws(EngineError) -> ParsedDocument {
        var string = ""
        var blocks: [Block] = []
        var structure = DocumentStructure()
        var links: [(range: Range<Int>, href: String)] = []

        func add(_ line: String, kind: ParagraphKind, level: Int = 0) -> Range<Int> {
            if !string.isEmpty { string += "\n\n" }
            let start = string.utf8.count
            string += line
            let range = start..<string.utf8.count
            blocks.append(Block(kind: kind, level: level, content: range))
            return range
        }
        if let section = article.section { structure.section = add(section, kind: .section) }
        if let title = article.title { structure.title = add(title, kind: .title) }
        if let subtitle = article.subtitle { structure.subtitle = add(subtitle, kind: .subtitle) }
        if let byline = article.byline { structure.byline = add(byline, kind: .byline) }
        if let published = article.published { structure.published = add(published, kind: .published) }
        for block in article.blocks {
            let range = add(block.text, kind: block.kind, level: block.level)
            for link in block.links {
                links.append((range.lowerBound + link.range.lowerBound..<range.lowerBound + link.range.upperBound, link.href))
            }
        }

        let text = ByteText(string)
        let parser = StructureParser(text: text)
        let patterns = LinePatterns(text: text)
        for index in blocks.indices {
            let range = blocks[index].span
            switch blocks[index].kind {
            case .body where parser.isBoilerplate(range):
                blocks[index].kind = .boilerplate
            case .body where parser.wordCount(range, limit: StructureParser.captionMaxWords + 1) <= StructureParser.captionMaxWords:
                // a picture caption the markup did not mark: "… (Image: Agency)", "… Photo: Name"
                if let (caption, credit) = patterns.splitCaption(range),
                    credit.contains(where: { text.bytes[$0] == 0x20 || text.bytes[$0] == 0x2F || text.bytes[$0] == 0x3A })
                {
                    blocks[index].kind = .caption
                    structure.captions.append((caption, credit))
                }
            case .caption:
                structure.captions.append((range, nil))
            default:
                break
            }
        }
        if let first = blocks.firstIndex(where: { $0.kind.isBody }), blocks[first].kind == .body {
            structure.dateline = DatelineFinder(text: text).dateline(in: blocks[first].span)
        }

        var document = try DocumentParser().assemble(
            string, text: text, blocks: blocks, structure: structure, interrupt: interrupt
        )
        document.format = .html
        document.page = PageInfo(
            hasArticle: article.blocks.contains { $0.kind.isBody },
            authors: article.authors,
            publishedISO: article.publishedISO,
            siteName: article.siteName,
            canonicalURL: article.canonicalURL,
            declaredLanguage: article.language,
            links: links.map {
                PageLink(text: Located(text: text.string($0.range), span: TextSpan(start: $0.range.lowerBound, end: $0.range.upperBound)), url: $0.href)
            }
        )
        return document
    }
}
