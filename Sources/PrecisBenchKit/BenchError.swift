/// The one error of the load tool: bad flags, unreadable input, or a run that could not start.
public struct BenchError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
