/// A light Porter-style suffix stemmer for lowercase English words.
///
/// It folds plurals, `-ed`/`-ing` forms and common derivational suffixes (`-ational`, `-ization`, `-ness`,
/// `-ment`, `-ly` …) so that "elections", "elected" and "election" meet, without Porter's full rule set. Words
/// with bytes outside ASCII, and words of three bytes or fewer, are returned unchanged. Deterministic and pure.
enum Stemmer {
    /// Suffix rewrites tried in order on words still longer than the replacement plus three bytes.
    static let suffixes: [([UInt8], [UInt8])] = [
        ("ational", "ate"), ("tional", "tion"), ("ization", "ize"), ("isation", "ise"), ("fulness", "ful"),
        ("iveness", "ive"), ("ousness", "ous"), ("ements", ""), ("ement", ""), ("ments", ""), ("ment", ""),
        ("nesses", ""), ("ness", ""), ("ations", "ate"), ("ation", "ate"), ("ities", ""), ("ity", ""),
        ("ically", "ic"), ("ally", "al"), ("ably", "able"), ("ibly", "ible"), ("fully", "ful"), ("ly", ""),
        ("ism", ""), ("ist", ""), ("ive", ""), ("ous", ""), ("ful", ""), ("able", ""), ("ible", ""), ("al", ""),
        ("er", ""), ("or", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Words whose final `s` is not a plural.
    static let invariant: Set<[UInt8]> = Set(["news", "series", "species", "always", "perhaps"].map { Array($0.utf8) })

    /// The stem of `word`, which must already be lowercase.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems the lowercase UTF-8 word in `bytes` in place.
    static func stem(_ bytes: inout [UInt8]) {
        guard bytes.count > 3 else { return }
        for byte in bytes where byte >= 0x80 { return }
        plural(&bytes)
        inflection(&bytes)
        for _ in 0..<2 {  // "nationally" → "national" → "nation"
            guard let last = bytes.last else { break }
            var rewrite = -1
            for (index, suffix) in suffixes.enumerated()
            where suffix.0.last == last && bytes.count >= suffix.0.count + 3 && hasSuffix(bytes, suffix.0) {
                rewrite = index
                break
            }
            guard rewrite >= 0 else { break }
            bytes.removeLast(suffixes[rewrite].0.count)
            bytes.append(contentsOf: suffixes[rewrite].1)
        }
        if bytes.last == UInt8(ascii: "e"), bytes.count > 3 { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "y"), bytes.count > 3 { bytes[bytes.count - 1] = UInt8(ascii: "i") }
    }

    /// `-sses` → `-ss`, `-ies` → `-i`, `-s` → `` (not `-ss`, `-us`, `-is`).
    static func plural(_ bytes: inout [UInt8]) {
        guard bytes.last == UInt8(ascii: "s"), !invariant.contains(bytes) else { return }
        if hasSuffix(bytes, "sses") {
            bytes.removeLast(2)
        } else if hasSuffix(bytes, "ies") {
            bytes.removeLast(2)
        } else if bytes.last == UInt8(ascii: "s"), !hasSuffix(bytes, "ss"), !hasSuffix(bytes, "us"),
            !hasSuffix(bytes, "is")
        {
            bytes.removeLast()
        }
    }

    /// `-ed`/`-ing` after a vowel-bearing stem; a doubled final consonant is undoubled (`stopped` → `stop`).
    static func inflection(_ bytes: inout [UInt8]) {
        var removed = 0
        if hasSuffix(bytes, "eed") {
            return
        } else if hasSuffix(bytes, "ing"), bytes.count >= 6, hasVowel(bytes.dropLast(3)) {
            removed = 3
        } else if hasSuffix(bytes, "ed"), bytes.count >= 5, hasVowel(bytes.dropLast(2)) {
            removed = 2
        }
        guard removed > 0 else { return }
        bytes.removeLast(removed)
        let count = bytes.count
        if count >= 2, bytes[count - 1] == bytes[count - 2], !isVowel(bytes[count - 1]),
            ![UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "z")].contains(bytes[count - 1])
        {
            bytes.removeLast()
        }
    }

    static func hasSuffix(_ bytes: [UInt8], _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        let offset = bytes.count - suffix.count
        for index in suffix.indices where bytes[offset + index] != suffix[index] { return false }
        return true
    }

    static func hasSuffix(_ bytes: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let pointer = suffix.utf8Start
        for index in 0..<count where bytes[bytes.count - count + index] != pointer[index] { return false }
        return true
    }

    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            true
        default: false
        }
    }

    static func hasVowel(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.contains(where: isVowel) }
}
