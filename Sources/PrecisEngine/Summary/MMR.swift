/// Greedy selection by maximal marginal relevance (Carbonell & Goldstein 1998).
///
/// Each step takes the candidate with the highest `λ · score − (1 − λ) · (its highest similarity to a sentence
/// already taken)`, scores scaled so the best is 1; ties go to the earlier sentence. A candidate at least
/// ``duplicateThreshold`` similar to a taken sentence is skipped while any other candidate remains, so two
/// sentences saying the same thing are not both picked. Cost: O(n) per pick plus one similarity per candidate
/// per pick.
///
/// A word budget (`.words(n)`) is a strict maximum: only sentences that still fit are candidates, so the summary
/// never has more than `n` words in all (word-like tokens). Sentences are never cut: when no candidate has `n`
/// words or fewer, the selection is empty.
struct MMR {
    /// Cosine similarity at or above which a sentence counts as a near-duplicate of a chosen one.
    static let duplicateThreshold = 0.65

    /// Weight of relevance against redundancy; 1 ranks by score alone (duplicates are still skipped).
    let lambda: Double

    /// Positions of the chosen candidates, in the order picked.
    func select(
        scores: [Double], words: [Int], length: SummaryLength, similarity: (Int, Int) -> Double
    ) -> [Int] {
        let n = scores.count
        guard n > 0 else { return [] }
        let top = scores.max() ?? 0
        let relevance = scores.map { top > 0 ? $0 / top : 0 }
        var redundancy = Array(repeating: 0.0, count: n)
        var taken = Array(repeating: false, count: n)
        var chosen: [Int] = []
        var wordBudget = Int.max
        var target = n
        switch length {
        case .sentences(let count): target = min(n, count)
        case .ratio(let ratio): target = min(n, max(1, Int((ratio * Double(n)).rounded(.up))))
        case .words(let limit): wordBudget = limit
        }
        var used = 0
        while chosen.count < target {
            var best = -1
            var bestValue = -Double.infinity
            var bestIsDuplicate = true
            for i in 0..<n where !taken[i] {
                guard used + words[i] <= wordBudget else { continue }
                let duplicate = redundancy[i] >= Self.duplicateThreshold
                let value = lambda * relevance[i] - (1 - lambda) * redundancy[i]
                if best < 0 || (bestIsDuplicate && !duplicate) || (duplicate == bestIsDuplicate && value > bestValue) {
                    best = i
                    bestValue = value
                    bestIsDuplicate = duplicate
                }
            }
            guard best >= 0 else { break }
            taken[best] = true
            chosen.append(best)
            used += words[best]
            for i in 0..<n where !taken[i] {
                redundancy[i] = max(redundancy[i], similarity(best, i))
            }
        }
        return chosen
    }
}
