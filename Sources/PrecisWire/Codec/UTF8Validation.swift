/// Strict UTF-8 validation of raw bytes, with NUL rejected too: the offset of the first byte
/// that is not part of a well-formed, NUL-free UTF-8 sequence, or nil when all are.
///
/// protobuf-c does not validate UTF-8 in `string` fields and cuts them at a NUL, so every string
/// field is checked here, on the bytes as they came off the wire, before protobuf-c sees them.
func firstInvalidUTF8Offset(_ bytes: UnsafeRawBufferPointer) -> Int? {
    let count = bytes.count
    var i = 0
    while i < count {
        // Fast path: eight ASCII bytes at a time, none of them NUL.
        while i + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let hasHigh = word & 0x8080_8080_8080_8080 != 0
            let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
            if hasHigh || hasZero { break }
            i += 8
        }
        guard i < count else { break }
        let b0 = bytes[i]
        if b0 < 0x80 {
            if b0 == 0 { return i }
            i += 1
            continue
        }
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F  // no UTF-16 surrogates
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F  // nothing above U+10FFFF
        default: return i
        }
        guard i + length <= count else { return i }
        let b1 = bytes[i + 1]
        guard b1 >= lower && b1 <= upper else { return i }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 {
            return i
        }
        i += length
    }
    return nil
}
