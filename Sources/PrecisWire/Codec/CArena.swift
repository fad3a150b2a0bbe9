import CPrecisProto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns every C struct, array and string built to encode one message, and frees them all at
/// once in `deinit`, so that an error half-way through leaks nothing. A bump allocator: a message
/// with thousands of tokens costs a handful of `malloc` calls, not thousands.
final class CArena {
    private var chunks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer?
    private var remaining = 0
    private var nextChunkSize = 4096

    init() {}

    deinit {
        for chunk in chunks { free(chunk) }
    }

    private func allocateRaw(byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        if let cursor {
            let padding = (alignment - Int(bitPattern: cursor) % alignment) % alignment
            if padding + byteCount <= remaining {
                let p = cursor + padding
                self.cursor = p + byteCount
                remaining -= padding + byteCount
                return p
            }
        }
        let size = max(nextChunkSize, byteCount + alignment)
        nextChunkSize = min(nextChunkSize * 2, 1 << 20)
        guard let chunk = malloc(size) else { fatalError("out of memory allocating \(size) bytes") }
        chunks.append(chunk)
        // malloc aligns to 16 bytes, which covers every C type in the generated structs.
        cursor = chunk + byteCount
        remaining = size - byteCount
        return chunk
    }

    /// Uninitialised room for `count` values of `T`; the generated code initialises each one.
    func allocate<T>(_ type: T.Type, count: Int = 1) -> UnsafeMutablePointer<T> {
        let raw = allocateRaw(byteCount: MemoryLayout<T>.stride * max(count, 1), alignment: MemoryLayout<T>.alignment)
        return raw.bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// A NUL-terminated copy of `string`; a string with an embedded NUL cannot travel through
    /// protobuf-c (it would be cut short) and is rejected.
    func string(_ string: String) throws(WireError) -> UnsafeMutablePointer<CChar> {
        var string = string
        let result: Result<UnsafeMutablePointer<CChar>, WireError> = string.withUTF8 { utf8 in
            if let base = utf8.baseAddress, memchr(base, 0, utf8.count) != nil {
                return .failure(.invalidArgument("strings must not contain NUL (U+0000) characters"))
            }
            let p = allocate(CChar.self, count: utf8.count + 1)
            if let base = utf8.baseAddress {
                memcpy(p, base, utf8.count)
            }
            p[utf8.count] = 0
            return .success(p)
        }
        return try result.get()
    }

    func bytes(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        let p = allocate(UInt8.self, count: bytes.count)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { p.update(from: base, count: bytes.count) }
        }
        return ProtobufCBinaryData(len: bytes.count, data: p)
    }

    /// A Swift string from a decoded C string (already checked for UTF-8 by `MessageSchema`).
    static func string(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
        guard data.len > 0, let base = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: data.len))
    }
}
