/// Cuts a byte stream into lines, fed in chunks of any size. Lines end at LF; a CR before the
/// LF is part of the line end (Windows files), so `"\r\n"` ends a line as `"\n"` does. A last line
/// without a line end counts too. Lines are cut as bytes: a line end inside a multi-byte
/// character cannot happen in UTF-8, and `"\r\n"` is never read as one character.
///
/// A line longer than `maxLineBytes` is not kept: its bytes are dropped as they come and it is
/// reported as `.tooLong`, so memory stays bounded whatever the input.
public struct LineSplitter {
    public enum Line {
        /// A line's bytes, without its line end; valid only during the callback.
        case bytes(UnsafeBufferPointer<UInt8>)
        case tooLong(byteCount: Int)
    }

    public let maxLineBytes: Int
    /// The number of the line being read (1-based).
    public private(set) var lineNumber = 1
    private var partial: [UInt8] = []
    private var droppedBytes = 0  // > 0 while inside a line that is too long

    public init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    /// Feeds `chunk`; `body` gets every line it completes, with its number.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (Int, Line) throws -> Void) rethrows {
        var start = 0
        while start < chunk.count {
            guard let newline = chunk[start...].firstIndex(of: 0x0A) else {
                keep(UnsafeBufferPointer(rebasing: chunk[start...]))
                return
            }
            if droppedBytes == 0 && partial.isEmpty {
                let length = newline - start
                if length <= maxLineBytes {
                    try body(lineNumber, .bytes(Self.trimmingCR(UnsafeBufferPointer(rebasing: chunk[start..<newline]))))
                } else {
                    try body(lineNumber, .tooLong(byteCount: length))
                }
            } else {
                keep(UnsafeBufferPointer(rebasing: chunk[start..<newline]))
                try emitKept(endedByLF: true, body)
            }
            lineNumber += 1
            start = newline + 1
        }
    }

    /// Ends the input: a last line without a line end is delivered.
    public mutating func finish(_ body: (Int, Line) throws -> Void) rethrows {
        guard droppedBytes > 0 || !partial.isEmpty else { return }
        try emitKept(endedByLF: false, body)
        lineNumber += 1
    }

    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>) {
        if droppedBytes > 0 || partial.count + bytes.count > maxLineBytes {
            droppedBytes += partial.count + bytes.count
            partial = []
        } else {
            partial.append(contentsOf: bytes)
        }
    }

    private mutating func emitKept(endedByLF: Bool, _ body: (Int, Line) throws -> Void) rethrows {
        defer {
            partial.removeAll(keepingCapacity: partial.count <= 1 << 20)
            droppedBytes = 0
        }
        if droppedBytes > 0 {
            try body(lineNumber, .tooLong(byteCount: droppedBytes))
            return
        }
        try partial.withUnsafeBufferPointer { try body(lineNumber, .bytes(endedByLF ? Self.trimmingCR($0) : $0)) }
    }

    private static func trimmingCR(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        bytes.last == 0x0D ? UnsafeBufferPointer(rebasing: bytes.dropLast()) : bytes
    }

    /// Whether a line holds only spaces, tabs and CRs (such lines are skipped, not answered).
    public static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
