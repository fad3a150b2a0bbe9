/// A message that can write itself in proto3's JSON mapping: lowerCamelCase field names,
/// 64-bit integers as strings, bytes as base64, enums by name, and (the mapping's "emit default
/// values" option) every field without presence written even when it holds its default, so that
/// `start: 0` or an empty `title` is there to read. Unset message fields are written as `null`
/// (which the mapping reads back as unset), so every field of a message is present.
public protocol JSONWritable {
    func writeJSON(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// The message as JSON; `pretty` indents it by two spaces.
    public func jsonString(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        writeJSON(to: &writer)
        return writer.output
    }

    /// The message's members without the braces around them (`"a":1,"b":2`), compact, for a
    /// caller that puts members of its own before them.
    public func jsonMembers() -> String {
        let object = jsonString()
        return String(object.utf8.dropFirst().dropLast()) ?? ""
    }
}

/// Writes JSON text, compact or indented. Used by the generated `writeJSON(to:)` methods. The
/// text is gathered as UTF-8 bytes (a `--jsonl` batch writes thousands of answers a second).
public struct JSONWriter {
    private var bytes: [UInt8] = []
    private let pretty: Bool
    /// For each open object or array: whether it has had a member yet.
    private var hasMembers: [Bool] = []

    public init(pretty: Bool = false) {
        self.pretty = pretty
        bytes.reserveCapacity(1024)
    }

    /// The text written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * hasMembers.count))
    }

    private mutating func separate() {
        if hasMembers.last == true { bytes.append(UInt8(ascii: ",")) }
        if !hasMembers.isEmpty { hasMembers[hasMembers.count - 1] = true }
        newline()
    }

    public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        hasMembers.append(false)
    }

    public mutating func endObject() {
        let had = hasMembers.removeLast()
        if had { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        hasMembers.append(false)
    }

    public mutating func endArray() {
        let had = hasMembers.removeLast()
        if had { newline() }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Starts an object member; its value follows.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        if pretty { append(": ") } else { bytes.append(UInt8(ascii: ":")) }
    }

    /// Starts an array element; its value follows.
    public mutating func element() {
        separate()
    }

    public mutating func value(_ v: Bool) { append(v ? "true" : "false") }
    public mutating func value(_ v: UInt32) { writeInteger(UInt64(v), negative: false) }
    public mutating func value(_ v: Int32) { writeInteger(v.magnitude, negative: v < 0) }
    public mutating func value(_ v: UInt64) { quoted { $0.writeInteger(v, negative: false) } }
    public mutating func value(_ v: Int64) { quoted { $0.writeInteger(v.magnitude, negative: v < 0) } }
    public mutating func value(_ v: Float) { writeFloating(Double(v), text: v.description) }
    public mutating func value(_ v: Double) { writeFloating(v, text: v.description) }
    public mutating func value(_ v: String) { writeString(v) }
    public mutating func value(_ v: [UInt8]) { quoted { $0.append(base64(v)) } }

    public mutating func enumValue(_ name: String?, _ raw: Int32) {
        if let name { writeString(name) } else { value(raw) }
    }

    /// A value written by hand (for callers that add members of their own, like `precis --jsonl`).
    public mutating func raw(_ json: String) { append(json) }
    public mutating func null() { append("null") }

    private mutating func quoted(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "\""))
        body(&self)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeInteger(_ magnitude: some UnsignedInteger, negative: Bool) {
        if negative { bytes.append(UInt8(ascii: "-")) }
        append(String(magnitude))  // a small string: no allocation
    }

    private mutating func writeFloating(_ v: Double, text: String) {
        if v.isNaN {
            append("\"NaN\"")
        } else if v.isInfinite {
            append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"")
        } else if v == v.rounded(), abs(v) < 1e15 {
            let whole = Int64(v)
            writeInteger(whole.magnitude, negative: whole < 0)
        } else {
            append(text)
        }
    }

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default:
                    append("\\u00")
                    bytes.append(hexDigits[Int(byte >> 4)])
                    bytes.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)

private let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

func base64(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var i = 0
    while i < bytes.count {
        let b0 = bytes[i]
        let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0
        let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
        out.append(base64Alphabet[Int(b0 >> 2)])
        out.append(base64Alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
        out.append(i + 1 < bytes.count ? base64Alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
        out.append(i + 2 < bytes.count ? base64Alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
        i += 3
    }
    return String(decoding: out, as: UTF8.self)
}
