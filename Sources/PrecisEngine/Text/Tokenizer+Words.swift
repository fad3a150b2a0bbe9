extension Tokenizer {
    /// Scans a token that starts with a letter or digit: URL, e-mail, number, abbreviation or word.
    mutating func wordLike(at start: Int, end: Int, into tokens: inout [Token]) -> Int {
        let first = text.bytes[start]
        if first < 0x80 {
            if ScalarClass.ascii(first) == .letter, let urlEnd = urlEnd(at: start, end: end) {
                return add(start, urlEnd, .url, &tokens)
            }
            if let emailEnd = emailEnd(at: start, end: end) {
                return add(start, emailEnd, .email, &tokens)
            }
        }
        if text.classAt(start).0 == .digit {
            let numberEnd = self.numberEnd(at: start, end: end)
            guard numberEnd < end, text.classAt(numberEnd).0.isWordPart else {
                return add(start, numberEnd, .number, &tokens)
            }
            if let ordinalEnd = ordinalSuffixEnd(at: numberEnd, end: end) {
                return add(start, ordinalEnd, .number, &tokens)
            }
            let wordEnd = wordEnd(at: numberEnd, end: end)
            // A scale suffix keeps it a number as written: `3.5bn`, `20m`, `40k`.
            let isScaled = wordEnd - numberEnd <= 3 && Self.isScaleSuffix(text.bytes[numberEnd..<wordEnd])
            return add(start, wordEnd, isScaled ? .number : .word, &tokens)
        }
        let wordEnd = self.wordEnd(at: start, end: end)
        if let abbreviationEnd = abbreviationEnd(start: start, wordEnd: wordEnd, end: end) {
            // `U.S.-backed` is one hyphenated word.
            if abbreviationEnd + 1 < end, text.bytes[abbreviationEnd] == UInt8(ascii: "-"),
                text.classAt(abbreviationEnd + 1).0 == .letter
            {
                return add(start, self.wordEnd(at: abbreviationEnd + 1, end: end), .word, &tokens)
            }
            return add(start, abbreviationEnd, .abbreviation, &tokens)
        }
        return add(start, wordEnd, .word, &tokens)
    }

    /// The end of a run of word parts with inner apostrophes, hyphens and joiners.
    func wordEnd(at index: Int, end: Int) -> Int {
        var position = index
        while position < end {
            let (cls, length) = text.classAt(position)
            if cls.isWordPart {
                position += length
                continue
            }
            let after = position + length
            guard after < end, text.classAt(after).0.isWordPart else { break }
            if cls == .format {
                position = after
                continue
            }
            guard cls == .punctuation else { break }
            switch text.scalar(at: position).scalar.value {
            case 0x27, 0x2D, 0x2019, 0x2010, 0x2011: position = after
            default: return position
            }
        }
        return position
    }

    /// The end of digits with thousands separators (`1,000`) and decimals (`3.5`).
    func numberEnd(at index: Int, end: Int) -> Int {
        var position = digitsEnd(at: index, end: end)
        let bytes = text.bytes
        while position + 1 < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: ","), position + 3 < end, isASCIIDigit(bytes[position + 1]),
                isASCIIDigit(bytes[position + 2]), isASCIIDigit(bytes[position + 3]),
                position + 4 == end || !isASCIIDigit(bytes[position + 4])
            {
                position += 4
            } else if byte == UInt8(ascii: "."), isASCIIDigit(bytes[position + 1]) {
                position = digitsEnd(at: position + 1, end: end)
            } else {
                break
            }
        }
        return position
    }

    private func digitsEnd(at index: Int, end: Int) -> Int {
        var position = index
        while position < end {
            let (cls, length) = text.classAt(position)
            guard cls == .digit else { break }
            position += length
        }
        return position
    }

    /// `k`, `m`, `mn`, `bn`, `b`, `tn` or `trn` (any case): a thousand to a trillion, as in `$3.5bn`.
    static func isScaleSuffix(_ bytes: ArraySlice<UInt8>) -> Bool {
        var lowered: [UInt8] = []
        for byte in bytes {
            guard byte < 0x80 else { return false }
            lowered.append(byte | 0x20)
        }
        switch lowered {
        case [0x6B], [0x6D], [0x6D, 0x6E], [0x62, 0x6E], [0x62], [0x74, 0x6E], [0x74, 0x72, 0x6E]: return true
        default: return false
        }
    }

    /// `st`, `nd`, `rd` or `th` right after a number and ending the word.
    private func ordinalSuffixEnd(at index: Int, end: Int) -> Int? {
        guard index + 2 <= end else { return nil }
        let pair = (text.bytes[index] | 0x20, text.bytes[index + 1] | 0x20)
        switch pair {
        case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): break  // st nd rd th
        default: return nil
        }
        guard index + 2 == end || !text.classAt(index + 2).0.isWordPart else { return nil }
        return index + 2
    }

    /// The end of an abbreviation whose word part is `start..<wordEnd`, when a period follows.
    private func abbreviationEnd(start: Int, wordEnd: Int, end: Int) -> Int? {
        let bytes = text.bytes
        guard wordEnd < end, bytes[wordEnd] == UInt8(ascii: "."),
            wordEnd + 1 == end || bytes[wordEnd + 1] != UInt8(ascii: ".")
        else { return nil }
        let length = wordEnd - start
        if length == 1, ScalarClass.ascii(bytes[start]) == .letter {
            var position = wordEnd + 1
            var letters = 1
            while position + 1 < end, ScalarClass.ascii(bytes[position]) == .letter,
                bytes[position + 1] == UInt8(ascii: ".")
            {
                letters += 1
                position += 2
            }
            if letters >= 2 { return position }
            return bytes[start] >= 0x41 && bytes[start] <= 0x5A ? wordEnd + 1 : nil
        }
        guard length <= 6, !bytes[start..<wordEnd].contains(where: { $0 >= 0x80 }),
            Lexicon.abbreviations.contains(text.string(start..<wordEnd))
        else { return nil }
        return wordEnd + 1
    }
}

@inline(__always)
func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always)
func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    let cls = ScalarClass.ascii(byte)
    return cls == .letter || cls == .digit
}
