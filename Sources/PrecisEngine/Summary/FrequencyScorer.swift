/// Scores sentences by how frequent their content words are among the candidates.
///
/// A content word is a word token, lowercased, that is not a stop word, has at least two bytes and does not start
/// with a digit. A sentence's score is the mean of its content words' frequencies divided by the top frequency,
/// damped for sentences with fewer than three content words, plus a lead bonus of 0.1 for the first candidate that
/// falls linearly to 0 at the tenth.
struct FrequencyScorer {
    let text: ByteText
    let document: ParsedDocument

    static let leadBonus = 0.1
    static let leadSentences = 10
    static let minimumContentWords = 3

    func scores(_ candidates: [Int]) -> [Double] {
        var frequencies: [String: Int] = [:]
        var sentenceWords: [[String]] = []
        sentenceWords.reserveCapacity(candidates.count)
        for index in candidates {
            let sentence = document.sentences[index]
            var words: [String] = []
            for token in document.tokens[sentence.firstToken..<(sentence.firstToken + sentence.tokenCount)] {
                guard token.kind == .word, token.span.count >= 2, !isASCIIDigit(text.bytes[token.span.start]) else {
                    continue
                }
                let word = text.lowercased(token.span)
                guard !Lexicon.stopWords.contains(word) else { continue }
                words.append(word)
                frequencies[word, default: 0] += 1
            }
            sentenceWords.append(words)
        }
        let top = Double(max(1, frequencies.values.max() ?? 1))
        return sentenceWords.enumerated().map { position, words in
            var score = 0.0
            if !words.isEmpty {
                let total = words.reduce(0.0) { $0 + Double(frequencies[$1] ?? 0) }
                score = total / Double(words.count) / top
                score *= min(1, Double(words.count) / Double(Self.minimumContentWords))
            }
            let lead = max(0, 1 - Double(position) / Double(Self.leadSentences))
            return score + Self.leadBonus * lead
        }
    }
}
