import NIOCore
import PrecisWire

/// The answer to one call of a batch, and when it arrived.
public struct BatchAnswer: Sendable {
    public var result: Result<Response, PrecisError>
    /// When the answer (or the failure) reached the client, on the monotonic clock: a load
    /// tool measures each call's latency from it, not from the end of the whole batch.
    public var receivedAt: NIODeadline

    public init(result: Result<Response, PrecisError>, receivedAt: NIODeadline) {
        self.result = result
        self.receivedAt = receivedAt
    }
}

/// Who waits for a call's answer: one task, or a batch that resumes its task when the last of
/// its calls is answered. Completed exactly once, on the connection's event loop.
enum CallWaiter {
    case single(UnsafeContinuation<Result<Response, PrecisError>, Never>)
    case batch(BatchCollector, index: Int)

    func complete(_ result: Result<Response, PrecisError>) {
        switch self {
        case .single(let continuation):
            continuation.resume(returning: result)
        case .batch(let collector, let index):
            collector.complete(index, result)
        }
    }
}

/// The answers of one batch as they come in. Built by the calling task, then handed to the
/// connection's event loop and touched only there.
final class BatchCollector: @unchecked Sendable {
    private var answers: [BatchAnswer]
    private var remaining: Int
    private let continuation: UnsafeContinuation<[BatchAnswer], Never>

    init(count: Int, continuation: UnsafeContinuation<[BatchAnswer], Never>) {
        let placeholder = BatchAnswer(result: .failure(PrecisError(code: .internal, message: "no answer")), receivedAt: .uptimeNanoseconds(0))
        answers = Array(repeating: placeholder, count: count)
        remaining = count
        self.continuation = continuation
        if count == 0 { continuation.resume(returning: []) }
    }

    func complete(_ index: Int, _ result: Result<Response, PrecisError>) {
        answers[index] = BatchAnswer(result: result, receivedAt: .now())
        remaining -= 1
        if remaining == 0 {
            let answers = self.answers
            self.answers = []
            continuation.resume(returning: answers)
        }
    }
}

/// Calls on their way to the handler: their frames already encoded (off the event loop), one
/// buffer for all of them, and who waits for their answers.
struct OutboundCalls: Sendable {
    enum Waiters: Sendable {
        case single(UnsafeContinuation<Result<Response, PrecisError>, Never>)
        case batch(BatchCollector)
    }

    var ids: [UInt64]
    var frames: ByteBuffer
    var timeout: TimeAmount?
    var waiters: Waiters

    /// The waiter of call `index` of `ids`.
    func waiter(_ index: Int) -> CallWaiter {
        switch waiters {
        case .single(let continuation): .single(continuation)
        case .batch(let collector): .batch(collector, index: index)
        }
    }

    /// Every call fails with `error`.
    func fail(_ error: PrecisError) {
        for index in ids.indices { waiter(index).complete(.failure(error)) }
    }
}
