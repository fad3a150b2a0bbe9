#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes, from a start tag that libxml2 has not read yet, the attributes the extractor never reads
/// (`src`, `srcset`, `data-*`, `alt`, `onclick` …), so that libxml2 does not read their values a byte at a time
/// only for them to be dropped: they are about a third of what libxml2 reads of a page.
///
/// The tag is read with libxml2's own rules for a start tag (`htmlParseStartTag`, `htmlParseHTMLName`,
/// `htmlParseAttValue`): a name of ASCII letters, digits, `:`, `-`, `_` and `.`; blanks (space, tab, CR, LF);
/// a value after `=` quoted with `"` or `'` (running to the same quote, `>` included) or unquoted (to a blank or
/// `>`); the tag ends at `>` or `/>`. The kept attributes stay byte for byte with the blanks before them; what
/// is removed is the dropped attributes with the blanks before them, and the shorter tag is written so that it
/// ends where the original ended (the bytes before it are then never read). Anything else in the tag — an
/// attribute name libxml2 would reject, `=` without a value, a quote that never closes, a kept attribute
/// written right after another without a blank — leaves the tag as it is, so libxml2 reads it as before.
struct HTMLTagCompactor {
    /// Offsets from the `<` of the kept parts: the tag's name, then each kept attribute with its leading blanks.
    private var kept: [(start: Int, end: Int)] = []

    init() {
        kept.reserveCapacity(16)
    }

    /// When `start` is the `<` of a start tag written with the rules above (and ending before `end`) that has
    /// attributes to drop, rewrites it and returns where its `<` now is (after `start`); else nil, and nothing
    /// changed.
    mutating func compact(_ start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
        var position = start + 1
        guard position < end, Self.isLetter(position.pointee) else { return nil }
        while position < end, Self.isNameByte(position.pointee) { position += 1 }
        guard position - start <= 90 else { return nil }
        kept.removeAll(keepingCapacity: true)
        kept.append((0, position - start))
        var dropped = false
        var tailStart = position
        while true {
            let attributeStart = position
            while position < end, Self.isBlank(position.pointee) { position += 1 }
            guard position < end else { return nil }
            let byte = position.pointee
            if byte == UInt8(ascii: ">") {
                tailStart = attributeStart
                position += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard end - position >= 2, position[1] == UInt8(ascii: ">") else { return nil }
                tailStart = attributeStart
                position += 2
                break
            }
            guard Self.isNameStart(byte) else { return nil }
            let hasBlank = position > attributeStart
            let nameStart = position
            while position < end, Self.isNameByte(position.pointee) { position += 1 }
            let nameLength = position - nameStart
            guard nameLength <= 90 else { return nil }
            var cursor = position
            while cursor < end, Self.isBlank(cursor.pointee) { cursor += 1 }
            guard cursor < end else { return nil }
            if cursor.pointee == UInt8(ascii: "=") {
                cursor += 1
                while cursor < end, Self.isBlank(cursor.pointee) { cursor += 1 }
                guard cursor < end else { return nil }
                let quote = cursor.pointee
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = memchr(cursor + 1, Int32(quote), end - cursor - 1) else { return nil }
                    position = close.assumingMemoryBound(to: UInt8.self) + 1
                } else {
                    guard quote != UInt8(ascii: ">") else { return nil }
                    while cursor < end, !Self.isBlank(cursor.pointee), cursor.pointee != UInt8(ascii: ">") { cursor += 1 }
                    guard cursor < end else { return nil }
                    position = cursor
                }
            }
            if Self.isKept(nameStart, nameLength) {
                guard hasBlank else { return nil }
                kept.append((attributeStart - start, position - start))
            } else {
                dropped = true
            }
        }
        guard dropped else { return nil }

        // right to left: every part moves right (or stays), so a part is never overwritten before it is copied
        var target = position
        let tailLength = position - tailStart
        target -= tailLength
        memmove(target, tailStart, tailLength)
        for part in kept.reversed() {
            let length = part.end - part.start
            target -= length
            memmove(target, start + part.start, length)
        }
        return target
    }

    /// Whether the page can be compacted at all: libxml2 reads a NUL byte as the end of its input, which the
    /// rules above do not model.
    static func canCompact(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, 0, bytes.count) == nil
    }

    /// The attributes the extractor reads: ``HTMLTree/keptAttributes``, `class` and `id`.
    private static func isKept(_ name: UnsafeMutablePointer<UInt8>, _ length: Int) -> Bool {
        guard length <= 16 else { return false }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<length {
            var byte = name[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if index < 8 { high |= UInt64(byte) << (56 - 8 * index) } else { low |= UInt64(byte) << (56 - 8 * (index - 8)) }
        }
        return HTMLTree.attributeTable.find(PackedName(high: high, low: low)) != nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The first byte of a name for `htmlParseHTMLName`.
    private static func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
