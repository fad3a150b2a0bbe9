/// What `class` and `id` names say about an element: a container of the article, or page furniture.
///
/// The words are the ones sites across the web use for these parts (as readability and trafilatura read
/// them), never names taken from particular sites.
enum HTMLHints {
    /// Furniture strong enough to drop an element even when its name also says "content".
    static let strongFurniture = [
        "comment", "cookie", "consent", "gdpr", "share", "sharing", "social", "related", "newsletter", "outbrain",
        "taboola", "disqus", "promo", "sponsor", "recommend", "trending", "most-read", "mostread", "most-popular",
        "mostpopular", "popular", "signup", "sign-up", "subscribe", "subscription", "breadcrumb", "byline",
        "author-bio", "authorbio", "about-author", "author-info", "advert", "banner", "masthead", "sidebar",
        "skip-link", "skiplink", "pagination", "pager", "read-more", "readmore", "more-stories", "further-reading",
        "also-read", "see-also", "footer", "navbar", "navigation", "menu", "dialog", "popup",
        "tag-list", "taglist", "keywords", "topics", "rss", "disclaimer", "copyright",
        "caption-credit", "visually-hidden", "sr-only", "screen-reader", "offscreen",
    ]
    /// Furniture words that count only as whole words of the name, when no "content"-like word is there.
    static let weakFurniture: Set<String> = [
        "header", "extra", "community", "remark", "replies", "shoutbox", "skyscraper", "supplemental", "meta",
        "aside", "rail", "date", "timestamp", "author", "follow", "tools", "actions", "lightbox", "teaser", "widget",
        "print", "sidebar", "toolbar", "masthead", "banner", "footer", "modal", "overlay",
    ]
    /// Short names that count only as whole words (`ad` but not `header`).
    static let furnitureWords: Set<String> = [
        "ad", "ads", "nav", "tags", "tag", "share", "social", "promo", "menu", "related", "hide", "aside",
        "adslot", "adunit", "dfp", "overlay",
    ]
    /// Names of containers that hold the article.
    static let content = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "column",
    ]
    /// Names that lower a container's score.
    static let negative = [
        "hidden", "banner", "combx", "comment", "contact", "foot", "footnote", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "tool", "widget", "byline", "author", "dateline", "social", "newsletter", "subscribe",
        "cookie", "nav", "menu", "recommend", "teaser",
    ]

    static func contains(_ classID: String, anyOf words: [String]) -> Bool {
        for word in words where classID.contains(word) { return true }
        return false
    }

    static func hasWord(_ classID: String, in words: Set<String>) -> Bool {
        var start = classID.utf8.startIndex
        let utf8 = classID.utf8
        var index = start
        while index <= utf8.endIndex {
            let atEnd = index == utf8.endIndex
            let isSeparator = atEnd || !(utf8[index].isASCIIAlphanumeric)
            if isSeparator {
                if start < index, words.contains(String(classID[start..<index])) { return true }
                if atEnd { break }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        return false
    }

    /// Furniture that no other word in the name can redeem.
    static let alwaysFurniture = [
        "comment", "cookie", "consent", "gdpr", "share", "sharing", "social", "related", "newsletter", "outbrain",
        "taboola", "disqus", "promo", "sponsor", "recommend", "breadcrumb",
    ]

    /// Whether an element so named is page furniture. A name that also says "content", "article", "body" …
    /// counts as furniture only for the strongest words (comments, sharing, related stories, cookie banners).
    static func isFurniture(_ classID: String) -> Bool {
        guard !classID.isEmpty else { return false }
        // an embedded post or video inside the article is part of it
        if classID.contains("embed") { return false }
        if contains(classID, anyOf: content) { return contains(classID, anyOf: alwaysFurniture) }
        return contains(classID, anyOf: strongFurniture) || hasWord(classID, in: furnitureWords)
            || hasWord(classID, in: weakFurniture)
    }

    /// +25 for article-like names, -25 for furniture-like names (both may apply).
    static func weight(_ classID: String) -> Double {
        guard !classID.isEmpty else { return 0 }
        var weight = 0.0
        if contains(classID, anyOf: negative) || hasWord(classID, in: furnitureWords) { weight -= 25 }
        if contains(classID, anyOf: content) { weight += 25 }
        return weight
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}
