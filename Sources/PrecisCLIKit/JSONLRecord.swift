/// One `--jsonl` input line, read: `{"id": ..., "text": "...", "format": "...", "reference_date": "..."}`. Other
/// members are allowed and ignored; when a member repeats, the last one counts.
public struct JSONLRecord: Sendable, Hashable {
    /// The id's JSON text exactly as it came (any JSON value), or `null` when there is none;
    /// written back at the head of the line's answer.
    public var id: String
    public var text: String
    /// The line's own `"format"`, when it has one.
    public var format: String?
    /// The line's own `"reference_date"` (`1998-02-27`), when it has one: relative dates in this line's document
    /// resolve against it. Checked to be a real day when the line is read.
    public var referenceDate: String?

    public init(id: String, text: String, format: String?, referenceDate: String? = nil) {
        self.id = id
        self.text = text
        self.format = format
        self.referenceDate = referenceDate
    }

    /// Why a line cannot be sent, and the id to answer it with (`null` when unreadable).
    public struct Problem: Error, Sendable, Hashable {
        public var id: String
        public var message: String
    }

    /// Reads one line's bytes (without its line end).
    ///
    /// - Parameter number: the line's number in the input, for messages.
    public static func read(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Result<JSONLRecord, Problem> {
        guard validateUTF8(line) else {
            return .failure(Problem(id: "null", message: "line \(number) is not valid UTF-8"))
        }
        var scanner = JSONScanner(line)
        var id: Range<Int>?
        var idUnconfirmed: Range<Int>?  // read, but not yet followed by `,` or `}`
        var text: String?
        var textIsString = false
        var format: String?
        var formatIsString = true
        var referenceDate: String?
        var referenceDateIsString = true
        func problem(_ message: String) -> Problem {
            let idText = id.map { String(decoding: UnsafeBufferPointer(rebasing: line[$0]), as: UTF8.self) } ?? "null"
            return Problem(id: idText, message: message)
        }
        do throws(JSONScanner.Failure) {
            try scanner.expect(UInt8(ascii: "{"), "a JSON object")
            scanner.skipWhitespace()
            if scanner.peek == UInt8(ascii: "}") {
                try scanner.expect(UInt8(ascii: "}"), "}")
            } else {
                while true {
                    scanner.skipWhitespace()
                    guard scanner.peek == UInt8(ascii: "\"") else { throw scanner.failure("expected a string key") }
                    let key = try scanner.decodeString()
                    try scanner.expect(UInt8(ascii: ":"), ":")
                    scanner.skipWhitespace()
                    let isString = scanner.peek == UInt8(ascii: "\"")
                    switch key {
                    case "id":
                        idUnconfirmed = try scanner.skipValue()
                    case "text" where isString:
                        text = try scanner.decodeString()
                        textIsString = true
                    case "format" where isString:
                        format = try scanner.decodeString()
                        formatIsString = true
                    case "reference_date" where isString:
                        referenceDate = try scanner.decodeString()
                        referenceDateIsString = true
                    case "reference_date":
                        referenceDateIsString = false
                        _ = try scanner.skipValue()
                    case "text":
                        textIsString = false
                        _ = try scanner.skipValue()
                    case "format":
                        formatIsString = false
                        _ = try scanner.skipValue()
                    default:
                        _ = try scanner.skipValue()
                    }
                    scanner.skipWhitespace()
                    if scanner.peek == UInt8(ascii: ",") || scanner.peek == UInt8(ascii: "}") {
                        // A value is whole only once a separator follows it ("01" is not "0").
                        if let read = idUnconfirmed { id = read }
                        idUnconfirmed = nil
                    }
                    if scanner.peek == UInt8(ascii: ",") {
                        try scanner.expect(UInt8(ascii: ","), ",")
                        continue
                    }
                    try scanner.expect(UInt8(ascii: "}"), ", or }")
                    break
                }
            }
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.failure("text after the JSON object") }
        } catch {
            return .failure(problem("line \(number) is not a JSON object: \(error.message) at byte \(error.offset + 1)"))
        }
        guard textIsString, let text else {
            return .failure(problem("line \(number) has no string field \"text\""))
        }
        guard formatIsString else {
            return .failure(problem("line \(number): \"format\" must be a string"))
        }
        guard referenceDateIsString else {
            return .failure(problem("line \(number): \"reference_date\" must be a string like \"2026-11-24\""))
        }
        if let referenceDate, !Self.isCalendarDate(referenceDate) {
            return .failure(
                problem("line \(number): \"reference_date\" must be a day written 2026-11-24, got \"\(referenceDate)\"")
            )
        }
        let idText = id.map { String(decoding: UnsafeBufferPointer(rebasing: line[$0]), as: UTF8.self) } ?? "null"
        return .success(JSONLRecord(id: idText, text: text, format: format, referenceDate: referenceDate))
    }

    /// Whether `text` is a day that exists, written `YYYY-MM-DD` (years 0001 to 9999).
    public static func isCalendarDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year >= 1,
            (1...12).contains(month)
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = month == 2 ? (leap ? 29 : 28) : ([4, 6, 9, 11].contains(month) ? 30 : 31)
        return (1...days).contains(day)
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    /// Runs of ASCII, most of any news text or page, are checked eight bytes at a time.
    static func validateUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var position = 0
        while position < bytes.count {
            if position + 8 <= bytes.count,
                UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                position += 8
                continue
            }
            if bytes[position] < 0x80 {
                position += 1
                continue
            }
            // One non-ASCII scalar: decode it (at most four bytes).
            var iterator = UnsafeBufferPointer(rebasing: bytes[position..<min(position + 4, bytes.count)]).makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
            position += UTF8.width(scalar)
        }
        return true
    }
}
