import PrecisWire

/// The one error of PrecisClient: the status the server (or the client itself) gave, where it
/// came from, and a message for people.
///
/// Codes the client produces itself: UNAVAILABLE (cannot connect, connection lost, server going
/// away, a peer that is not a Precis server), DEADLINE_EXCEEDED (the call's timeout passed),
/// CANCELLED (the calling task was cancelled), INVALID_ARGUMENT (a request that cannot be encoded,
/// such as a NUL in a string), RESOURCE_EXHAUSTED (a request or response over the frame limit).
public struct PrecisError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: StatusCode
    public var message: String
    /// Who decided the call failed, and how: the server's answer, or the client because of the
    /// connection or the clock.
    public var origin: Origin

    /// Where a failure came from. A struct over a private enum, so that more can be added.
    public struct Origin: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Hashable { case server, cannotConnect, connectionLost, notPrecis, timeout, client }
        private let base: Base

        /// The server answered the call with this status.
        public static let server = Origin(base: .server)
        /// No connection could be opened: nothing listens there, or it cannot be reached.
        public static let cannotConnect = Origin(base: .cannotConnect)
        /// The connection closed (or failed) before the answer came: the server stopped, or a
        /// load balancer in front of it had no backend to pass the connection to.
        public static let connectionLost = Origin(base: .connectionLost)
        /// The peer does not speak this protocol (another service on that port, or another
        /// protocol version).
        public static let notPrecis = Origin(base: .notPrecis)
        /// No answer within the call's timeout.
        public static let timeout = Origin(base: .timeout)
        /// The client refused the call itself (cancelled, cannot be encoded, over a limit).
        public static let client = Origin(base: .client)

        public var description: String {
            switch base {
            case .server: "server"
            case .cannotConnect: "cannot connect"
            case .connectionLost: "connection lost"
            case .notPrecis: "not a Precis server"
            case .timeout: "timeout"
            case .client: "client"
            }
        }
    }

    /// True when no connection to the server could be opened (code UNAVAILABLE): the server is
    /// not running there, or not reachable.
    public var isConnectFailure: Bool { origin == .cannotConnect }

    public init(code: StatusCode, message: String, origin: Origin = .client) {
        self.code = code
        self.message = message
        self.origin = origin
    }

    @available(*, deprecated, message: "give the origin: init(code:message:origin:)")
    public init(code: StatusCode, message: String, isConnectFailure: Bool) {
        self.init(code: code, message: message, origin: isConnectFailure ? .cannotConnect : .client)
    }

    init(_ status: Status) {
        self.init(code: status.code, message: status.message, origin: .server)
    }

    public var description: String {
        "\(code.protoName ?? "status \(code.rawValue)"): \(message)"
    }
}
