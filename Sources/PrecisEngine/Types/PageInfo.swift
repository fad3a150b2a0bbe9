/// The format of a document's text.
public enum DocumentFormat: Sendable, Hashable {
    /// Decide from the text: HTML when it starts like a page or is full of tags, else plain text.
    case auto
    case text
    case markdown
    case html
}

/// What an HTML page said about its article beyond the text: filled only for HTML input.
public struct PageInfo: Sendable, Hashable {
    /// Whether an article was found; a listing or front page has none and its document has no body.
    public var hasArticle: Bool
    /// The authors' names, from JSON-LD, `<meta name=author>` or marked-up bylines.
    public var authors: [String]
    /// The publication date and time as the page states it machine-readably (ISO 8601), if it does.
    public var publishedISO: String?
    /// The site's name (`og:site_name`, the JSON-LD publisher).
    public var siteName: String?
    /// The page's canonical address (`<link rel=canonical>`, `og:url`).
    public var canonicalURL: String?
    /// The language the page declares (`<html lang>`), as written.
    public var declaredLanguage: String?
    /// The links in the article body, each with its text in the extracted text.
    public var links: [PageLink]

    /// Creates page information.
    public init(
        hasArticle: Bool,
        authors: [String] = [],
        publishedISO: String? = nil,
        siteName: String? = nil,
        canonicalURL: String? = nil,
        declaredLanguage: String? = nil,
        links: [PageLink] = []
    ) {
        self.hasArticle = hasArticle
        self.authors = authors
        self.publishedISO = publishedISO
        self.siteName = siteName
        self.canonicalURL = canonicalURL
        self.declaredLanguage = declaredLanguage
        self.links = links
    }
}

/// A link in an article: its text in the extracted text, and its target as the page wrote it.
public struct PageLink: Sendable, Hashable {
    public var text: Located
    public var url: String

    /// Creates a link.
    public init(text: Located, url: String) {
        self.text = text
        self.url = url
    }
}
