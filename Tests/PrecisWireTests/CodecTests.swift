import NIOCore
import PrecisWire
import Testing

@Suite struct CodecTests {
    private func payload(of request: Request) throws -> ByteBuffer {
        var buffer = ByteBuffer()
        try buffer.writeFrame(request)
        let length = buffer.readInteger(as: UInt32.self)
        #expect(Int(length!) == buffer.readableBytes)
        return buffer
    }

    @Test(arguments: Fixtures.requests)
    func requestRoundTrip(_ request: Request) throws {
        #expect(try Request(decoding: payload(of: request)) == request)
    }

    @Test(arguments: Fixtures.responses)
    func responseRoundTrip(_ response: Response) throws {
        var buffer = ByteBuffer()
        try buffer.writeFrame(response)
        _ = buffer.readInteger(as: UInt32.self)
        #expect(try Response(decoding: buffer) == response)
    }

    /// The same bytes the Python client (Google's runtime) produces: docs/PROTOCOL.md's example.
    @Test func pingFrameMatchesTheDocumentedBytes() throws {
        var buffer = ByteBuffer()
        try buffer.writeFrame(Request(id: 1, operation: .ping(PingRequest(payload: Array("hi".utf8)))))
        #expect(Array(buffer.readableBytesView) == [0, 0, 0, 8, 0x08, 0x01, 0x52, 0x04, 0x0A, 0x02, 0x68, 0x69])
    }

    @Test func unknownEnumValuesSurvive() throws {
        let request = Request(
            id: 9,
            operation: .summarize(SummarizeRequest(document: Document(text: "x", format: .unrecognized(42))))
        )
        let decoded = try Request(decoding: payload(of: request))
        guard case .summarize(let s)? = decoded.operation else { Issue.record("wrong operation"); return }
        #expect(s.document?.format == .unrecognized(42))
    }

    @Test func emptyPayloadIsARequestWithoutIDOrOperation() throws {
        let request = try Request(decoding: ByteBuffer())
        #expect(request.id == 0)
        #expect(request.operation == nil)
    }
}
