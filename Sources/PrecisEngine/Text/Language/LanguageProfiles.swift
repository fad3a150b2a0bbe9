/// Function-word profiles of Latin-script languages: the most frequent short words of running text, which
/// make up 30–50 % of the words of any prose in that language. Lowercase.
enum LanguageProfiles {
    static let latin: [(code: String, words: Set<String>)] = [
        ("en", Lexicon.functionWords),
        ("de", [
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den", "des", "mit", "sich",
            "auf", "für", "von", "zu", "im", "auch", "es", "sie", "er", "wir", "ich", "war", "wird", "werden", "hat",
            "haben", "bei", "nach", "aus", "um", "wie", "noch", "aber", "oder", "wenn", "dass", "nur", "über",
            "vor", "durch", "sind", "so", "zum", "zur", "einer", "eines", "als", "am", "kann", "schon", "mehr",
        ]),
        ("fr", [
            "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "en", "que", "qui", "dans", "pour",
            "pas", "sur", "au", "aux", "ce", "cette", "il", "elle", "ils", "nous", "vous", "avec", "plus", "par",
            "sont", "ont", "mais", "ou", "se", "sa", "son", "ses", "leur", "été", "être", "avait", "comme", "aussi",
            "à", "où", "d'un", "d'une", "c'est", "qu'il", "l'", "n'est",
        ]),
        ("es", [
            "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "con", "para",
            "no", "se", "su", "sus", "al", "lo", "como", "más", "pero", "fue", "ha", "han", "este", "esta", "son",
            "también", "entre", "sobre", "hasta", "muy", "sin", "ya", "cuando", "donde", "porque", "le", "les",
            "era", "está", "están", "hay", "desde", "todo", "ser",
        ]),
        ("it", [
            "il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "che", "e", "è", "un", "una",
            "per", "con", "non", "in", "nel", "nella", "sono", "si", "da", "dal", "alla", "al", "come", "anche",
            "più", "ma", "ha", "hanno", "questo", "questa", "suo", "sua", "era", "essere", "stato", "tra", "fra",
            "molto", "dopo", "quando", "perché", "ci", "ne", "degli",
        ]),
        ("pt", [
            "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "no", "na", "nos", "nas", "um",
            "uma", "para", "com", "não", "por", "se", "mais", "é", "foi", "são", "como", "mas", "ao", "aos", "pelo",
            "pela", "seu", "sua", "também", "está", "ele", "ela", "eles", "já", "ou", "quando", "muito", "entre",
            "há", "ser", "tem", "até",
        ]),
        ("nl", [
            "de", "het", "een", "en", "van", "is", "niet", "dat", "die", "in", "op", "te", "met", "voor", "zijn",
            "er", "aan", "ook", "als", "maar", "om", "bij", "dan", "nog", "wel", "naar", "uit", "door", "ze", "hij",
            "zij", "wij", "ik", "was", "werd", "wordt", "heeft", "hebben", "kan", "over", "tot", "geen", "dit",
            "deze", "of", "al", "worden", "meer",
        ]),
    ]

    /// Every profile word of up to 8 bytes, packed into a `UInt64`, with a bit set for each profile
    /// that lists it: a word costs one probe of a small open-addressing table, with no string built.
    static let packed = PackedWordTable(latin.enumerated().flatMap { index, profile in
        profile.words.map { (Array($0.utf8), UInt16(1) << UInt16(index)) }
    })
}

/// A fixed table from short words (≤ 8 bytes, packed little-endian into a `UInt64`) to bit masks.
struct PackedWordTable: Sendable {
    private let keys: [UInt64]
    private let masks: [UInt16]
    private let shift: UInt64

    init(_ entries: [([UInt8], UInt16)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var masks = [UInt16](repeating: 0, count: 1 << bits)
        shift = 64 - bits
        for (word, mask) in entries where !word.isEmpty && word.count <= 8 {
            let key = Self.pack(word[...])
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            masks[slot] |= mask
        }
        self.keys = keys
        self.masks = masks
    }

    /// The bytes packed into one integer, ASCII capitals lowered; 0 for an empty or too long word.
    static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        guard !bytes.isEmpty, bytes.count <= 8 else { return 0 }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            key |= UInt64(lowered) << shift
            shift += 8
        }
        return key
    }

    /// The profiles that list the word packed in `key` (0 when none).
    func mask(_ key: UInt64) -> UInt16 {
        guard key != 0 else { return 0 }
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0 {
            if keys[slot] == key { return masks[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return 0
    }
}
