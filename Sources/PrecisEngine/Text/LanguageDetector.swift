/// Detects English by the share of common English function words.
///
/// v0: among the first ``sampleSize`` word tokens, the share that are English function words. English prose runs
/// at 40–50 %; at or above ``threshold`` the text is `"en"`, with confidence growing with the share. Anything else
/// is `"und"`.
struct LanguageDetector {
    let text: ByteText
    static let sampleSize = 5_000
    static let threshold = 0.15
    static let minimumWords = 3

    func detect(_ tokens: [Token]) -> DetectedLanguage {
        var words = 0
        var hits = 0
        for token in tokens where token.kind == .word {
            words += 1
            if token.span.count <= 8, Lexicon.functionWords.contains(text.lowercased(token.span)) { hits += 1 }
            if words >= Self.sampleSize { break }
        }
        guard words >= Self.minimumWords else { return DetectedLanguage(code: "und", confidence: 0) }
        let share = Double(hits) / Double(words)
        if share >= Self.threshold {
            return DetectedLanguage(code: "en", confidence: min(1, 0.5 + share))
        }
        return DetectedLanguage(code: "und", confidence: 1 - share / Self.threshold)
    }
}
