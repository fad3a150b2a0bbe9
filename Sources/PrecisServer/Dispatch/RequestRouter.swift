import NIOCore
import PrecisEngine
import PrecisWire

/// Turns one decoded request into its response: the only place where the wire and the engine
/// meet. Pure and synchronous; the connection handler decides on which thread it runs.
struct RequestRouter: Sendable {
    let engine: Engine
    let configuration: PrecisServer.Configuration
    let startedAt: NIODeadline
    let metrics: ServerMetrics
    /// The budget for log lines about rejected frames and failed requests, all connections.
    let rejections: RejectionLog
    /// The budget for warnings about load: requests refused RESOURCE_EXHAUSTED or past their
    /// deadline, connections over the limit. Its own bucket (a line a second after 10), so a
    /// flood of refusals neither fills the log nor silences the lines about bad frames.
    var overload = RejectionLog(perSecond: 1, burst: 10)
    /// Where the server is in its life and its readiness verdict, for the health operation (the
    /// server sets it; standing alone, the router is always serving).
    var health: @Sendable () -> (ServingPhase, HealthVerdict) = { (.serving, .ok("ready")) }
    /// `--access-log`, when given.
    var accessLog: AccessLog?

    /// What `info` lists: every operation this server answers (not the cancel control frame).
    static let operations = ServerMetrics.Operation.allCases.filter { $0 != .none }.map(\.label)

    /// Whether the request is cheap enough to answer on the event loop (no engine work).
    static func runsInline(_ operation: Request.Operation) -> Bool {
        switch operation {
        case .ping, .info, .health, .cancel: true
        case .parse, .summarize, .extract, .analyze: false
        }
    }

    /// The answer to `request`; engine work stops early when `interrupt` says so (its deadline passed, its
    /// connection closed, the server is shutting down) and the answer is then the matching error.
    func respond(to request: Request, interrupt: Interrupt = .none) -> Response {
        let started = NIODeadline.now()
        var response = Response(id: request.id, status: Status(code: .ok))
        do throws(WireError) {
            response.body = try body(for: request, interrupt: interrupt)
        } catch {
            response.status = Status(code: error.code, message: error.message)
        }
        response.serverMicros = UInt64((NIODeadline.now() - started).nanoseconds / 1000)
        return response
    }

    private func body(for request: Request, interrupt: Interrupt) throws(WireError) -> Response.Body {
        let work = Work(router: self, request: request, interrupt: interrupt)
        guard let operation = request.operation else {
            throw WireError(code: .invalidArgument, message: "request has no operation", requestID: request.id)
        }
        switch operation {
        case .ping(let ping):
            return .ping(PingResponse(payload: ping.payload))
        case .info:
            return .info(info())
        case .health:
            let (phase, verdict) = health()
            return .health(HealthResponse(phase: phase, verdict: verdict))
        case .cancel:
            // The connection handler takes cancels before they get here.
            throw WireError(code: .invalidArgument, message: "cancel is not an operation", requestID: request.id)
        case .parse(let parse):
            let document = try work.parsed(parse.document)
            return .parse(ParseResponse(document, includeTokens: parse.options?.includeTokens ?? false))
        case .summarize(let summarize):
            let document = try work.parsed(summarize.document)
            var response = try work.summary(of: document, summarize.options)
            if document.page != nil { response.text = document.text }
            return .summarize(response)
        case .extract(let extract):
            let document = try work.parsed(extract.document)
            var response = try work.extraction(of: document, extract.options)
            if document.page != nil { response.text = document.text }
            return .extract(response)
        case .analyze(let analyze):
            let document = try work.parsed(analyze.document)
            return .analyze(
                AnalyzeResponse(
                    parse: ParseResponse(document, includeTokens: analyze.parse?.includeTokens ?? false),
                    summary: try work.summary(of: document, analyze.summary),
                    extract: try work.extraction(of: document, analyze.extract)
                )
            )
        }
    }

    private func info() -> InfoResponse {
        let c = configuration
        func millis(_ t: TimeAmount) -> UInt32 { UInt32(clamping: t.nanoseconds / 1_000_000) }
        return InfoResponse(
            serverVersion: PrecisServer.version,
            protocolMajor: UInt32(Preface.current.major),
            protocolMinor: UInt32(Preface.current.minor),
            engineVersion: Engine.version,
            operations: Self.operations,
            limits: Limits(
                maxFrameBytes: UInt32(clamping: c.maxFrameBytes),
                maxInFlightPerConnection: UInt32(clamping: c.maxInFlightPerConnection),
                maxQueuedRequests: UInt32(clamping: c.maxQueuedRequests),
                maxConnections: UInt32(clamping: c.maxConnections),
                defaultTimeoutMs: millis(c.defaultTimeout),
                idleTimeoutMs: millis(c.idleTimeout),
                workers: UInt32(clamping: c.workers),
                frameTimeoutMs: millis(c.frameTimeout),
                shutdownGraceMs: millis(c.shutdownGrace)
            ),
            uptimeMs: UInt64((NIODeadline.now() - startedAt).nanoseconds / 1_000_000),
            extractKinds: ["entities", "dates", "quantities", "quotes", "keyphrases", "links"],
            summaryAlgorithms: ["default", "textrank", "lexrank", "lead"],
            connections: UInt32(clamping: metrics.connections),
            inFlight: UInt32(clamping: metrics.inFlight),
            queued: UInt32(clamping: metrics.queued),
            requestsTotal: metrics.requestsTotal,
            summaryModel: Engine.summaryModelVersion
        )
    }
}

extension RequestRouter {
    /// The frame carrying `response`. A response that cannot be encoded (a bug) becomes an
    /// INTERNAL error for the same request instead of a dropped answer.
    func frame(for response: Response, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 128)
        Self.writeFrame(for: response, into: &buffer)
        return buffer
    }

    /// Appends the frame carrying `response` to `buffer` (an INTERNAL error for the same
    /// request if it cannot be encoded).
    static func writeFrame(for response: Response, into buffer: inout ByteBuffer) {
        let mark = buffer.writerIndex
        do {
            try buffer.writeFrame(response)
        } catch {
            buffer.moveWriterIndex(to: mark)
            let failure = Response(id: response.id, status: Status(code: .internal, message: "could not encode the response: \(error.message)"))
            try? buffer.writeFrame(failure)
        }
    }
}
