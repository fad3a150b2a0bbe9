/// News-page debris that plain-text copies of news pages carry among their body sentences, which the default
/// summary never picks: "Scroll down for video", the Daily Mail byline and timestamp block
/// ("By . Name . PUBLISHED: . 09:21 EST, 2 May 2013 . | . UPDATED: . …") with the headline fragments before it,
/// photo credits ("Photo: Name/Agency"), "Click here"/"READ MORE:" links and "X contributed to this report"
/// credit lines, and captions or headline lines left as paragraphs of one short unpunctuated sentence. The
/// sentence splitter already cuts these into sentences of their own; this only names them.
///
/// Pure functions over the first bytes of each sentence (``SentenceSketch``), so the cost is O(n) in the
/// candidates whatever their length.
enum NewsDebris {
    /// What the debris rules read of a sentence: its first ``SentenceSketch/headBytes`` bytes and word count.
    struct SentenceSketch {
        static let headBytes = 160
        /// The first bytes, lowercased ASCII, surrounding spaces trimmed.
        var head: String
        var words: Int
        /// Whether it ends in `.`, `!`, `?` or `…` (possibly before a closing quote or bracket).
        var finalPunctuation = true
        /// Whether it is the only sentence of its paragraph and the body has other paragraphs.
        var alone = false
    }

    /// A paragraph of one unpunctuated sentence this short reads as a caption or a headline line.
    static let captionWords = 25

    /// The header block (byline, timestamps) is looked for among the first this many candidates.
    static let headerWindow = 16

    /// For each sentence, whether it is debris. A header block that starts within the first four sentences
    /// makes everything up to its last line debris (a headline glued above a byline is not body text).
    static func mask(_ sentences: [SentenceSketch]) -> [Bool] {
        var result = sentences.map {
            isDebris($0.head, words: $0.words) || ($0.alone && !$0.finalPunctuation && $0.words <= captionWords)
        }
        var first = -1, last = -1
        for index in sentences.indices.prefix(headerWindow) where isHeaderLine(sentences[index].head) {
            if first < 0 { first = index }
            last = index
            if sentences[index].head.hasPrefix("by "), index + 1 < sentences.count, sentences[index + 1].words <= 6 {
                last = index + 1  // the name after "By ."
            }
        }
        if first >= 0, first < 4 {
            for index in 0...min(last, sentences.count - 1) { result[index] = true }
        }
        return result
    }

    /// A line of the Daily Mail-style header block: "By .", "PUBLISHED: .", "UPDATED: .", "| .", a timestamp.
    static func isHeaderLine(_ head: String) -> Bool {
        if head == "by ." || head == "by" || head.hasPrefix("by . ") { return true }
        for prefix in ["published:", "updated:", "last updated at ", "| .", "created:"] where head.hasPrefix(prefix) {
            return true
        }
        return head == "|" || isTimestamp(head)
    }

    /// "09:21 EST, 2 May 2013 ." and the like: a clock time followed by a time zone.
    static func isTimestamp(_ head: String) -> Bool {
        let bytes = Array(head.utf8.prefix(12))
        var index = 0
        while index < bytes.count, index < 2, bytes[index].isDigit { index += 1 }
        guard index > 0, index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        guard index + 2 < bytes.count, bytes[index].isDigit, bytes[index + 1].isDigit else { return false }
        let rest = head.utf8.dropFirst(index + 2).drop { $0 == UInt8(ascii: " ") }
        let zone = String(decoding: rest.prefix { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }, as: UTF8.self)
        return timeZones.contains(zone)
    }

    static let timeZones: Set<String> = ["est", "edt", "et", "gmt", "bst", "pst", "pdt", "cet", "cest", "utc"]

    static let debrisPrefixes = [
        "photo:", "photos:", "photograph:", "photographs:", "picture:", "pictures:", "image:", "images:",
        "credit:", "credits:", "(photo", "photo credit", "click here", "read more:", "read more at", "follow @",
        "follow us", "share this article", "scroll down", "watch the video", "video:", "related:",
    ]
    static let creditMarks = ["getty images", "/ap", "/reuters", "/afp", "shutterstock", "/ epa", "/epa", "/pa"]

    /// Whether one sentence is debris on its own.
    static func isDebris(_ head: String, words: Int) -> Bool {
        if head.contains("scroll down for video") || head.contains("contributed to this report") { return true }
        if debrisPrefixes.contains(where: { head.hasPrefix($0) }) { return true }
        if words <= 12, creditMarks.contains(where: { head.contains($0) }) { return true }
        return false
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
