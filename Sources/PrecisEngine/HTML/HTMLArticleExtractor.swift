/// The article found in a page, before it becomes a ``ParsedDocument``.
struct HTMLArticle: Sendable {
    var title: String?
    var subtitle: String?
    /// The author line as the page shows it, or the authors joined.
    var byline: String?
    var authors: [String] = []
    /// The publication date as a reader sees it (the `<time>` text, else the machine-readable value).
    var published: String?
    var publishedISO: String?
    var section: String?
    var siteName: String?
    var canonicalURL: String?
    var language: String?
    var blocks: [HTMLBlock] = []
}

/// Finds the article in a page: parses it with libxml2 (``HTMLTree``), finds the containers that hold the text
/// (``HTMLContentFinder``), writes them as blocks (``HTMLBlockWriter``) and reads the page's metadata
/// (``HTMLMetadata``).
struct HTMLArticleExtractor {
    var maxDepth: Int

    func extract(_ html: String) throws(EngineError) -> HTMLArticle {
        let tree = try HTMLTree(html: html, maxDepth: maxDepth)
        let finder = HTMLContentFinder(tree: tree)
        let metadata = HTMLMetadata(tree: tree, finder: finder)
        let roots = finder.articleRoots()

        var article = HTMLArticle()
        article.title = chooseTitle(metadata, tree: tree, finder: finder, roots: roots)
        article.authors = metadata.authors
        article.byline = metadata.bylineText.map(Self.trimmedByline) ?? (metadata.authors.isEmpty ? nil : metadata.authors.joined(separator: ", "))
        article.publishedISO = metadata.published.flatMap { Self.looksISO($0) ? $0 : nil }
        article.published = metadata.publishedText ?? metadata.published
        article.section = metadata.section
        article.siteName = metadata.siteName
        article.canonicalURL = metadata.canonicalURL
        article.language = metadata.language

        var writer = HTMLBlockWriter(finder: finder, title: article.title)
        writer.write(roots)
        article.blocks = withoutHeaderLines(writer.blocks, article: article)
        if let description = metadata.description, !description.isEmpty, description != article.title {
            let opening = article.blocks.first(where: { $0.kind == .body })?.text ?? ""
            let key = HTMLBlockWriter.comparable(description)
            if !key.isEmpty, !HTMLBlockWriter.comparable(opening).hasPrefix(String(key.prefix(60))) {
                article.subtitle = description
            }
        }
        return article
    }

    /// Body blocks that only repeat the byline or the date line are dropped: they are reported as fields.
    private func withoutHeaderLines(_ blocks: [HTMLBlock], article: HTMLArticle) -> [HTMLBlock] {
        let lines = [article.byline, article.published, article.title].compactMap { $0 }
            .map(HTMLBlockWriter.comparable).filter { !$0.isEmpty }
        return blocks.filter { block in
            guard block.text.utf8.count < 200 else { return true }
            let key = HTMLBlockWriter.comparable(block.text)
            return !lines.contains(key)
        }
    }

    /// The headline: the `<h1>` when the page's other titles agree with it (or there are none), else
    /// `og:title`, the JSON-LD headline, or `<title>` without the site's name.
    private func chooseTitle(_ metadata: HTMLMetadata, tree: HTMLTree, finder: HTMLContentFinder, roots: [Int]) -> String? {
        let others = [metadata.openGraphTitle, metadata.headline, metadata.documentTitle].compactMap { $0 }
            .map(HTMLBlockWriter.comparable).filter { !$0.isEmpty }
        var firstH1: String?
        for index in tree.nodes.indices where tree.nodes[index].tag == .h1 && !finder.stats.removed[index] {
            let text = HTMLMetadata.clean(HTMLMetadata.text(tree, index))
            guard text.count >= 4, text.count <= 300 else { continue }
            if firstH1 == nil { firstH1 = text }
            let key = HTMLBlockWriter.comparable(text)
            if others.contains(where: { $0.contains(key) || key.contains($0) }) { return text }
        }
        if let title = metadata.openGraphTitle ?? metadata.headline { return title }
        if let title = metadata.documentTitle.map({ Self.withoutSiteName($0, siteName: metadata.siteName) }),
            !title.isEmpty
        {
            return title
        }
        return firstH1
    }

    /// `Headline | Site` → `Headline`: splits at the usual separators and keeps the longest part that is not the
    /// site's name.
    static func withoutSiteName(_ title: String, siteName: String?) -> String {
        let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "]
        var parts = [title]
        for separator in separators where title.contains(separator) {
            parts = title.split(separator: separator).map { String($0).trimmingSpaces }
            break
        }
        let site = siteName.map(HTMLBlockWriter.comparable)
        let kept = parts.filter { HTMLBlockWriter.comparable($0) != site && !$0.isEmpty }
        return kept.max(by: { $0.count < $1.count }) ?? title
    }

    static func trimmedByline(_ line: String) -> String {
        line
    }

    static func looksISO(_ value: String) -> Bool {
        let bytes = Array(value.utf8.prefix(10))
        guard bytes.count >= 10 else { return false }
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !(byte >= 0x30 && byte <= 0x39) {
                return false
            }
        }
        return true
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
