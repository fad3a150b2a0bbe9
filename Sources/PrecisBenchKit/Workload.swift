import PrecisWire

/// The requests of a run, built once: request `i` is the mix's operation `i` on a document
/// that changes after each full cycle of the mix, so every operation meets every document.
public struct Workload: Sendable {
    public let mix: OperationMix
    public let documentCount: Int
    public let payloadBytes: Int
    private let operations: [BenchOperation: [Request.Operation]]

    /// - Parameters:
    ///   - documents: texts for the document operations (may be empty for a ping-only mix).
    ///   - payloadBytes: size of the ping payload.
    public init(mix: OperationMix, documents: [String], payloadBytes: Int) throws(BenchError) {
        if mix.needsDocuments && documents.isEmpty {
            throw BenchError("--op \(mix) sends documents: give them with --input FILE, DIR or JSONL")
        }
        self.mix = mix
        self.documentCount = documents.count
        self.payloadBytes = payloadBytes
        // A payload a person can recognise in a capture, not zeros.
        let payload = (0..<payloadBytes).map { UInt8(truncatingIfNeeded: 0x61 + $0 % 26) }
        var operations: [BenchOperation: [Request.Operation]] = [:]
        for (operation, _) in mix.weights {
            if operation == .ping {
                operations[.ping] = [.ping(PingRequest(payload: payload))]
                continue
            }
            operations[operation] = documents.map { text in
                let document = Document(text: text)
                switch operation {
                case .ping: return .ping(PingRequest(payload: payload))
                case .parse: return .parse(ParseRequest(document: document))
                case .summarize: return .summarize(SummarizeRequest(document: document))
                case .extract: return .extract(ExtractRequest(document: document))
                case .analyze: return .analyze(AnalyzeRequest(document: document))
                }
            }
        }
        self.operations = operations
    }

    /// The request of number `index` (0-based).
    public func request(at index: Int) -> Request.Operation {
        let candidates = operations[mix.operation(at: index)]!
        return candidates[(index / mix.cycle.count) % candidates.count]
    }
}
