import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input in chunks on a thread of its own, so that a slow pipe or a
/// terminal never blocks the tasks that send requests and write answers. At most `queued`
/// chunks are read ahead of the batch.
public final class FileInput: ChunkSource, @unchecked Sendable {
    private let stream: AsyncThrowingStream<[UInt8], any Error>
    private var iterator: AsyncThrowingStream<[UInt8], any Error>.Iterator
    private let credits: DispatchSemaphore
    private var started = false

    /// - Parameters:
    ///   - path: a file, or nil (or "-") for standard input.
    public init(path: String?, chunkBytes: Int = 1 << 18, queued: Int = 4) throws(CLIFailure) {
        let descriptor = try Self.openInput(path)
        let name = Self.name(path)
        // Created at 0 and raised: libdispatch traps when a semaphore is freed below its
        // initial value, which this one may be when the batch ends before the input does.
        let credits = DispatchSemaphore(value: 0)
        for _ in 0..<queued { credits.signal() }
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [UInt8].self)
        self.stream = stream
        self.iterator = stream.makeAsyncIterator()
        self.credits = credits
        let thread = Thread {
            defer { if descriptor != 0 { close(descriptor) } }
            while true {
                credits.wait()
                do throws(CLIFailure) {
                    let chunk = try Self.readChunk(descriptor, upTo: chunkBytes, name: name)
                    guard !chunk.isEmpty else {
                        continuation.finish()
                        return
                    }
                    continuation.yield(chunk)
                } catch {
                    continuation.finish(throwing: error)
                    return
                }
            }
        }
        thread.start()
    }

    public func nextChunk() async throws -> [UInt8]? {
        if started { credits.signal() }  // the previous chunk is used up: read one more ahead
        started = true
        return try await iterator.next()
    }

    /// The whole of a file or standard input, read on the calling thread.
    public static func readAll(path: String?) throws(CLIFailure) -> [UInt8] {
        let descriptor = try openInput(path)
        defer { if descriptor != 0 { close(descriptor) } }
        var bytes: [UInt8] = []
        while true {
            let chunk = try readChunk(descriptor, upTo: 1 << 20, name: name(path))
            if chunk.isEmpty { return bytes }
            bytes.append(contentsOf: chunk)
        }
    }

    /// Whether standard input is a terminal (then a person is typing, or forgot FILE).
    public static var standardInputIsTerminal: Bool { isatty(0) == 1 }

    private static func name(_ path: String?) -> String {
        path == nil || path == "-" ? "standard input" : path!
    }

    private static func openInput(_ path: String?) throws(CLIFailure) -> Int32 {
        guard let path, path != "-" else { return 0 }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CLIFailure(status: .usage, message: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw CLIFailure(status: .usage, message: "cannot read \(path): it is a directory")
        }
        return descriptor
    }

    private static func readChunk(_ descriptor: Int32, upTo count: Int, name: String) throws(CLIFailure) -> [UInt8] {
        while true {
            var chunk = [UInt8](repeating: 0, count: count)
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, count) }
            if got >= 0 {
                chunk.removeSubrange(got...)
                return chunk
            }
            let code = errno
            if code == EINTR || code == EAGAIN { continue }
            var message = "cannot read \(name): \(String(cString: strerror(code)))"
            if code == EIO && descriptor == 0 {
                message += " (a background job cannot read the terminal: give FILE, --text or redirect standard input)"
            }
            throw CLIFailure(status: .usage, message: message)
        }
    }
}
