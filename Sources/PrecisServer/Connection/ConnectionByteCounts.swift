/// Bytes read from a connection and bytes the connection handler has consumed as preface and
/// frames (the difference is logged when a connection stops mid-frame). Touched only on the
/// channel's event loop.
final class ConnectionByteCounts {
    var received = 0
    var consumed = 0

    /// The server is closing the connection itself: whatever was left unread is accounted for.
    func settle() { consumed = received }
}
