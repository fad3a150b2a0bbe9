/// Finds URLs, e-mail addresses, `@handles` and `#hashtags` (the tokenizer's special tokens, which already leave
/// trailing punctuation and unbalanced brackets out) and normalises what they point at: a URL's scheme and host
/// are lowercased and a `www.` URL gets `https://`; an e-mail address keeps its local part and lowercases its
/// domain; handles and hashtags are kept as written. Links are read everywhere, boilerplate included.
///
/// For HTML input the article's anchors come too, exactly as `parse` reports them in `links` (the span over the
/// link's text in the extracted text, kind URL, the target as the page wrote it), so `extract --kinds links` and
/// `parse` agree. A URL written in the text that is also an anchor's text is one link (the anchor's). The links
/// are in text order.
struct LinkExtractor {
    let context: ExtractionContext

    func extract() throws(EngineError) -> [Link] {
        let written = try writtenLinks()
        guard let anchors = context.document.page?.links, !anchors.isEmpty else { return written }
        var links = anchors.map { Link(span: $0.text.span, kind: .url, target: $0.url) }
        let anchorSpans = Set(links.map(\.span))
        links += written.filter { !anchorSpans.contains($0.span) }
        return links.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// The URLs, addresses, handles and hashtags written in the text.
    private func writtenLinks() throws(EngineError) -> [Link] {
        var links: [Link] = []
        for (index, token) in context.tokens.enumerated() {
            try context.interrupt.check(at: index)
            switch token.kind {
            case .url: links.append(Link(span: token.span, kind: .url, target: Self.normalisedURL(written(token))))
            case .email: links.append(Link(span: token.span, kind: .email, target: Self.normalisedEmail(written(token))))
            case .handle: links.append(Link(span: token.span, kind: .handle, target: written(token)))
            case .hashtag: links.append(Link(span: token.span, kind: .hashtag, target: written(token)))
            default: continue
            }
        }
        return links
    }

    private func written(_ token: Token) -> String { context.text.string(token.span) }

    /// `HTTPS://News.Example.COM/Path` → `https://news.example.com/Path`; `www.x.org` → `https://www.x.org`.
    static func normalisedURL(_ written: String) -> String {
        var scheme = ""
        var rest = Substring(written)
        if let colon = written.firstIndex(of: ":"), written[colon...].hasPrefix("://") {
            scheme = written[..<colon].lowercased()
            rest = written[written.index(colon, offsetBy: 3)...]
        } else {
            scheme = "https"
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let host: String
        if let at = authority.lastIndex(of: "@") {
            host = String(authority[...at]) + authority[authority.index(after: at)...].lowercased()
        } else {
            host = authority.lowercased()
        }
        return scheme + "://" + host + rest[authorityEnd...]
    }

    /// `Desk@Example.ORG` → `Desk@example.org`.
    static func normalisedEmail(_ written: String) -> String {
        guard let at = written.lastIndex(of: "@") else { return written }
        return String(written[...at]) + written[written.index(after: at)...].lowercased()
    }
}
