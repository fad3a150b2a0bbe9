/// The UTF-8 bytes of a document with scalar-level helpers. Input comes from a `String`, so it is valid UTF-8;
/// the decoder still never reads past the end.
struct ByteText: Sendable {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var count: Int { bytes.count }

    /// Decodes the scalar starting at `index`.
    @inline(__always)
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = bytes[index]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length = b0 >= 0xF0 ? 4 : (b0 >= 0xE0 ? 3 : 2)
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(b0) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
        for offset in 1..<length {
            value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The start of the scalar that ends at `index` (exclusive); `index` must be positive.
    @inline(__always)
    func scalarStart(before index: Int) -> Int {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The class of the scalar at `index` and its length.
    @inline(__always)
    func classAt(_ index: Int) -> (ScalarClass, Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (ScalarClass.ascii(byte), 1) }
        let (scalar, length) = self.scalar(at: index)
        return (ScalarClass.of(scalar), length)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func string(_ span: TextSpan) -> String {
        string(span.start..<span.end)
    }

    /// The text of `range`, lowercased (ASCII fast path).
    func lowercased(_ range: Range<Int>) -> String {
        for index in range where bytes[index] >= 0x80 {
            return string(range).lowercased()
        }
        return String(unsafeUninitializedCapacity: range.count) { buffer in
            var written = 0
            for index in range {
                let byte = bytes[index]
                buffer[written] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                written += 1
            }
            return written
        }
    }

    func lowercased(_ span: TextSpan) -> String { lowercased(span.start..<span.end) }

    /// Whether the scalar at `index` is an uppercase or titlecase letter.
    func isUppercase(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        let properties = scalar(at: index).scalar.properties
        return properties.isUppercase || properties.generalCategory == .titlecaseLetter
    }

    /// Whether the scalar at `index` is a lowercase letter.
    func isLowercase(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 0x61 && byte <= 0x7A }
        return scalar(at: index).scalar.properties.isLowercase
    }

    /// Whether the bytes at `index` equal `ascii`, ignoring ASCII case of the text.
    func hasPrefix(_ ascii: StaticString, at index: Int, end: Int) -> Bool {
        let count = ascii.utf8CodeUnitCount
        guard index + count <= end else { return false }
        let pointer = ascii.utf8Start
        for offset in 0..<count {
            var byte = bytes[index + offset]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != pointer[offset] { return false }
        }
        return true
    }

    /// `range` without ignorable scalars (whitespace, format characters) at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            let (cls, length) = classAt(lower)
            guard cls.isIgnorable else { break }
            lower += length
        }
        while upper > lower {
            let start = scalarStart(before: upper)
            guard classAt(start).0.isIgnorable else { break }
            upper = start
        }
        return lower..<upper
    }
}
