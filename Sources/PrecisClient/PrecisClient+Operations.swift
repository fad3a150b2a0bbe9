import NIOCore
import PrecisWire

extension PrecisClient {
    /// Echoes `payload`; the round trip a health check or a latency probe wants.
    public func ping(_ payload: [UInt8] = [], timeout: TimeAmount? = nil) async throws(PrecisError) -> [UInt8] {
        let response = try await call(.ping(PingRequest(payload: payload)), timeout: timeout)
        guard case .ping(let pong)? = response.body else { throw Self.unexpected(response, "ping") }
        return pong.payload
    }

    /// The server's versions, limits and capabilities.
    public func info(timeout: TimeAmount? = nil) async throws(PrecisError) -> InfoResponse {
        let response = try await call(.info(InfoRequest()), timeout: timeout)
        guard case .info(let info)? = response.body else { throw Self.unexpected(response, "info") }
        return info
    }

    /// Whether the server takes new work (SERVING), is shutting down (DRAINING) or is starting
    /// or overloaded (NOT_SERVING), with the reason; answered on its I/O thread, like ping.
    public func health(timeout: TimeAmount? = nil) async throws(PrecisError) -> HealthResponse {
        let response = try await call(.health(HealthRequest()), timeout: timeout)
        guard case .health(let health)? = response.body else { throw Self.unexpected(response, "health") }
        return health
    }

    /// The structure of `document`: title, byline, paragraphs, sentences, tokens (on request).
    public func parse(
        _ document: Document,
        options: ParseOptions = ParseOptions(),
        timeout: TimeAmount? = nil
    ) async throws(PrecisError) -> ParseResponse {
        let response = try await call(.parse(ParseRequest(document: document, options: options)), timeout: timeout)
        guard case .parse(let result)? = response.body else { throw Self.unexpected(response, "parse") }
        return result
    }

    /// An extractive summary of `document`'s body.
    public func summarize(
        _ document: Document,
        options: SummaryOptions = SummaryOptions(),
        timeout: TimeAmount? = nil
    ) async throws(PrecisError) -> SummarizeResponse {
        let response = try await call(.summarize(SummarizeRequest(document: document, options: options)), timeout: timeout)
        guard case .summarize(let result)? = response.body else { throw Self.unexpected(response, "summarize") }
        return result
    }

    /// Entities, dates, quantities, quotes, keyphrases and links in `document`.
    public func extract(
        _ document: Document,
        options: ExtractOptions = ExtractOptions(),
        timeout: TimeAmount? = nil
    ) async throws(PrecisError) -> ExtractResponse {
        let response = try await call(.extract(ExtractRequest(document: document, options: options)), timeout: timeout)
        guard case .extract(let result)? = response.body else { throw Self.unexpected(response, "extract") }
        return result
    }

    /// Parse, summarize and extract in one round trip.
    public func analyze(
        _ document: Document,
        parse: ParseOptions = ParseOptions(),
        summary: SummaryOptions = SummaryOptions(),
        extract: ExtractOptions = ExtractOptions(),
        timeout: TimeAmount? = nil
    ) async throws(PrecisError) -> AnalyzeResponse {
        let request = AnalyzeRequest(document: document, parse: parse, summary: summary, extract: extract)
        let response = try await call(.analyze(request), timeout: timeout)
        guard case .analyze(let result)? = response.body else { throw Self.unexpected(response, "analyze") }
        return result
    }

    private static func unexpected(_ response: Response, _ operation: String) -> PrecisError {
        PrecisError(code: .internal, message: "the server answered \(operation) with a different kind of response")
    }
}

extension Document {
    /// A plain-text document.
    public init(_ text: String) {
        self.init(text: text)
    }
}
