extension Tokenizer {
    /// The end of a URL starting with `http://`, `https://` or `www.` at `start`.
    func urlEnd(at start: Int, end: Int) -> Int? {
        let bytes = text.bytes
        let prefixLength: Int
        if text.hasPrefix("https://", at: start, end: end) {
            prefixLength = 8
        } else if text.hasPrefix("http://", at: start, end: end) {
            prefixLength = 7
        } else if text.hasPrefix("www.", at: start, end: end) {
            prefixLength = 4
        } else {
            return nil
        }
        var position = start + prefixLength
        while position < end {
            let byte = bytes[position]
            if byte < 0x80 {
                let cls = ScalarClass.ascii(byte)
                if cls == .space || cls == .control { break }
                switch byte {
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "{"),
                    UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"):
                    break
                default:
                    position += 1
                    continue
                }
                break
            }
            let (cls, length) = text.classAt(position)
            guard cls == .letter || cls == .digit || cls == .mark || cls == .ideograph else { break }
            position += length
        }
        var opened = 0
        var closed = 0
        for index in (start + prefixLength)..<position {
            if bytes[index] == UInt8(ascii: "(") { opened += 1 }
            if bytes[index] == UInt8(ascii: ")") { closed += 1 }
        }
        while position > start + prefixLength {
            let last = bytes[position - 1]
            if ".,;:!?'*".utf8.contains(last) {
                position -= 1
            } else if last == UInt8(ascii: ")"), closed > opened {
                closed -= 1
                position -= 1
            } else {
                break
            }
        }
        guard position > start + prefixLength,
            bytes[(start + prefixLength)..<position].contains(where: isASCIIAlphanumeric)
        else { return nil }
        return position
    }

    /// The end of an e-mail address starting at `start` (local part at most 64 bytes).
    mutating func emailEnd(at start: Int, end: Int) -> Int? {
        let bytes = text.bytes
        if nextAtSign < start {
            nextAtSign = start
            while nextAtSign < bytes.count, bytes[nextAtSign] != UInt8(ascii: "@") { nextAtSign += 1 }
        }
        guard nextAtSign < end, nextAtSign - start <= 64 else { return nil }
        var position = start
        while position < nextAtSign, isEmailLocal(bytes[position]) { position += 1 }
        guard position == nextAtSign, position > start, bytes[position - 1] != UInt8(ascii: ".") else { return nil }
        var domainEnd = position + 1
        var lastDot = -1
        let limit = min(end, domainEnd + 253)
        while domainEnd < limit {
            let byte = bytes[domainEnd]
            if isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") {
                domainEnd += 1
            } else if byte == UInt8(ascii: "."), domainEnd + 1 < limit, isASCIIAlphanumeric(bytes[domainEnd + 1]),
                bytes[domainEnd - 1] != UInt8(ascii: "@")
            {
                lastDot = domainEnd
                domainEnd += 1
            } else {
                break
            }
        }
        guard lastDot > 0, domainEnd - lastDot > 2,
            bytes[(lastDot + 1)..<domainEnd].allSatisfy({ ScalarClass.ascii($0) == .letter })
        else { return nil }
        return domainEnd
    }

    private func isEmailLocal(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// Whether the scalar before `index` is a letter or digit (so `@` or `#` there is not a handle or hashtag).
    private func followsWordPart(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = text.scalarStart(before: index)
        let cls = text.classAt(previous).0
        return cls.isWordPart || cls == .ideograph || text.bytes[previous] == UInt8(ascii: "&")
    }

    /// The end of an `@handle` (ASCII letters, digits and `_`, at most 50).
    func handleEnd(at start: Int, end: Int) -> Int? {
        guard !followsWordPart(start) else { return nil }
        var position = start + 1
        var letters = 0
        while position < end, position - start <= 50 {
            let byte = text.bytes[position]
            guard isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "_") else { break }
            if ScalarClass.ascii(byte) == .letter { letters += 1 }
            position += 1
        }
        return letters > 0 ? position : nil
    }

    /// The end of a `#hashtag` (letters, digits, marks and `_`, with at least one letter).
    func hashtagEnd(at start: Int, end: Int) -> Int? {
        guard !followsWordPart(start) else { return nil }
        var position = start + 1
        var letters = 0
        while position < end {
            let (cls, length) = text.classAt(position)
            guard cls.isWordPart || cls == .ideograph || text.bytes[position] == UInt8(ascii: "_") else { break }
            if cls == .letter || cls == .ideograph { letters += 1 }
            position += length
        }
        return letters > 0 ? position : nil
    }

    /// The end of an emoji sequence: modifiers, variation selectors, keycaps, tags, ZWJ joins and flag pairs.
    func emojiEnd(at start: Int, length: Int, end: Int) -> Int {
        var position = start + length
        let first = text.scalar(at: start).scalar.value
        if (0x1F1E6...0x1F1FF).contains(first) {
            if position < end, (0x1F1E6...0x1F1FF).contains(text.scalar(at: position).scalar.value) {
                position += 4
            }
            return position
        }
        while position < end {
            let (scalar, scalarLength) = text.scalar(at: position)
            let value = scalar.value
            if value == 0xFE0F || value == 0xFE0E || value == 0x20E3 || (0x1F3FB...0x1F3FF).contains(value)
                || (0xE0020...0xE007F).contains(value)
            {
                position += scalarLength
            } else if value == 0x200D, position + scalarLength < end {
                let (joined, joinedLength) = text.scalar(at: position + scalarLength)
                guard joined.value >= 0x80, joined.properties.isEmoji else { break }
                position += scalarLength + joinedLength
            } else {
                break
            }
        }
        return position
    }
}
