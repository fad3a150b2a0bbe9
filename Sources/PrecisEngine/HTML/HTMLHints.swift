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

    /// Furniture that no other word in the name can redeem.
    static let alwaysFurniture = [
        "comment", "cookie", "consent", "gdpr", "share", "sharing", "social", "related", "newsletter", "outbrain",
        "taboola", "disqus", "promo", "sponsor", "recommend", "breadcrumb",
    ]

    private static let alwaysSet = ByteWords(alwaysFurniture)
    private static let strongSet = ByteWords(strongFurniture)
    private static let weakSet = ByteWords(Array(weakFurniture))
    private static let wordSet = ByteWords(Array(furnitureWords))
    private static let contentSet = ByteWords(content)
    private static let negativeSet = ByteWords(negative)
    static let embed = ByteWords(["embed"])

    /// Whether an element so named is page furniture. A name that also says "content", "article", "body" …
    /// counts as furniture only for the strongest words (comments, sharing, related stories, cookie banners).
    static func isFurniture(_ classID: ArraySlice<UInt8>) -> Bool {
        guard !classID.isEmpty else { return false }
        // an embedded post or video inside the article is part of it
        if embed.occurs(in: classID) { return false }
        if contentSet.occurs(in: classID) { return alwaysSet.occurs(in: classID) }
        return strongSet.occurs(in: classID) || wordSet.isWord(in: classID) || weakSet.isWord(in: classID)
    }

    /// +25 for article-like names, -25 for furniture-like names (both may apply).
    static func weight(_ classID: ArraySlice<UInt8>) -> Double {
        guard !classID.isEmpty else { return 0 }
        var weight = 0.0
        let isEmbed = embed.occurs(in: classID)  // an embedded post is content, whatever else its name says
        if !isEmbed, negativeSet.occurs(in: classID) || wordSet.isWord(in: classID) { weight -= 25 }
        if contentSet.occurs(in: classID) { weight += 25 }
        return weight
    }
}

/// A set of ASCII words found in a name by byte comparison, bucketed by first byte.
struct ByteWords: Sendable {
    private var buckets: [[[UInt8]]] = Array(repeating: [], count: 128)
    /// A bit per pair of ASCII bytes (first × 128 + second) that some word starts with, so that most places in a
    /// name are passed over without looking at the words (a one-byte word, or one whose second byte is not
    /// ASCII, sets every pair of its first byte).
    private var pairs: [UInt64] = Array(repeating: 0, count: 128 * 128 / 64)

    init(_ words: [String]) {
        for word in words {
            let bytes = Array(word.utf8)
            guard let first = bytes.first, first < 128 else { continue }
            buckets[Int(first)].append(bytes)
            let seconds = bytes.count > 1 && bytes[1] < 128 ? Int(bytes[1])...Int(bytes[1]) : 0...127
            for second in seconds {
                let bit = Int(first) << 7 | second
                pairs[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    /// Whether any word occurs anywhere in `name`.
    func occurs(in name: ArraySlice<UInt8>) -> Bool {
        name.withUnsafeBufferPointer { name in
            for start in name.indices where name[start] < 128 {
                if start + 1 < name.count, name[start + 1] < 128 {
                    let bit = Int(name[start]) << 7 | Int(name[start + 1])
                    if pairs[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { continue }
                }
                for word in buckets[Int(name[start])] where matches(word, name, at: start) { return true }
            }
            return false
        }
    }

    /// Whether any word is a whole word of `name` (words are separated by anything but letters and digits).
    func isWord(in name: ArraySlice<UInt8>) -> Bool {
        name.withUnsafeBufferPointer { name in
            var start = 0
            while start < name.count {
                var end = start
                while end < name.count, name[end].isASCIIAlphanumeric { end += 1 }
                if end > start, name[start] < 128 {
                    for word in buckets[Int(name[start])] where word.count == end - start && matches(word, name, at: start) {
                        return true
                    }
                }
                start = end + 1
            }
            return false
        }
    }

    private func matches(_ word: [UInt8], _ name: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + word.count <= name.count else { return false }
        for offset in word.indices where word[offset] != name[start + offset] { return false }
        return true
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}
