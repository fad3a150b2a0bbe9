/// Text from clients made safe to put in a log line or a status message: escaped so it cannot start
/// a new line, move the cursor, recolour a terminal or reorder what a reader sees, and cut to a
/// length so a field of megabytes does not become a line of megabytes.
enum LogText {
    /// The most Unicode scalars of client text kept by default.
    static let defaultLimit = 64

    /// `text` with backslash, quote (unless `quotes` is false), control characters (C0, DEL, C1),
    /// line and paragraph separators and bidirectional controls written as escapes (`\n`, `\r`,
    /// `\t`, `\"`, `\\`, `\u{1B}`), at most `limit` scalars of it, then `…(N more bytes)` when it
    /// was longer.
    static func escaped(_ text: String, limit: Int = defaultLimit, quotes: Bool = true) -> String {
        var result = ""
        var kept = 0
        var scalars = text.unicodeScalars.makeIterator()
        var consumedBytes = 0
        while kept < limit, let scalar = scalars.next() {
            kept += 1
            consumedBytes += UTF8.width(scalar)
            switch scalar {
            case "\\" where quotes: result += "\\\\"
            case "\"" where quotes: result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        let rest = text.utf8.count - consumedBytes
        if rest > 0 { result += "…(\(rest) more bytes)" }
        return result
    }

    /// `text` escaped and in double quotes.
    static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        "\"" + escaped(text, limit: limit) + "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0: true  // C0 (ESC among them), DEL, C1
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional controls
        default: false
        }
    }
}
