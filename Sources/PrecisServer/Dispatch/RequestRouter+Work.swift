import NIOCore
import PrecisEngine
import PrecisWire

extension RequestRouter {
    /// The engine calls of one document request, with the interrupt that can stop them, and what each engine
    /// error becomes on the wire.
    struct Work {
        let router: RequestRouter
        let request: Request
        let interrupt: Interrupt

        func parsed(_ document: PrecisWire.Document?) throws(WireError) -> ParsedDocument {
            guard let document else { throw .invalidArgument("request has no document") }
            let format: DocumentFormat
            switch document.format {
            case .auto: format = .auto
            case .text: format = .text
            case .markdown: format = .markdown
            case .html: format = .html
            case .unrecognized(let value):
                throw .invalidArgument("unknown document format \(value)")
            }
            do {
                return try router.engine.parse(document.text, format: format, interrupt: interrupt)
            } catch {
                throw wireError(error)
            }
        }

        func summary(of document: ParsedDocument, _ options: PrecisWire.SummaryOptions?) throws(WireError)
            -> SummarizeResponse
        {
            let engineOptions = try PrecisEngine.SummaryOptions(wire: options ?? PrecisWire.SummaryOptions())
            do {
                return SummarizeResponse(try router.engine.summarize(document, options: engineOptions, interrupt: interrupt))
            } catch {
                throw wireError(error)
            }
        }

        func extraction(of document: ParsedDocument, _ options: PrecisWire.ExtractOptions?) throws(WireError)
            -> ExtractResponse
        {
            let engineOptions = try PrecisEngine.ExtractOptions(wire: options ?? PrecisWire.ExtractOptions())
            do {
                return ExtractResponse(try router.engine.extract(document, options: engineOptions, interrupt: interrupt))
            } catch {
                throw wireError(error)
            }
        }

        /// Bad input is INVALID_ARGUMENT; work stopped at its deadline is DEADLINE_EXCEEDED (the same answer
        /// the connection's deadline timer gives), stopped because its caller went away CANCELLED, stopped by
        /// a shutdown UNAVAILABLE.
        func wireError(_ error: EngineError) -> WireError {
            switch error.interruption {
            case nil:
                return .invalidArgument(error.message)
            case .deadline:
                let timeout = request.timeoutMs > 0 ? .milliseconds(Int64(request.timeoutMs)) : router.configuration.defaultTimeout
                return WireError(
                    code: .deadlineExceeded,
                    message: "deadline of \(timeout.nanoseconds / 1_000_000) ms exceeded",
                    requestID: request.id
                )
            case .cancelled:
                return WireError(code: .cancelled, message: "request cancelled", requestID: request.id)
            case .shutdown:
                return WireError(code: .unavailable, message: "server is shutting down", requestID: request.id)
            }
        }
    }
}
