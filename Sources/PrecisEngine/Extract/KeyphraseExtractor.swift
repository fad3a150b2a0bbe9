/// Finds key phrases: frequent word n-grams.
///
/// v0: every run of one to three adjacent words (no punctuation between them) whose words are content words (not stop
/// or number words, not starting with a digit, at least three bytes; the middle of three may be `of`) is a candidate;
/// phrases of two or three words must occur at least twice. Its score is occurrences × words, divided by the best
/// score. A candidate contained in a better one is dropped. The text is the lowercased phrase, or the phrase as first
/// written when most occurrences start with a capital.
struct KeyphraseExtractor {
    let context: ExtractionContext
    static let maxWords = 3

    /// Up to three word ids; unused slots are -1.
    private struct Key: Hashable {
        var ids: (Int32, Int32, Int32)
        var count: Int { ids.2 >= 0 ? 3 : (ids.1 >= 0 ? 2 : 1) }
        var array: [Int32] { [ids.0, ids.1, ids.2].filter { $0 >= 0 } }

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.ids == rhs.ids }

        func hash(into hasher: inout Hasher) {
            hasher.combine(ids.0)
            hasher.combine(ids.1)
            hasher.combine(ids.2)
        }
    }

    private struct Candidate {
        var key: Key
        var spans: [TextSpan] = []
        var capitalised = 0
    }

    func extract(limit: Int) -> [Keyphrase] {
        var interned: [String: Int32] = [:]
        var isContent: [Bool] = []
        var candidates: [Candidate] = []
        var byKey: [Key: Int] = [:]
        for range in context.sentenceRanges(ExtractionContext.isContent) {
            var window: [Int32] = []
            for index in range {
                let token = context.tokens[index]
                guard token.kind == .word else {
                    window.removeAll(keepingCapacity: true)
                    continue
                }
                if !window.isEmpty, !context.spaced(index - 1, index) { window.removeAll(keepingCapacity: true) }
                let word = context.lowercased(index)
                let id: Int32
                if let known = interned[word] {
                    id = known
                } else {
                    id = Int32(isContent.count)
                    interned[word] = id
                    isContent.append(
                        word.utf8.count >= 3 && !isASCIIDigit(word.utf8.first ?? 0) && !Lexicon.stopWords.contains(word)
                            && Lexicon.numberWords[word] == nil
                    )
                }
                if window.count == Self.maxWords { window.removeFirst() }
                window.append(id)
                guard isContent[Int(id)] else { continue }
                for length in 1...window.count where isContent[Int(window[window.count - length])] {
                    if length == 3, !isContent[Int(window[1])], window[1] != interned["of"] { continue }
                    let ids = window.suffix(length)
                    let key = Key(
                        ids: (
                            ids[ids.startIndex], length > 1 ? ids[ids.startIndex + 1] : -1,
                            length > 2 ? ids[ids.startIndex + 2] : -1
                        )
                    )
                    let first = index - length + 1
                    let slot = byKey[key] ?? candidates.count
                    if slot == candidates.count {
                        byKey[key] = slot
                        candidates.append(Candidate(key: key))
                    }
                    candidates[slot].spans.append(
                        TextSpan(start: context.tokens[first].span.start, end: token.span.end)
                    )
                    if context.text.isUppercase(at: context.tokens[first].span.start) {
                        candidates[slot].capitalised += 1
                    }
                }
            }
        }
        return select(candidates, limit: limit, words: interned)
    }

    private func select(_ candidates: [Candidate], limit: Int, words: [String: Int32]) -> [Keyphrase] {
        func score(_ candidate: Candidate) -> Int { candidate.spans.count * candidate.key.count }
        let ranked = candidates.indices.sorted { lhs, rhs in
            let (a, b) = (score(candidates[lhs]), score(candidates[rhs]))
            return a != b ? a > b : lhs < rhs
        }
        var names = [String](repeating: "", count: words.count)
        for (word, id) in words { names[Int(id)] = word }
        var chosen: [[Int32]] = []
        var result: [Keyphrase] = []
        let top = Double(ranked.first.map { score(candidates[$0]) } ?? 1)
        for index in ranked {
            guard result.count < limit else { break }
            let candidate = candidates[index]
            guard candidate.key.count == 1 || candidate.spans.count >= 2 else { continue }
            let ids = candidate.key.array
            guard !chosen.contains(where: { Self.contains($0, ids) }) else { continue }
            chosen.append(ids)
            let text =
                candidate.capitalised * 2 > candidate.spans.count
                ? context.text.string(candidate.spans[0])
                : ids.map { names[Int($0)] }.joined(separator: " ")
            result.append(Keyphrase(text: text, score: Double(score(candidate)) / top, spans: candidate.spans))
        }
        return result
    }

    /// Whether `inner` occurs contiguously inside `outer`.
    private static func contains(_ outer: [Int32], _ inner: [Int32]) -> Bool {
        guard inner.count <= outer.count else { return false }
        for offset in 0...(outer.count - inner.count) where Array(outer[offset..<(offset + inner.count)]) == inner {
            return true
        }
        return false
    }
}
