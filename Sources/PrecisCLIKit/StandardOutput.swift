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
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let wrote = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if wrote > 0 {
                    offset += wrote
                } else if wrote < 0 && errno == EINTR {
                    continue
                } else {
                    closed = true
                    return
                }
            }
        }
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
