/// The string and message fields of one message type, generated from Proto/ (`WireSchema`), so
/// that `validateRawMessage` can check every string in a frame before protobuf-c decodes it.
final class MessageSchema: Sendable {
    enum FieldKind: Sendable {
        case string
        case message(MessageSchema)
    }

    let fields: [(number: UInt64, name: String, kind: FieldKind)]

    init(fields: [(number: UInt64, name: String, kind: FieldKind)]) {
        self.fields = fields
    }

    func field(_ number: UInt64) -> (name: String, kind: FieldKind)? {
        for f in fields where f.number == number {
            return (f.name, f.kind)
        }
        return nil
    }
}

/// What the raw walk over a top-level message learnt besides "valid".
struct RawMessageFacts {
    /// Field 1 when it is a varint: a request's or response's id.
    var id: UInt64 = 0
    /// Top-level length-delimited fields this schema does not know: a newer peer's operation.
    var unknownFields: [UInt64] = []
    /// Fields seen so far, at every depth.
    var fieldCount = 0
    /// The most fields a message may hold, at every depth together. Every field costs protobuf-c
    /// work (an unknown one a copy of its own), so a frame of millions of 3-byte fields would
    /// hold the I/O thread for a tenth of a second; past the limit the walk stops at once.
    var fieldLimit = Int.max
}

/// Walks protobuf wire-format bytes, checking that every string field (at any depth) is valid,
/// NUL-free UTF-8. Structural errors are reported too, though protobuf-c would also catch them.
func validateRawMessage(
    _ bytes: UnsafeRawBufferPointer,
    schema: MessageSchema,
    facts: inout RawMessageFacts,
    path: String = "",
    depth: Int = 0
) throws(WireError) {
    guard depth < 32 else { throw .invalidArgument("message nested too deeply", requestID: facts.id) }
    var reader = RawReader(bytes: bytes)
    while !reader.isAtEnd {
        guard let tag = reader.varint(), tag >> 3 != 0 else {
            throw .invalidArgument("malformed protobuf: bad field tag", requestID: facts.id)
        }
        let number = tag >> 3
        facts.fieldCount += 1
        guard facts.fieldCount <= facts.fieldLimit else {
            throw .invalidArgument("message has more than \(facts.fieldLimit) fields", requestID: facts.id)
        }
        switch tag & 7 {
        case 0:
            guard let value = reader.varint() else {
                throw .invalidArgument("malformed protobuf: truncated varint", requestID: facts.id)
            }
            if depth == 0 && number == 1 { facts.id = value }
        case 1, 5:
            guard reader.skip(tag & 7 == 1 ? 8 : 4) else {
                throw .invalidArgument("malformed protobuf: truncated fixed-width field", requestID: facts.id)
            }
        case 2:
            guard let length = reader.varint(), let field = reader.bytes(length) else {
                throw .invalidArgument("malformed protobuf: length runs past the end", requestID: facts.id)
            }
            guard let (name, kind) = schema.field(number) else {
                if depth == 0 { facts.unknownFields.append(number) }
                continue
            }
            let fieldPath = path.isEmpty ? name : path + "." + name
            switch kind {
            case .string:
                if let offset = firstInvalidUTF8Offset(field) {
                    let what = field[offset] == 0 ? "a NUL character" : "invalid UTF-8"
                    throw .invalidArgument("\(fieldPath) contains \(what) at byte \(offset)", requestID: facts.id)
                }
            case .message(let nested):
                try validateRawMessage(field, schema: nested, facts: &facts, path: fieldPath, depth: depth + 1)
            }
        default:
            throw .invalidArgument("malformed protobuf: unsupported wire type \(tag & 7)", requestID: facts.id)
        }
    }
}

/// Field 1 of a top-level message when it is a varint (the last one, as protobuf reads it), found
/// by skipping every other field without looking inside; 0 when absent or past a malformed field.
func topLevelID(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var reader = RawReader(bytes: bytes)
    var id: UInt64 = 0
    while !reader.isAtEnd {
        guard let tag = reader.varint() else { return id }
        switch tag & 7 {
        case 0:
            guard let value = reader.varint() else { return id }
            if tag >> 3 == 1 { id = value }
        case 1, 5:
            guard reader.skip(tag & 7 == 1 ? 8 : 4) else { return id }
        case 2:
            guard let length = reader.varint(), reader.bytes(length) != nil else { return id }
        default:
            return id
        }
    }
    return id
}

struct RawReader {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    var isAtEnd: Bool { index >= bytes.count }

    mutating func varint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count && shift < 64 {
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }

    mutating func skip(_ count: Int) -> Bool {
        guard bytes.count - index >= count else { return false }
        index += count
        return true
    }

    mutating func bytes(_ count: UInt64) -> UnsafeRawBufferPointer? {
        guard count <= UInt64(bytes.count - index) else { return nil }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[index..<index + Int(count)])
        index += Int(count)
        return slice
    }
}
