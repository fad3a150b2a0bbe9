/// One kind of request the bench sends.
public enum BenchOperation: String, Sendable, Hashable, CaseIterable {
    case ping, parse, summarize, extract, analyze

    /// Whether the request carries a document (and so needs `--input`).
    public var needsDocument: Bool { self != .ping }
}

/// The operations to send and how often each, as `--op` gives them: one name (`summarize`),
/// `mix` (every operation, equal weights), or `mix=ping:1,summarize:3` (weights are positive
/// integers; a name without `:w` weighs 1).
///
/// The choice is deterministic: request `i` gets the operation at `i % totalWeight` in a cycle
/// that interleaves the operations (smooth weighted round-robin), so any `totalWeight`
/// consecutive requests hold each operation exactly its weight times.
public struct OperationMix: Sendable, Hashable, CustomStringConvertible {
    public let weights: [(operation: BenchOperation, weight: Int)]
    /// One full cycle of the mix.
    let cycle: [BenchOperation]
    /// The same cycle as positions in `weights`.
    let cycleIndices: [Int]

    public init(_ weights: [(operation: BenchOperation, weight: Int)]) throws(BenchError) {
        guard !weights.isEmpty else { throw BenchError("the operation mix is empty") }
        var seen: Set<BenchOperation> = []
        for (operation, weight) in weights {
            guard weight > 0 else { throw BenchError("the weight of \(operation.rawValue) must be a positive integer") }
            guard seen.insert(operation).inserted else { throw BenchError("\(operation.rawValue) appears twice in the mix") }
        }
        let total = weights.reduce(0) { $0 + $1.weight }
        guard total <= 10_000 else { throw BenchError("the weights of the mix add up to \(total); keep them under 10000") }
        self.weights = weights
        // Smooth weighted round-robin (as nginx balances upstreams): each step every operation
        // gains its weight, the one with the most credit is picked and pays the total.
        var credit = [Int](repeating: 0, count: weights.count)
        var cycle: [BenchOperation] = []
        cycle.reserveCapacity(total)
        var cycleIndices: [Int] = []
        cycleIndices.reserveCapacity(total)
        for _ in 0..<total {
            for index in weights.indices { credit[index] += weights[index].weight }
            let best = credit.indices.max { credit[$0] < credit[$1] || (credit[$0] == credit[$1] && $0 > $1) }!
            credit[best] -= total
            cycle.append(weights[best].operation)
            cycleIndices.append(best)
        }
        self.cycle = cycle
        self.cycleIndices = cycleIndices
    }

    /// Parses the value of `--op`.
    public init(parsing text: String) throws(BenchError) {
        if let single = BenchOperation(rawValue: text) {
            try self.init([(single, 1)])
            return
        }
        if text == "mix" {
            try self.init(BenchOperation.allCases.map { ($0, 1) })
            return
        }
        guard text.hasPrefix("mix=") else {
            throw BenchError("--op must be ping, parse, summarize, extract, analyze, mix or mix=OP:WEIGHT,..., got \"\(text)\"")
        }
        var weights: [(operation: BenchOperation, weight: Int)] = []
        for part in text.dropFirst(4).split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(pieces.count), let operation = BenchOperation(rawValue: String(pieces[0])) else {
                throw BenchError("unknown operation \"\(part)\" in --op (use ping, parse, summarize, extract, analyze)")
            }
            var weight = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else {
                    throw BenchError("the weight in \"\(part)\" must be a positive integer")
                }
                weight = parsed
            }
            weights.append((operation, weight))
        }
        try self.init(weights)
    }

    /// The operation of request number `index` (0-based).
    public func operation(at index: Int) -> BenchOperation {
        cycle[index % cycle.count]
    }

    /// The position in `weights` of the operation of request number `index`.
    @inline(__always)
    public func operationIndex(at index: Int) -> Int {
        cycleIndices[index % cycleIndices.count]
    }

    public var needsDocuments: Bool { weights.contains { $0.operation.needsDocument } }

    public var description: String {
        if weights.count == 1 { return weights[0].operation.rawValue }
        return "mix=" + weights.map { "\($0.operation.rawValue):\($0.weight)" }.joined(separator: ",")
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
