import CPrecisProto
import NIOCore

/// The two top-level messages that travel in frames, and the protobuf-c functions for each.
protocol WireEnvelope {
    associatedtype CMessage
    static var schema: MessageSchema { get }
    static var name: String { get }
    /// The most fields (at every depth) a decoded message may hold.
    static var maxFields: Int { get }
    static func unpack(_ length: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutablePointer<CMessage>?
    static func freeUnpacked(_ message: UnsafeMutablePointer<CMessage>)
    static func packedSize(_ message: UnsafePointer<CMessage>) -> Int
    static func pack(_ message: UnsafePointer<CMessage>, _ out: UnsafeMutablePointer<UInt8>) -> Int
    init(cMessage: UnsafePointer<CMessage>)
    func cMessage(in arena: CArena) throws(WireError) -> UnsafeMutablePointer<CMessage>
}

extension Request: WireEnvelope {
    static var schema: MessageSchema { WireSchema.request }
    static var name: String { "Request" }
    /// A request has a handful of fields (an id, a timeout, an operation with a document and
    /// options); 10,000 leaves room for unknown fields from newer clients, and stops frames of
    /// millions of tiny fields before protobuf-c sees them.
    public static let maxFields = 10_000
    static func unpack(_ length: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutablePointer<Precis__V1__Request>? {
        precis__v1__request__unpack(nil, length, bytes)
    }
    static func freeUnpacked(_ message: UnsafeMutablePointer<Precis__V1__Request>) {
        precis__v1__request__free_unpacked(message, nil)
    }
    static func packedSize(_ message: UnsafePointer<Precis__V1__Request>) -> Int {
        precis__v1__request__get_packed_size(message)
    }
    static func pack(_ message: UnsafePointer<Precis__V1__Request>, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        precis__v1__request__pack(message, out)
    }
}

extension Response: WireEnvelope {
    static var schema: MessageSchema { WireSchema.response }
    static var name: String { "Response" }
    /// A response can hold millions of fields (tokens); the client decodes what it asked for.
    static var maxFields: Int { .max }
    static func unpack(_ length: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutablePointer<Precis__V1__Response>? {
        precis__v1__response__unpack(nil, length, bytes)
    }
    static func freeUnpacked(_ message: UnsafeMutablePointer<Precis__V1__Response>) {
        precis__v1__response__free_unpacked(message, nil)
    }
    static func packedSize(_ message: UnsafePointer<Precis__V1__Response>) -> Int {
        precis__v1__response__get_packed_size(message)
    }
    static func pack(_ message: UnsafePointer<Precis__V1__Response>, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        precis__v1__response__pack(message, out)
    }
}

extension WireEnvelope {
    /// Decodes one message from `bytes`: every string is checked (UTF-8, no NUL) on the raw
    /// bytes, then protobuf-c unpacks them.
    static func decodeEnvelope(_ bytes: UnsafeRawBufferPointer) throws(WireError) -> (Self, RawMessageFacts) {
        var facts = RawMessageFacts()
        facts.fieldLimit = maxFields
        do {
            try validateRawMessage(bytes, schema: schema, facts: &facts)
        } catch {
            // The walk stopped before it reached field 1 (an invalid string ahead of the id):
            // look for the id on its own, so the answer still carries it.
            var error = error
            if error.requestID == 0 { error.requestID = topLevelID(bytes) }
            throw error
        }
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        // protobuf-c wants a non-null pointer even for an empty message.
        var empty: UInt8 = 0
        let unpacked = withUnsafePointer(to: &empty) { emptyPointer in
            unpack(bytes.count, base ?? emptyPointer)
        }
        guard let unpacked else {
            throw .invalidArgument("frame is not a valid \(name) message", requestID: facts.id)
        }
        defer { freeUnpacked(unpacked) }
        return (Self(cMessage: unpacked), facts)
    }

    /// Appends one frame, the 4-byte big-endian length and then the encoded message, to `buffer`.
    func writeFrame(to buffer: inout ByteBuffer) throws(WireError) {
        let arena = CArena()
        let c = try cMessage(in: arena)
        let size = Self.packedSize(c)
        guard size <= Int(UInt32.max) else {
            throw .invalidArgument("message of \(size) bytes is too large for a frame")
        }
        buffer.reserveCapacity(minimumWritableBytes: 4 + size)
        buffer.writeInteger(UInt32(size))
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
            guard size > 0, let base = out.baseAddress else { return 0 }
            return Self.pack(c, base.assumingMemoryBound(to: UInt8.self))
        }
        withExtendedLifetime(arena) {}
    }
}

extension Request {
    /// Decodes a request from the payload of one frame.
    ///
    /// - Throws: `WireError` with INVALID_ARGUMENT for bytes that are not a valid request (the
    ///   request id set when it could be read), UNIMPLEMENTED for an operation this version does
    ///   not know.
    public init(decoding payload: ByteBuffer) throws(WireError) {
        let result: Result<(Request, RawMessageFacts), WireError> = payload.withUnsafeReadableBytes { bytes in
            do throws(WireError) { return .success(try Request.decodeEnvelope(bytes)) } catch { return .failure(error) }
        }
        let (request, facts) = try result.get()
        if request.operation == nil, let unknown = facts.unknownFields.first(where: { $0 >= 10 }) {
            throw WireError(
                code: .unimplemented,
                message: "operation field \(unknown) is not known to this server",
                requestID: request.id
            )
        }
        self = request
    }
}

extension Response {
    /// Decodes a response from the payload of one frame.
    public init(decoding payload: ByteBuffer) throws(WireError) {
        let result: Result<(Response, RawMessageFacts), WireError> = payload.withUnsafeReadableBytes { bytes in
            do throws(WireError) { return .success(try Response.decodeEnvelope(bytes)) } catch { return .failure(error) }
        }
        self = try result.get().0
    }
}

extension ByteBuffer {
    /// Appends `request` as one frame.
    public mutating func writeFrame(_ request: Request) throws(WireError) {
        try request.writeFrame(to: &self)
    }

    /// Appends `response` as one frame.
    public mutating func writeFrame(_ response: Response) throws(WireError) {
        try response.writeFrame(to: &self)
    }
}
