/// Bytes read from a connection and bytes the connection handler has consumed as preface and
/// frames. More read than consumed means a frame has started and not finished. Touched only on
/// the channel's event loop.
final class ConnectionByteCounts {
    var received = 0
    var consumed = 0

    var hasPartialFrame: Bool { received > consumed }

    /// The server is closing the connection itself: whatever was left unread is accounted for.
    func settle() { consumed = received }
}
