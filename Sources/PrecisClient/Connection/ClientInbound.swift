import PrecisWire

/// What the client makes of each thing the server sends, decided apart from the handler that
/// acts on it: pure, so that it is tested and fuzzed (`make fuzz`, fuzz-client) on its own.
/// A broken or hostile server can make it fail the connection, never trap.
package struct ClientInbound {
    package enum Action: Equatable {
        /// Nothing to do (a compatible preface, an OK connection-level message).
        case none
        /// The answer to call `id`; its status may be an error.
        case answer(id: UInt64, Response)
        /// The server is going away: answer what was sent, send nothing more.
        case goAway
        /// The connection cannot go on: every pending call fails with this.
        case fatal(PrecisError)
    }

    /// The server's preface has arrived: a Precis server is at the other end.
    package private(set) var sawPreface = false

    package init() {}

    package mutating func receive(_ frame: InboundFrame) -> Action {
        switch frame {
        case .preface(let preface):
            sawPreface = true
            guard preface.isCompatible(with: .current) else {
                return .fatal(PrecisError(
                    code: .failedPrecondition,
                    message: "the server speaks protocol \(preface), this client \(Preface.current)",
                    origin: .notPrecis
                ))
            }
            return .none
        case .invalidPreface:
            return .fatal(PrecisError(
                code: .unavailable,
                message: "the peer is not a Precis server (it answered with something other than the Precis preface)",
                origin: .notPrecis
            ))
        case .oversizedFrame(let length, let limit):
            return .fatal(PrecisError(
                code: .resourceExhausted,
                message: "response frame of \(length) bytes exceeds the client limit of \(limit)"
            ))
        case .frame(let payload):
            let response: Response
            do {
                response = try Response(decoding: payload)
            } catch {
                return .fatal(PrecisError(
                    code: .internal,
                    message: "undecodable response from the server: \(error.message)",
                    origin: .notPrecis
                ))
            }
            if response.id != 0 { return .answer(id: response.id, response) }
            return connectionLevel(response)
        }
    }

    /// A message with id 0 is about the connection: a going-away notice, or a refusal.
    private func connectionLevel(_ response: Response) -> Action {
        if case .goAway? = response.body { return .goAway }
        guard let status = response.status, status.code != .ok else { return .none }
        // Anything else is about the whole connection: a refusal (connection limit, version),
        // an oversized frame, or a frame of ours the server could not read and so could not
        // match to a call. None of the calls in flight can be trusted to get an answer.
        return .fatal(PrecisError(status))
    }
}
