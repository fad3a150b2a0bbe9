/// A strict JSON reader over the bytes of one line (RFC 8259), just enough for `--jsonl`: it
/// checks that a value is well formed without building it, and decodes strings. Every read is
/// bounds-checked and nesting is tracked on the heap, so no input can trap it or overflow the
/// stack (a line of five million `[` is an error, not a crash).
struct JSONScanner {
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }

    /// The byte at the cursor, or nil at the end.
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func failure(_ message: String) -> Failure {
        Failure(message: message, offset: position)
    }

    /// Consumes `byte` (after whitespace) or fails.
    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipWhitespace()
        guard peek == byte else { throw failure(atEnd ? "unexpected end of line, expected \(what)" : "expected \(what)") }
        position += 1
    }

    /// Skips one well-formed value (after whitespace) and returns where it started and ended.
    mutating func skipValue() throws(Failure) -> Range<Int> {
        skipWhitespace()
        let start = position
        // Open containers, innermost last: true for an object (keys expected), false for an array.
        var open: [Bool] = []
        repeat {
            try skipScalarOrOpen(&open)
            // Close what ends here, and step over the separators that follow.
            while let isObject = open.last {
                skipWhitespace()
                guard let byte = peek else { throw failure("unexpected end of line inside a value") }
                if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                    open.removeLast()
                    continue
                }
                guard byte == UInt8(ascii: ",") else { throw failure("expected , or a closing bracket") }
                position += 1
                if isObject { try skipKey() }
                break
            }
        } while !open.isEmpty
        return start..<position
    }

    /// One scalar value, or the opening of a container (pushed on `open`, with its first key read
    /// when it is a non-empty object, or fully consumed when empty).
    private mutating func skipScalarOrOpen(_ open: inout [Bool]) throws(Failure) {
        while true {
            skipWhitespace()
            guard let byte = peek else { throw failure("unexpected end of line, expected a value") }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                position += 1
                skipWhitespace()
                if peek == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1  // empty: a complete value
                    return
                }
                open.append(isObject)
                if isObject { try skipKey() }
                continue  // the container's first value
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "t"):
                try literal("true")
            case UInt8(ascii: "f"):
                try literal("false")
            case UInt8(ascii: "n"):
                try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            default:
                throw failure("unexpected character where a value should be")
            }
            return
        }
    }

    /// `"key"` and the `:` after it.
    private mutating func skipKey() throws(Failure) {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { throw failure("expected a string key") }
        try skipString()
        try expect(UInt8(ascii: ":"), ":")
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure("unexpected end of line in a literal") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw failure("invalid literal")
        }
        position += count
    }

    private mutating func number() throws(Failure) {
        if peek == UInt8(ascii: "-") { position += 1 }
        guard let first = peek, isDigit(first) else { throw failure("invalid number") }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard let byte = peek, isDigit(byte) else { throw failure("invalid number") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard let byte = peek, isDigit(byte) else { throw failure("invalid number") }
            skipDigits()
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = peek, isDigit(byte) { position += 1 }
    }

    /// Skips a string (the cursor on its opening quote), checking its escapes.
    private mutating func skipString() throws(Failure) {
        var ignored: [UInt8] = []
        try readString(decoding: false, into: &ignored)
    }

    /// Decodes a string (the cursor on its opening quote). Escaped lone surrogates become U+FFFD.
    mutating func decodeString() throws(Failure) -> String {
        var out: [UInt8] = []
        try readString(decoding: true, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func readString(decoding: Bool, into out: inout [UInt8]) throws(Failure) {
        position += 1  // the opening quote
        var runStart = position
        while true {
            guard position < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                if decoding { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position])) }
                position += 1
                return
            }
            if byte < 0x20 { throw failure("control character in a string (escape it)") }
            guard byte == UInt8(ascii: "\\") else {
                position += 1
                skipPlainBytes()
                continue
            }
            if decoding { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position])) }
            position += 1
            try readEscape(decoding: decoding, into: &out)
            runStart = position
        }
    }

    /// Steps over bytes that need no attention inside a string (not `"`, `\\` or a control
    /// character), eight at a time.
    private mutating func skipPlainBytes() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        while position + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            let control = (word &- ones &* 0x20) & ~word & highs != 0
            if control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) { return }
            position += 8
        }
    }

    private mutating func readEscape(decoding: Bool, into out: inout [UInt8]) throws(Failure) {
        guard let byte = peek else { throw failure("unterminated escape") }
        position += 1
        let simple: UInt8
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = byte
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar), position + 1 < bytes.count,
                bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            {
                let save = position
                position += 2
                let low = try hex4()
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    position = save  // a lone high surrogate; the next escape stands alone
                }
            }
            if decoding { UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { out.append($0) } }
            return
        default:
            throw failure("invalid escape")
        }
        if decoding { out.append(simple) }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("unterminated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
