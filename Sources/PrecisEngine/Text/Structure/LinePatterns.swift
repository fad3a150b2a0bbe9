/// Recognisers for single short lines of scraped news pages: publication dates, picture credits, bylines and
/// person names. Every check first bounds the line's length, so each costs O(1) on long lines.
struct LinePatterns {
    let text: ByteText

    static let maxDateBytes = 100
    static let maxCreditBytes = 90
    static let maxNameBytes = 60

    /// The lowercased words of a short line, with `,;` and a final `.` removed from each.
    func words(_ range: Range<Int>) -> [Substring] {
        let line = text.lowercased(range)
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).map { word in
            var word = word
            while let last = word.last, last == "," || last == ";" || last == "." { word = word.dropLast() }
            while let first = word.first, first == "," || first == "(" { word = word.dropFirst() }
            if word.last == ")" { word = word.dropLast() }
            return word
        }.filter { !$0.isEmpty }
    }

    /// A line that only gives a publication or update date: `Published 24 November 2026`,
    /// `Nov. 24, 2026 10:15 AM ET`, `Updated: 2026-11-24`.
    func isPublished(_ range: Range<Int>) -> Bool {
        guard range.count <= Self.maxDateBytes, range.count >= 4 else { return false }
        var words = words(range)
        var opened = false
        for opener in Lexicon.publishedOpeners {
            let parts = opener.split(separator: " ")
            if words.count > parts.count, zip(words, parts).allSatisfy({ trimColon($0.0) == trimColon($0.1) }) {
                words.removeFirst(parts.count)
                opened = true
                break
            }
        }
        var numbers = 0
        var months = 0
        var numericDates = 0
        for word in words {
            let word = trimColon(word)
            if word.isEmpty { continue }
            if Lexicon.monthWords.contains(String(word)) {
                months += 1
            } else if Lexicon.dateWords.contains(String(word)) {
                continue
            } else if let kind = numberShape(word) {
                if kind == .date { numericDates += 1 } else { numbers += 1 }
            } else if opened, ["ago", "hour", "hours", "minute", "minutes", "mins", "day", "days", "by"]
                .contains(String(word))
            {
                continue
            } else {
                return false
            }
        }
        return numericDates > 0 || (months > 0 && numbers > 0) || (opened && numbers > 0)
    }

    private enum NumberShape { case number, date }

    /// `24`, `24th`, `10:15`, `10:15am` are numbers; `2026-11-24`, `24/11/2026`, `24.11.2026` are dates (a phone
    /// number like `02-751-1500` is neither).
    private func numberShape(_ word: Substring) -> NumberShape? {
        var digits = 0
        var separators = 0
        var letters = 0
        for scalar in word.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case "-", "/", ".": separators += 1
            case ":": break
            case "a"..."z": letters += 1
            default: return nil
            }
        }
        guard digits > 0, letters <= 2 else { return nil }
        if separators == 2, letters == 0 {
            let parts = word.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(\.count)
            guard parts.count == 3 else { return nil }
            return parts[0] == 4 && parts[1] <= 2 && parts[2] <= 2 || parts[0] <= 2 && parts[1] <= 2 && parts[2] == 4
                ? .date : nil
        }
        return separators == 0 ? .number : nil
    }

    private func trimColon(_ word: Substring) -> Substring {
        word.last == ":" ? word.dropLast() : word
    }

    /// A whole line that credits a picture: `Photo: Jane Doe`, `(Getty Images)`, `Reuters/Jane Doe`,
    /// `Press Office photographer`.
    func isCredit(_ range: Range<Int>) -> Bool {
        guard range.count <= Self.maxCreditBytes, !range.isEmpty else { return false }
        var line = Substring(text.lowercased(range))
        var parenthesised = false
        if line.first == "(", line.last == ")" {
            line = line.dropFirst().dropLast()
            parenthesised = true
        }
        let wordCount = line.split(separator: " ").count
        guard wordCount <= 10, !BlockSplitter(text: text).endsSentence(range) || line.hasSuffix(".") else {
            return false
        }
        if Lexicon.creditOpeners.contains(where: { line.hasPrefix($0) }), wordCount >= 2 || line.count > 7 {
            return true
        }
        if Lexicon.creditAgencies.contains(where: { line.hasPrefix($0) }) { return true }
        for closer in Lexicon.creditClosers where line.hasSuffix(closer) {
            let before = line.dropLast(closer.count)
            if before.isEmpty { return parenthesised || closer.contains(" ") }
            guard let mark = before.last, mark == " " || mark == "/" || mark == "(" else { continue }
            if mark == "/" || parenthesised { return true }
            if closer == "photographer" || closer.contains("getty") || closer == "shutterstock"
                || closer == "alamy" || closer == "handout" || closer == "file photo"
            {
                return wordCount <= 7
            }
        }
        return false
    }

    /// A caption line that ends with its credit: after a no-break space, in final parentheses, or after a
    /// credit opener (`… Photo: Jane Doe`). Returns the caption and the credit ranges.
    func splitCaption(_ range: Range<Int>) -> (caption: Range<Int>, credit: Range<Int>)? {
        guard range.count <= 600 else { return nil }
        let bytes = text.bytes
        var index = range.upperBound - 1
        let floor = max(range.lowerBound + 8, range.upperBound - Self.maxCreditBytes - 2)
        while index > floor {
            var cut: Range<Int>?
            if bytes[index - 1] == 0xC2, bytes[index] == 0xA0 {
                cut = (index - 1)..<(index + 1)
            } else if bytes[index] == UInt8(ascii: "("), bytes[range.upperBound - 1] == UInt8(ascii: ")"),
                bytes[index - 1] == 0x20
            {
                cut = index..<index
            } else if bytes[index - 1] == 0x20, bytes[index] == UInt8(ascii: "|") {
                cut = index..<(index + 1)
            }
            if let cut {
                let caption = text.trimmed(range.lowerBound..<cut.lowerBound)
                let credit = text.trimmed(cut.upperBound..<range.upperBound)
                if !caption.isEmpty, isCredit(credit) || isBareCredit(credit, cut: cut) {
                    return (caption, credit)
                }
            }
            index -= 1
        }
        return nil
    }

    /// After a no-break space, a short capitalised name counts as a credit too.
    private func isBareCredit(_ range: Range<Int>, cut: Range<Int>) -> Bool {
        cut.count == 2 && personName(range)
    }

    /// A short line of 2–5 capitalised words (name particles allowed) without digits or final punctuation:
    /// `Jane Doe`, `Ana de la Cruz`, `Jane Doe and John Roe`.
    func personName(_ range: Range<Int>) -> Bool {
        guard range.count <= Self.maxNameBytes, range.count >= 4 else { return false }
        let parts = text.string(range).split(separator: " ")
        guard parts.count >= 2, parts.count <= 7 else { return false }
        var capitalised = 0
        for part in parts {
            guard let first = part.unicodeScalars.first else { return false }
            for scalar in part.unicodeScalars {
                let letter = scalar.properties.isAlphabetic
                guard letter || scalar == "." || scalar == "-" || scalar == "'" || scalar == "\u{2019}"
                    || scalar == "&" || (scalar == "," && part.unicodeScalars.last == scalar)
                else { return false }
            }
            if first.properties.isUppercase {
                capitalised += 1
            } else if !Lexicon.nameParticles.contains(part.lowercased()) {
                return false
            }
        }
        guard let last = parts.last, let lastFirst = last.unicodeScalars.first else { return false }
        return capitalised >= 2 && lastFirst.properties.isUppercase && !last.hasSuffix(",")
    }

    /// The name in a byline: `By Jane Doe` → `Jane Doe` (also `Written by`, `Words by`, `Author:`).
    func bylineName(_ range: Range<Int>) -> Range<Int>? {
        guard range.count <= 120, text.isUppercase(at: range.lowerBound) else { return nil }
        for opener: StaticString in ["by ", "written by ", "words by ", "reporting by ", "author: ", "by: "] {
            if text.hasPrefix(opener, at: range.lowerBound, end: range.upperBound) {
                let name = text.trimmed((range.lowerBound + opener.utf8CodeUnitCount)..<range.upperBound)
                guard !name.isEmpty, text.isUppercase(at: name.lowerBound) else { return nil }
                guard !BlockSplitter(text: text).endsSentence(name) || text.bytes[name.upperBound - 1] == 0x2E,
                    words(name).count <= 12
                else { return nil }
                return name
            }
        }
        return nil
    }
}
