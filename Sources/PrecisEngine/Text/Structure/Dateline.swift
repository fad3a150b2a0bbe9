/// Finds the dateline that opens a wire story: `WASHINGTON (Reuters) -`, `LONDON, Nov 24 (AP) —`,
/// `Kyiv, Ukraine (CNN) —`, `NEW YORK, Nov. 24, 2026 /PRNewswire/ --`, `PARIS —`.
///
/// The dateline is the text before the first dash within ``maxBytes`` of the paragraph start. It counts when it
/// ends with an agency in parentheses or slashes, or when its first comma-separated part is a place in capitals.
struct DatelineFinder {
    let text: ByteText

    static let maxBytes = 100

    /// The dateline's range (without the dash) at the start of `range`, if there is one.
    func dateline(in range: Range<Int>) -> Range<Int>? {
        guard let dash = firstDash(in: range) else { return nil }
        let prefix = text.trimmed(range.lowerBound..<dash.lowerBound)
        guard prefix.count >= 2, text.isUppercase(at: prefix.lowerBound), dash.upperBound < range.upperBound
        else { return nil }
        let bytes = text.bytes
        let last = bytes[prefix.upperBound - 1]
        if last == UInt8(ascii: ")"), let open = lastIndex(of: UInt8(ascii: "("), in: prefix) {
            let agency = text.trimmed((open + 1)..<(prefix.upperBound - 1))
            let place = text.trimmed(prefix.lowerBound..<open)
            if !agency.isEmpty, agency.count <= 30, text.isUppercase(at: agency.lowerBound), !place.isEmpty,
                wordCount(place) <= 8, !containsSentenceEnd(place)
            {
                return prefix
            }
            return nil
        }
        if last == UInt8(ascii: "/"), let open = lastIndex(of: UInt8(ascii: "/"), in: prefix.dropLast()),
            open > prefix.lowerBound, prefix.upperBound - open <= 32
        {
            return prefix
        }
        let comma = firstIndex(of: UInt8(ascii: ","), in: prefix) ?? prefix.upperBound
        let place = prefix.lowerBound..<comma
        guard wordCount(prefix) <= 8, !containsSentenceEnd(prefix) else { return nil }
        var letters = 0
        var index = place.lowerBound
        while index < place.upperBound {
            let (scalar, length) = text.scalar(at: index)
            let properties = scalar.properties
            if properties.isLowercase { return nil }
            if properties.isAlphabetic { letters += 1 }
            index += length
        }
        return letters >= 3 ? prefix : nil
    }

    /// The first ` - `, ` -- `, ` – ` or `—` (en or em dash, spaces optional) within ``maxBytes`` and before the
    /// first sentence end.
    private func firstDash(in range: Range<Int>) -> Range<Int>? {
        let bytes = text.bytes
        let limit = min(range.upperBound - 1, range.lowerBound + Self.maxBytes)
        var index = range.lowerBound + 1
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-"), bytes[index - 1] == 0x20 {
                var end = index + 1
                if end < range.upperBound, bytes[end] == UInt8(ascii: "-") { end += 1 }
                if end < range.upperBound, bytes[end] == 0x20 { return index..<end }
            } else if byte == 0xE2, index + 2 < range.upperBound, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
            {
                return index..<(index + 3)
            } else if byte == UInt8(ascii: "."), index + 1 < limit, bytes[index + 1] == 0x20,
                lowercaseRun(before: index, floor: range.lowerBound) >= 5
            {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// How many ASCII lowercase letters come right before `index` (a sentence end follows a long word; `Nov.`
    /// and `St.` do not count).
    private func lowercaseRun(before index: Int, floor: Int) -> Int {
        var start = index
        while start > floor, text.bytes[start - 1] >= 0x61, text.bytes[start - 1] <= 0x7A { start -= 1 }
        return index - start
    }

    private func containsSentenceEnd(_ range: Range<Int>) -> Bool {
        for index in range where text.bytes[index] == UInt8(ascii: "!") || text.bytes[index] == UInt8(ascii: "?") {
            return true
        }
        return false
    }

    private func wordCount(_ range: Range<Int>) -> Int {
        var count = 0
        var inWord = false
        for index in range {
            let space = text.bytes[index] == 0x20
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    private func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        range.first { text.bytes[$0] == byte }
    }

    private func lastIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        range.last { text.bytes[$0] == byte }
    }
}
