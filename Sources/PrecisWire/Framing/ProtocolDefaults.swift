/// Protocol facts every side shares, written once.
public enum ProtocolDefaults {
    /// The port precisd listens on and clients call unless told otherwise (docs/PROTOCOL.md).
    public static let port = 7450
    /// The host the CLI and the load tool call by default.
    public static let host = "127.0.0.1"
    /// `host:port`, as the CLI's help says it.
    public static var address: String { "\(host):\(port)" }
}
