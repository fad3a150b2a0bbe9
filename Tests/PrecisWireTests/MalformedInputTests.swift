import NIOCore
import PrecisWire
import Testing

@Suite struct MalformedInputTests {
    /// A summarize request whose text is `text`, encoded by hand so that any bytes can go in.
    private func summarizeFrame(id: UInt8, text: [UInt8]) -> ByteBuffer {
        let document: [UInt8] = [0x0A, UInt8(text.count)] + text  // Document.text = 1
        let summarize: [UInt8] = [0x0A, UInt8(document.count)] + document  // SummarizeRequest.document = 1
        let request: [UInt8] = [0x08, id, 0x6A, UInt8(summarize.count)] + summarize  // id = 1, summarize = 13
        return ByteBuffer(bytes: request)
    }

    private func decodeError(_ payload: ByteBuffer) -> WireError? {
        do {
            _ = try Request(decoding: payload)
            return nil
        } catch {
            return error
        }
    }

    @Test func wellFormedHandMadeFrameDecodes() throws {
        let request = try Request(decoding: summarizeFrame(id: 7, text: Array("héllo".utf8)))
        guard case .summarize(let s)? = request.operation else { Issue.record("wrong operation"); return }
        #expect(request.id == 7)
        #expect(s.document?.text == "héllo")
    }

    @Test(arguments: [
        [0xFF] as [UInt8],  // never valid
        [0xC0, 0xAF],  // overlong "/"
        [0xE0, 0x80, 0xAF],  // overlong
        [0xED, 0xA0, 0x80],  // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0x61, 0xE2, 0x82],  // truncated sequence
        [0x80],  // lone continuation byte
    ])
    func invalidUTF8IsRejectedWithTheRequestID(_ bytes: [UInt8]) throws {
        let error = try #require(decodeError(summarizeFrame(id: 7, text: Array("ok ".utf8) + bytes)))
        #expect(error.code == .invalidArgument)
        #expect(error.requestID == 7)
        #expect(error.message.contains("summarize.document.text"))
        #expect(error.message.contains("invalid UTF-8"))
    }

    @Test func embeddedNULIsRejected() throws {
        let error = try #require(decodeError(summarizeFrame(id: 3, text: [0x61, 0x00, 0x62])))
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("NUL"))
    }

    @Test func validMultibyteTextPasses() throws {
        let text = "Zürich 東京 🚀 ä\u{301} " + String(repeating: "ascii run ", count: 5)  // under 128 bytes
        let request = try Request(decoding: summarizeFrame(id: 1, text: Array(text.utf8)))
        guard case .summarize(let s)? = request.operation else { Issue.record("wrong operation"); return }
        #expect(s.document?.text == text)
    }

    @Test(arguments: [
        [0xFF, 0xFF, 0xFF] as [UInt8],  // tag varint runs off the end
        [0x0A, 0x05, 0x01],  // length past the end
        [0x08],  // truncated varint
        [0x0B, 0x00],  // group wire type
        [0x00, 0x01],  // field number 0
    ])
    func garbageIsInvalidArgument(_ bytes: [UInt8]) throws {
        let error = try #require(decodeError(ByteBuffer(bytes: bytes)))
        #expect(error.code == .invalidArgument)
    }

    @Test func unknownOperationIsUnimplemented() throws {
        // id = 5, then field 99 (length-delimited, empty): an operation from a newer client.
        let error = try #require(decodeError(ByteBuffer(bytes: [0x08, 0x05, 0x9A, 0x06, 0x00])))
        #expect(error.code == .unimplemented)
        #expect(error.requestID == 5)
    }

    @Test func encodingAStringWithNULThrows() {
        var buffer = ByteBuffer()
        #expect(throws: WireError.self) {
            try buffer.writeFrame(Request(id: 1, operation: .parse(ParseRequest(document: Document(text: "a\u{0}b")))))
        }
    }
}
