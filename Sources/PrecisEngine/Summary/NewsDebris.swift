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
        /// The first bytes, ASCII letters lowercased (other bytes as they are).
        var head: [UInt8]
        var words: Int
        /// Whether it ends in `.`, `!`, `?` or `…` (possibly before a closing quote or bracket).
        var finalPunctuation = true
        /// Whether it is the only sentence of its paragraph and the body has other paragraphs.
        var alone = false

        init(head: [UInt8], words: Int, finalPunctuation: Bool = true, alone: Bool = false) {
            self.head = head
            self.words = words
            self.finalPunctuation = finalPunctuation
            self.alone = alone
        }

        init(head: String, words: Int) {
            self.init(head: NewsDebris.lowered(head.utf8), words: words)
        }
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
            let byline = sentences[index].head.starts(with: byPrefix)
            if byline, index + 1 < sentences.count, sentences[index + 1].words <= 6 {
                last = index + 1  // the name after "By ."
            }
        }
        if first >= 0, first < 4 {
            for index in 0...min(last, sentences.count - 1) { result[index] = true }
        }
        return result
    }

    /// A line of the Daily Mail-style header block: "By .", "PUBLISHED: .", "UPDATED: .", "| .", a timestamp.
    static func isHeaderLine(_ head: [UInt8]) -> Bool {
        if head.count <= 4, headerLines.contains(where: { $0 == head }) { return true }
        guard let first = head.first else { return false }
        return headerPrefixes.contains { $0[0] == first && head.starts(with: $0) } || isTimestamp(head)
    }

    static func isHeaderLine(_ head: String) -> Bool { isHeaderLine(lowered(head.utf8)) }

    static let byPrefix = Array("by ".utf8)
    static let headerLines = [Array("by .".utf8), Array("by".utf8), Array("|".utf8)]
    static let headerPrefixes = ["by . ", "published:", "updated:", "last updated at ", "| .", "created:"].map {
        Array($0.utf8)
    }

    /// "09:21 EST, 2 May 2013 ." and the like: a clock time followed by a time zone.
    static func isTimestamp(_ head: [UInt8]) -> Bool {
        var index = 0
        while index < head.count, index < 2, head[index].isDigit { index += 1 }
        guard index > 0, index < head.count, head[index] == UInt8(ascii: ":") else { return false }
        index += 1
        guard index + 1 < head.count, head[index].isDigit, head[index + 1].isDigit else { return false }
        let rest = head.dropFirst(index + 2).drop { $0 == UInt8(ascii: " ") }
        let zone = rest.prefix { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        return timeZones.contains { zone.elementsEqual($0) }
    }

    static let timeZones = ["est", "edt", "et", "gmt", "bst", "pst", "pdt", "cet", "cest", "utc"].map { Array($0.utf8) }

    static let debrisPrefixes = [
        "photo:", "photos:", "photograph:", "photographs:", "picture:", "pictures:", "image:", "images:",
        "credit:", "credits:", "(photo", "photo credit", "click here", "read more:", "read more at", "follow @",
        "follow us", "share this article", "scroll down", "watch the video", "video:", "related:",
    ].map { Array($0.utf8) }
    /// "Scroll down for video" and "X contributed to this report" are looked for in sentences this short.
    static let markWords = 24
    static let debrisMarks = ["scroll down for video", "contributed to this report"].map { Array($0.utf8) }
    static let creditMarks = ["getty images", "/ap", "/reuters", "/afp", "shutterstock", "/ epa", "/epa", "/pa"].map {
        Array($0.utf8)
    }

    /// Whether one sentence is debris on its own.
    static func isDebris(_ head: [UInt8], words: Int) -> Bool {
        if words <= markWords, debrisMarks.contains(where: { contains(head, $0) }) { return true }
        if let first = head.first, debrisPrefixes.contains(where: { $0[0] == first && head.starts(with: $0) }) {
            return true
        }
        if words <= 12, creditMarks.contains(where: { contains(head, $0) }) { return true }
        return false
    }

    static func isDebris(_ head: String, words: Int) -> Bool { isDebris(lowered(head.utf8), words: words) }

    /// Whether `needle` occurs in `haystack` (both short: O(h · n) at worst).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            var offset = 1
            while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }

    /// The bytes with ASCII letters lowercased.
    static func lowered(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
