extension KeyphraseExtractor {
    /// PositionRank over stems: content words within ``Configuration/window`` words of each other in a sentence
    /// are linked (weighted by how often), and the random walk restarts at words in proportion to the sum of
    /// 1 / position of their occurrences, so words of the title and lead weigh more.
    func rank(_ scan: Scan) -> [Double] {
        let count = scan.stemCount
        var bias = [Double](repeating: 0, count: count)
        var pairs: [UInt64] = []
        let occurrences = scan.occurrences
        let content = occurrences.indices.map { !scan.isStop($0) }
        for index in occurrences.indices where content[index] {
            let stem = scan.stem(index)
            bias[stem] += 1 / Double(index + 1)
            var next = index + 1
            while next < occurrences.count, next - index < configuration.window,
                occurrences[next].sentence == occurrences[index].sentence
            {
                if content[next] {
                    let other = scan.stem(next)
                    if other != stem {
                        let key = UInt64(min(stem, other)) << 32 | UInt64(max(stem, other))
                        pairs.append(key)
                    }
                }
                next += 1
            }
        }
        let total = bias.reduce(0, +)
        guard total > 0 else { return bias }
        for index in bias.indices { bias[index] /= total }

        // Edges in compressed rows: the neighbours of node n are targets[offsets[n]..<offsets[n + 1]].
        pairs.sort()
        var edges: [(Int, Int, Double)] = []
        var start = 0
        while start < pairs.count {
            let key = pairs[start]
            var end = start + 1
            while end < pairs.count, pairs[end] == key { end += 1 }
            edges.append((Int(key >> 32), Int(key & 0xFFFF_FFFF), Double(end - start)))
            start = end
        }
        var offsets = [Int](repeating: 0, count: count + 1)
        for (a, b, _) in edges {
            offsets[a + 1] += 1
            offsets[b + 1] += 1
        }
        for node in 0..<count { offsets[node + 1] += offsets[node] }
        var fill = offsets
        var targets = [Int](repeating: 0, count: edges.count * 2)
        var weights = [Double](repeating: 0, count: edges.count * 2)
        var strength = [Double](repeating: 0, count: count)
        for (a, b, weight) in edges {
            targets[fill[a]] = b
            weights[fill[a]] = weight
            fill[a] += 1
            targets[fill[b]] = a
            weights[fill[b]] = weight
            fill[b] += 1
            strength[a] += weight
            strength[b] += weight
        }
        let damping = configuration.damping
        var score = bias
        var next = [Double](repeating: 0, count: count)
        for _ in 0..<configuration.iterations {
            var dangling = 0.0
            for node in 0..<count where strength[node] == 0 { dangling += score[node] }
            for node in 0..<count { next[node] = (1 - damping + damping * dangling) * bias[node] }
            for node in 0..<count where strength[node] > 0 {
                let share = damping * score[node] / strength[node]
                for edge in offsets[node]..<offsets[node + 1] { next[targets[edge]] += share * weights[edge] }
            }
            var change = 0.0
            for node in 0..<count { change += abs(next[node] - score[node]) }
            swap(&score, &next)
            if change < configuration.tolerance { break }
        }
        return score
    }
}
