/// Detects the language of a document by a real signal.
///
/// First the script: the letters of the first ``sampleBytes`` bytes are counted by script. When one non-Latin
/// script holds most of them, it names the language: Hangul → `ko`, kana → `ja` (Han with some kana too), Han →
/// `zh`, Cyrillic → `ru` (`uk` when the Ukrainian letters і ї є ґ appear, `bg`/`sr` are not told apart), Arabic
/// → `ar`, Hebrew → `he`, Greek → `el`, Thai → `th`, Devanagari → `hi`. For Latin script, the first
/// ``sampleSize`` words (plenty for function-word statistics) are matched against the function-word profiles of en, de, fr, es, it, pt and nl; the
/// best profile wins when it covers at least ``threshold`` of the words and clearly beats the runner-up.
/// Otherwise the code is `"und"`. Confidence is the script share, or grows with the profile's share and margin.
struct LanguageDetector {
    let text: ByteText
    static let sampleSize = 400
    static let sampleBytes = 65_536
    static let threshold = 0.15
    /// Lists and recipes have few function words; a lower share counts when one profile clearly leads.
    static let lowThreshold = 0.07
    static let minimumWords = 3

    func detect(_ tokens: [Token]) -> DetectedLanguage {
        if let script = scriptLanguage() { return script }
        var counts = [Int](repeating: 0, count: LanguageProfiles.latin.count)
        var words = 0
        let table = LanguageProfiles.packed
        for token in tokens where token.kind == .word {
            words += 1
            if token.span.count <= 8 {
                var mask = table.mask(PackedWordTable.pack(text.bytes[token.span.start..<token.span.end]))
                // One lookup per word: bit i set when profile i lists it.
                while mask != 0 {
                    counts[mask.trailingZeroBitCount] += 1
                    mask &= mask - 1
                }
            }
            if words >= Self.sampleSize { break }
        }
        guard words >= Self.minimumWords else { return DetectedLanguage(code: "und", confidence: 0) }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        let runnerUp = counts.indices.filter { $0 != best }.map { counts[$0] }.max() ?? 0
        let share = Double(counts[best]) / Double(words)
        let margin = Double(counts[best] - runnerUp) / Double(max(counts[best], 1))
        if (share >= Self.threshold && margin >= 0.2) || (share >= Self.lowThreshold && margin >= 0.5) {
            return DetectedLanguage(code: LanguageProfiles.latin[best].code, confidence: min(1, share + margin / 2))
        }
        return DetectedLanguage(code: "und", confidence: max(0, 1 - share / Self.threshold) / 2)
    }

    private enum Script: Int, CaseIterable {
        case latin, han, kana, hangul, cyrillic, arabic, hebrew, greek, thai, devanagari
    }

    /// The language named by a dominant non-Latin script, or nil for Latin or mixed text.
    private func scriptLanguage() -> DetectedLanguage? {
        var counts = [Int](repeating: 0, count: Script.allCases.count)
        var ukrainian = 0
        var index = 0
        let end = min(text.count, Self.sampleBytes)
        while index < end {
            let byte = text.bytes[index]
            if byte < 0x80 {
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { counts[Script.latin.rawValue] += 1 }
                index += 1
                continue
            }
            let (scalar, length) = text.scalar(at: index)
            let value = scalar.value
            index += length
            let script: Script?
            switch value {
            case 0xC0...0x24F: script = .latin
            case 0x370...0x3FF: script = .greek
            case 0x400...0x4FF:
                script = .cyrillic
                if value == 0x456 || value == 0x457 || value == 0x454 || value == 0x491 { ukrainian += 1 }
            case 0x590...0x5FF: script = .hebrew
            case 0x600...0x6FF, 0x750...0x77F: script = .arabic
            case 0x900...0x97F: script = .devanagari
            case 0xE00...0xE7F: script = .thai
            case 0x3041...0x30FF: script = .kana
            case 0x3400...0x4DBF, 0x4E00...0x9FFF: script = .han
            case 0xAC00...0xD7A3, 0x1100...0x11FF: script = .hangul
            default: script = nil
            }
            if let script { counts[script.rawValue] += 1 }
        }
        let total = counts.reduce(0, +)
        guard total >= 2 else { return nil }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        guard let script = Script(rawValue: best), script != .latin else { return nil }
        let han = counts[Script.han.rawValue]
        let kana = counts[Script.kana.rawValue]
        var share = Double(counts[best]) / Double(total)
        let code: String
        switch script {
        case .han, .kana:
            share = Double(han + kana) / Double(total)
            code = kana * 20 >= han + kana ? "ja" : "zh"
        case .hangul: code = "ko"
        case .cyrillic: code = ukrainian > 0 ? "uk" : "ru"
        case .arabic: code = "ar"
        case .hebrew: code = "he"
        case .greek: code = "el"
        case .thai: code = "th"
        case .devanagari: code = "hi"
        case .latin: return nil
        }
        guard share >= 0.5 else { return nil }
        return DetectedLanguage(code: code, confidence: min(1, share))
    }
}
