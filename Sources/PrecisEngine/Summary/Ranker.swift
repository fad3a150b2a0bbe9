/// Graph centrality of sentences, as in TextRank and LexRank.
///
/// Every pair of candidates is compared once, so the cost is O(n²) in the candidates (at most
/// ``Engine/Configuration/maxSummaryCandidates``, 400 by default) times at most `2 × TermVectors.maxTerms`
/// per pair. Power iteration runs at most ``maxIterations`` rounds of O(n²). The result is deterministic.
enum Ranker {
    /// The PageRank damping factor.
    static let damping = 0.85
    /// Power-iteration rounds at most.
    static let maxIterations = 60
    /// Stop when no score moves by more than this.
    static let tolerance = 1e-5
    /// LexRank keeps an edge when the cosine similarity reaches this.
    static let lexRankThreshold = 0.1

    /// A symmetric similarity matrix, row-major, with a zero diagonal.
    struct Matrix {
        let count: Int
        var values: [Double]

        init(count: Int) {
            self.count = count
            values = Array(repeating: 0, count: count * count)
        }

        subscript(i: Int, j: Int) -> Double {
            get { values[i * count + j] }
            set { values[i * count + j] = newValue }
        }
    }

    /// BM25 cosine similarity of every pair.
    static func cosineMatrix(_ vectors: TermVectors) -> Matrix {
        let n = vectors.terms.count
        var matrix = Matrix(count: n)
        for i in 0..<n where !vectors.terms[i].isEmpty {
            for j in (i + 1)..<max(i + 1, n) where !vectors.terms[j].isEmpty {
                let value = vectors.cosine(i, j)
                matrix[i, j] = value
                matrix[j, i] = value
            }
        }
        return matrix
    }

    /// TextRank's similarity (Mihalcea & Tarau 2004): shared terms over `log|Si| + log|Sj|`.
    static func textRankMatrix(_ vectors: TermVectors) -> Matrix {
        let n = vectors.terms.count
        var matrix = Matrix(count: n)
        let logs = vectors.lengths.map { Double(max(1, $0)).naturalLog() }
        for i in 0..<n where !vectors.terms[i].isEmpty {
            for j in (i + 1)..<max(i + 1, n) where !vectors.terms[j].isEmpty {
                let denominator = logs[i] + logs[j]
                let shared = Double(vectors.overlap(i, j))
                let value = shared == 0 ? 0 : shared / max(denominator, 1)
                matrix[i, j] = value
                matrix[j, i] = value
            }
        }
        return matrix
    }

    /// LexRank's graph (Erkan & Radev 2004): an unweighted edge where the cosine reaches the threshold.
    static func thresholded(_ matrix: Matrix, at threshold: Double = lexRankThreshold) -> Matrix {
        var result = matrix
        for index in result.values.indices {
            result.values[index] = result.values[index] >= threshold ? 1 : 0
        }
        return result
    }

    /// Weighted PageRank over `matrix`; a sentence with no edges keeps the teleport share. Sums to 1.
    static func pageRank(_ matrix: Matrix) -> [Double] {
        let n = matrix.count
        guard n > 0 else { return [] }
        var rowSums = Array(repeating: 0.0, count: n)
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<n { sum += matrix[i, j] }
            rowSums[i] = sum
        }
        let base = (1 - damping) / Double(n)
        var scores = Array(repeating: 1 / Double(n), count: n)
        var next = scores
        var share = Array(repeating: 0.0, count: n)
        for _ in 0..<maxIterations {
            var dangling = 0.0
            for i in 0..<n {
                if rowSums[i] > 0 { share[i] = scores[i] / rowSums[i] } else { dangling += scores[i] }
            }
            let spread = damping * dangling / Double(n)
            var change = 0.0
            for j in 0..<n {
                var sum = 0.0
                for i in 0..<n where share[i] != 0 { sum += matrix[j, i] * share[i] }  // symmetric; row-major walk
                next[j] = base + spread + damping * sum
                change = max(change, abs(next[j] - scores[j]))
            }
            swap(&scores, &next)
            if change < tolerance { break }
        }
        return scores
    }
}
