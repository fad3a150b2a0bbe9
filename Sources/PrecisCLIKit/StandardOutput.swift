import PrecisWire

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output lines to a file descriptor (standard output), buffered: written when 64 KB have
/// gathered, when the batch is about to wait and the last write is 50 ms old, and at the end.
public final class StandardOutput: LineSink, @unchecked Sendable {
    private var buffer: [UInt8] = []
    private let descriptor: Int32
    private var lastWrite = ContinuousClock.now
    /// The reader went away (EPIPE): further output is dropped.
    public private(set) var closed = false

    public init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 17)
    }

    public func write(_ line: String) {
        var line = line
        line.withUTF8 { buffer.append(contentsOf: $0) }
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flushIfIdle() {
        if !buffer.isEmpty && ContinuousClock.now - lastWrite > .milliseconds(50) { flush() }
    }

    public func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            lastWrite = .now
        }
        guard !closed else { return }
        if !writeAll(buffer, to: descriptor) { closed = true }
    }
}
