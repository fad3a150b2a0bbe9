import Foundation
import PrecisCLIKit
import PrecisClient
import PrecisWire
import Synchronization

/// Input chunks from memory, cut at a fixed size (so lines and CRLFs straddle chunks).
final class MemoryInput: ChunkSource, @unchecked Sendable {
    private var chunks: [[UInt8]]

    init(_ bytes: [UInt8], chunkBytes: Int) {
        chunks = stride(from: 0, to: bytes.count, by: max(1, chunkBytes)).map {
            Array(bytes[$0..<min($0 + max(1, chunkBytes), bytes.count)])
        }.reversed()
    }

    func nextChunk() async throws -> [UInt8]? { chunks.popLast() }
}

/// Output lines kept in memory.
final class MemoryOutput: LineSink, @unchecked Sendable {
    private(set) var lines: [String] = []
    func write(_ line: String) { lines.append(line) }
    func flushIfIdle() {}
    func flush() {}
}

/// A pretend server: echoes the text's length, fails texts containing FAIL, answers
/// RESOURCE_EXHAUSTED to the first try of texts containing BUSY.
final class FakeServer: Sendable {
    private let busySeen = Mutex<Set<String>>([])
    let calls = Atomic<Int>(0)

    func call(_ operation: Request.Operation, _ timeout: Duration) async -> Result<Response, PrecisError> {
        calls.add(1, ordering: .relaxed)
        guard case .summarize(let request) = operation, let text = request.document?.text else {
            return .failure(PrecisError(code: .internal, message: "unexpected request", origin: .server))
        }
        if text.contains("FAIL") { return .failure(PrecisError(code: .invalidArgument, message: "failed on purpose", origin: .server)) }
        if text.contains("BUSY"), busySeen.withLock({ $0.insert(text).inserted }) {
            return .failure(PrecisError(code: .resourceExhausted, message: "queue full", origin: .server))
        }
        await Task.yield()
        return .success(Response(body: .summarize(SummarizeResponse(candidateSentences: UInt32(text.utf8.count)))))
    }
}

func makeBatch(_ server: FakeServer, concurrency: Int = 8) -> JSONLBatch {
    var configuration = JSONLBatch.Configuration()
    configuration.concurrency = concurrency
    configuration.firstBackoff = .milliseconds(1)
    configuration.maxLineBytes = 8 << 20
    return makeBatch(configuration, render: { response in
        guard case .summarize(let summary)? = response.body else { return "" }
        return "\"n\":\(summary.candidateSentences)"
    }) { await server.call($0, $1) }
}

/// A batch that summarizes each line's text through `call`.
func makeBatch(
    _ configuration: JSONLBatch.Configuration,
    render: @escaping JSONLBatch.Render = { _ in "" },
    call: @escaping JSONLBatch.Call
) -> JSONLBatch {
    JSONLBatch(
        configuration: configuration,
        makeOperation: { .success(.summarize(SummarizeRequest(document: Document(text: $0.text)))) },
        render: render,
        call: call
    )
}

/// A pretend server with room for `capacity` requests at once; more are refused with
/// RESOURCE_EXHAUSTED, as precisd's queue does when full.
final class SmallQueueServer: Sendable {
    let capacity: Int
    private let running = Atomic<Int>(0)
    let refusals = Atomic<Int>(0)

    init(capacity: Int) { self.capacity = capacity }

    func call(_ operation: Request.Operation, _ timeout: Duration) async -> Result<Response, PrecisError> {
        let now = running.add(1, ordering: .relaxed).newValue
        defer { running.subtract(1, ordering: .relaxed) }
        if now > capacity {
            refusals.add(1, ordering: .relaxed)
            return .failure(PrecisError(code: .resourceExhausted, message: "queue full", origin: .server))
        }
        try? await Task.sleep(for: .milliseconds(2))
        return .success(Response(body: .summarize(SummarizeResponse())))
    }
}
