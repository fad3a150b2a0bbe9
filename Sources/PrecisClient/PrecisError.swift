import PrecisWire

/// The one error of PrecisClient: the status the server (or the client itself) gave, and a
/// message for people.
///
/// Codes the client produces itself: UNAVAILABLE (cannot connect, connection lost, server going
/// away), DEADLINE_EXCEEDED (the call's timeout passed), CANCELLED (the calling task was
/// cancelled), INVALID_ARGUMENT (a request that cannot be encoded, such as a NUL in a string),
/// RESOURCE_EXHAUSTED (a response over the client's frame limit).
public struct PrecisError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: StatusCode
    public var message: String
    /// True when no connection to the server could be opened (code UNAVAILABLE): the server is
    /// not running there, or not reachable.
    public var isConnectFailure: Bool

    public init(code: StatusCode, message: String, isConnectFailure: Bool = false) {
        self.code = code
        self.message = message
        self.isConnectFailure = isConnectFailure
    }

    init(_ status: Status) {
        self.init(code: status.code, message: status.message)
    }

    public var description: String {
        "\(code.protoName ?? "status \(code.rawValue)"): \(message)"
    }
}
