import PrecisClient
import PrecisWire

/// `--jsonl`: reads JSON lines, sends one request per line (up to `concurrency` at once, fewer
/// while the server says it is full; each retried on RESOURCE_EXHAUSTED and UNAVAILABLE with
/// jittered backoff within its deadline), and
/// writes one output line per non-blank input line, in input order, starting with the input's
/// id: the result, or `{"id": ..., "error": {"code", "message"}}`. Blank lines are skipped.
///
/// Memory stays bounded: input is read in chunks, a line over `maxLineBytes` is answered with an
/// error without being kept, and no more than `maxBufferedAnswers` answers wait for an earlier
/// line's answer before they are written.
public struct JSONLBatch {
    public struct Configuration: Sendable, Hashable {
        /// Requests in flight at once.
        public var concurrency = 32
        /// The time each line gets, retries included.
        public var timeout: Duration = .seconds(30)
        /// Tries per line (the first included) for RESOURCE_EXHAUSTED and UNAVAILABLE; the
        /// deadline (`timeout`) usually ends the retries first.
        public var maxAttempts = 20
        /// Tries per line when no connection can be opened at all (the server is down): fail fast.
        public var maxConnectAttempts = 3
        /// The first retry waits about this long; each later one twice as long, up to `maxBackoff`.
        public var firstBackoff: Duration = .milliseconds(25)
        public var maxBackoff: Duration = .seconds(1)
        /// Longer lines are answered with an error (and not kept in memory).
        public var maxLineBytes = 64 << 20
        public var maxBufferedAnswers = 4096

        public init() {}
    }

    /// What the batch did, for the summary on standard error and the exit status.
    public struct Summary: Sendable, Hashable {
        /// Non-blank lines read, and answered so far.
        public var lines = 0
        public var answered = 0
        public var failed = 0
        /// Lines that needed more than one try (whether they then succeeded or not).
        public var retried = 0
        /// Failures by status name, e.g. "INVALID_ARGUMENT".
        public var failures: [String: Int] = [:]
        /// Failures by where they came from (the first one decides the exit status when every
        /// failure had that origin).
        public var origins: [PrecisError.Origin: Int] = [:]
        /// No line could reach the server: the rest were failed without trying.
        public var unreachable = false
        public var succeeded: Int { lines - failed }
    }

    /// Sends one request with the given timeout.
    public typealias Call = @Sendable (Request.Operation, Duration) async -> Result<Response, PrecisError>
    /// One answered line: the result's JSON members (without braces), or the error.
    public typealias Render = (Response) -> String

    public let configuration: Configuration
    let makeOperation: (JSONLRecord) -> Result<Request.Operation, CLIFailure>
    let render: Render
    let call: Call

    /// - Parameters:
    ///   - makeOperation: the request for a line's record, or why there is none.
    ///   - render: the JSON members of an answer's result, without the braces (`"a":1,"b":2`).
    ///   - call: sends one request with the given timeout.
    public init(
        configuration: Configuration,
        makeOperation: @escaping (JSONLRecord) -> Result<Request.Operation, CLIFailure>,
        render: @escaping Render,
        call: @escaping Call
    ) {
        self.configuration = configuration
        self.makeOperation = makeOperation
        self.render = render
        self.call = call
    }

    /// Runs the batch over `input`'s chunks, writing answers to `output` as they are ready, in
    /// order; `progress` is told after each answer.
    public func run(
        input: some ChunkSource,
        output: some LineSink,
        progress: ((Summary) -> Void)? = nil
    ) async throws(CLIFailure) -> Summary {
        var state = BatchState(configuration: configuration)
        var splitter = LineSplitter(maxLineBytes: configuration.maxLineBytes)
        let reachability = Reachability()
        let congestion = Congestion(limit: configuration.concurrency)
        await withTaskGroup(of: Completion.self) { group in
            var pending: [Item] = []
            /// Waits for answers while `inFlight` is at `limit` (or the congestion window, when
            /// smaller) or too many answers wait.
            func waitForRoom(below limit: Int) async {
                while state.inFlight >= min(limit, congestion.limit) || state.buffered >= configuration.maxBufferedAnswers {
                    output.flushIfIdle()
                    guard let completion = await group.next() else { return }
                    state.complete(completion, wasInFlight: true, render: render, output: output)
                    progress?(state.summary)
                }
            }
            func startPending() async {
                for item in pending {
                    await waitForRoom(below: configuration.concurrency)
                    switch item.work {
                    case .answer(let problem):
                        let completion = Completion(sequence: item.sequence, id: item.id, result: .failure(problem), attempts: 1)
                        state.complete(completion, wasInFlight: false, render: render, output: output)
                    case .request(let operation):
                        state.inFlight += 1
                        let attempt = Attempt(configuration: configuration, call: call, reachability: reachability, congestion: congestion)
                        let sequence = item.sequence
                        let id = item.id
                        group.addTask {
                            let outcome = await attempt.run(operation)
                            return Completion(sequence: sequence, id: id, result: outcome.result, attempts: outcome.attempts)
                        }
                    }
                }
                pending.removeAll(keepingCapacity: true)
            }
            let makeOperation = self.makeOperation
            do {
                while let chunk = try await input.nextChunk() {
                    chunk.withUnsafeBufferPointer { bytes in
                        splitter.feed(bytes) { number, line in
                            if let item = state.item(for: line, number: number, makeOperation: makeOperation) { pending.append(item) }
                        }
                    }
                    await startPending()
                }
                splitter.finish { number, line in
                    if let item = state.item(for: line, number: number, makeOperation: makeOperation) { pending.append(item) }
                }
                await startPending()
            } catch {
                state.readFailure = error
            }
            await waitForRoom(below: 1)
        }
        state.summary.unreachable = reachability.isUnreachable
        output.flush()
        if let failure = state.readFailure {
            throw CLIFailure(status: .usage, message: "\(failure) (after \(state.summary.lines) lines)")
        }
        return state.summary
    }

    /// One line's work, in input order.
    struct Item {
        enum Work {
            case request(Request.Operation)
            case answer(PrecisError)
        }
        var sequence: Int
        var id: String
        var work: Work
    }

    /// A finished line. (A struct, not a tuple: see Tests/PrecisCLITests/ReleaseMiscompileTests.swift.)
    struct Completion: Sendable {
        var sequence: Int
        var id: String
        var result: Result<Response, PrecisError>
        var attempts: Int
    }
}
