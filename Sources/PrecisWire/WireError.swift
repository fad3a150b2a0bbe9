/// The one error of PrecisWire: a status code for the peer, a message for people, and the id of
/// the request it concerns when that could be read (0 otherwise).
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: StatusCode
    public var message: String
    public var requestID: UInt64

    public init(code: StatusCode, message: String, requestID: UInt64 = 0) {
        self.code = code
        self.message = message
        self.requestID = requestID
    }

    public var description: String {
        "\(code.protoName ?? "\(code.rawValue)"): \(message)"
    }

    public static func invalidArgument(_ message: String, requestID: UInt64 = 0) -> WireError {
        WireError(code: .invalidArgument, message: message, requestID: requestID)
    }
}
