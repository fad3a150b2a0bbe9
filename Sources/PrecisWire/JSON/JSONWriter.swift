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

/// Writes JSON text, compact or indented. Used by the generated `writeJSON(to:)` methods.
public struct JSONWriter {
    public private(set) var output = ""
    private let pretty: Bool
    /// For each open object or array: whether it has had a member yet.
    private var hasMembers: [Bool] = []

    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    private mutating func newline() {
        guard pretty else { return }
        output.append("\n")
        output.append(String(repeating: "  ", count: hasMembers.count))
    }

    private mutating func separate() {
        if hasMembers.last == true { output.append(",") }
        if !hasMembers.isEmpty { hasMembers[hasMembers.count - 1] = true }
        newline()
    }

    public mutating func beginObject() {
        output.append("{")
        hasMembers.append(false)
    }

    public mutating func endObject() {
        let had = hasMembers.removeLast()
        if had { newline() }
        output.append("}")
    }

    public mutating func beginArray() {
        output.append("[")
        hasMembers.append(false)
    }

    public mutating func endArray() {
        let had = hasMembers.removeLast()
        if had { newline() }
        output.append("]")
    }

    /// Starts an object member; its value follows.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        output.append(pretty ? ": " : ":")
    }

    /// Starts an array element; its value follows.
    public mutating func element() {
        separate()
    }

    public mutating func value(_ v: Bool) { output.append(v ? "true" : "false") }
    public mutating func value(_ v: UInt32) { output.append(String(v)) }
    public mutating func value(_ v: Int32) { output.append(String(v)) }
    public mutating func value(_ v: UInt64) { output.append("\"\(v)\"") }
    public mutating func value(_ v: Int64) { output.append("\"\(v)\"") }
    public mutating func value(_ v: Float) { writeFloating(Double(v), text: v.description) }
    public mutating func value(_ v: Double) { writeFloating(v, text: v.description) }
    public mutating func value(_ v: String) { writeString(v) }
    public mutating func value(_ v: [UInt8]) { output.append("\"\(base64(v))\"") }

    public mutating func enumValue(_ name: String?, _ raw: Int32) {
        if let name { writeString(name) } else { output.append(String(raw)) }
    }

    /// A value written by hand (for callers that add members of their own, like `precis --jsonl`).
    public mutating func raw(_ json: String) { output.append(json) }
    public mutating func null() { output.append("null") }

    private mutating func writeFloating(_ v: Double, text: String) {
        if v.isNaN {
            output.append("\"NaN\"")
        } else if v.isInfinite {
            output.append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"")
        } else if v == v.rounded(), abs(v) < 1e15 {
            output.append(String(Int64(v)))
        } else {
            output.append(text)
        }
    }

    private mutating func writeString(_ s: String) {
        output.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}

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
