import NIOCore
import NIOTestUtils
import PrecisWire
import Testing

@Suite struct FrameDecoderTests {
    private func preface(_ major: UInt8 = 1, _ minor: UInt8 = 0) -> ByteBuffer {
        var buffer = ByteBuffer()
        Preface(major: major, minor: minor).write(to: &buffer)
        return buffer
    }

    /// Frames fed whole, together and byte by byte (the verifier reuses one decoder for every
    /// pass, so it checks the frame stage; the preface is checked below).
    @Test func dripFedFrames() throws {
        var pairs: [(ByteBuffer, [InboundFrame])] = []
        for request in Fixtures.requests {
            var frame = ByteBuffer()
            try frame.writeFrame(request)
            pairs.append((frame, [.frame(frame.getSlice(at: 4, length: frame.readableBytes - 4)!)]))
        }
        var empty = ByteBuffer()
        empty.writeInteger(UInt32(0))
        pairs.append((empty, [.frame(ByteBuffer())]))
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: pairs,
            decoderFactory: { PrecisFrameDecoder(maxFrameBytes: 1 << 20, expectPreface: false) }
        )
    }

    @Test func dripFedPrefaceThenFrame() throws {
        var stream = preface(1, 3)
        stream.writeBytes([0, 0, 0, 2, 0x08, 0x01])
        var decoder = PrecisFrameDecoder(maxFrameBytes: 16)
        var buffer = ByteBuffer()
        var out: [InboundFrame] = []
        for byte in stream.readableBytesView {
            buffer.writeInteger(byte)
            while let frame = try decoder.decode(buffer: &buffer) { out.append(frame) }
        }
        #expect(out == [.preface(Preface(major: 1, minor: 3)), .frame(ByteBuffer(bytes: [0x08, 0x01]))])
    }

    @Test func overLimitLengthIsRejectedFromTheHeaderAlone() throws {
        var decoder = PrecisFrameDecoder(maxFrameBytes: 1024, expectPreface: false)
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(0x7FFF_FFFF))  // 2 GiB announced, no payload sent
        #expect(try decoder.decode(buffer: &buffer) == .oversizedFrame(length: 0x7FFF_FFFF, limit: 1024))
        // Nothing more is decoded from this stream.
        buffer.writeInteger(UInt32(0))
        #expect(try decoder.decode(buffer: &buffer) == nil)
    }

    @Test func frameAtTheLimitIsAccepted() throws {
        var decoder = PrecisFrameDecoder(maxFrameBytes: 4, expectPreface: false)
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(4))
        buffer.writeBytes([1, 2, 3])
        #expect(try decoder.decode(buffer: &buffer) == nil)  // waits for the last byte
        buffer.writeBytes([4])
        #expect(try decoder.decode(buffer: &buffer) == .frame(ByteBuffer(bytes: [1, 2, 3, 4])))
    }

    @Test(arguments: ["GET / HTTP/1.1\r\nHost: x\r\n\r\n", "POST /v1 HTTP/1.1\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"])
    func httpRequestIsAnInvalidPrefaceThatLooksLikeHTTP(_ text: String) throws {
        var decoder = PrecisFrameDecoder(maxFrameBytes: 1024)
        var buffer = ByteBuffer(string: text)
        guard case .invalidPreface(let seen)? = try decoder.decode(buffer: &buffer) else {
            Issue.record("expected an invalid preface")
            return
        }
        #expect(Preface.looksLikeHTTP(seen))
        #expect(!Preface.looksLikeTLS(seen))
    }

    @Test func tlsClientHelloIsRecognised() throws {
        var decoder = PrecisFrameDecoder(maxFrameBytes: 1024)
        var buffer = ByteBuffer(bytes: [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC])
        guard case .invalidPreface(let seen)? = try decoder.decode(buffer: &buffer) else {
            Issue.record("expected an invalid preface")
            return
        }
        #expect(Preface.looksLikeTLS(seen))
        #expect(!Preface.looksLikeHTTP(seen))
    }

    @Test func shortPrefaceWaits() throws {
        var decoder = PrecisFrameDecoder(maxFrameBytes: 1024)
        var buffer = ByteBuffer(bytes: Array("PREC".utf8))
        #expect(try decoder.decode(buffer: &buffer) == nil)
        #expect(buffer.readableBytes == 4)
    }

    @Test func versionIsCarried() throws {
        var decoder = PrecisFrameDecoder(maxFrameBytes: 1024)
        var buffer = preface(2, 7)
        #expect(try decoder.decode(buffer: &buffer) == .preface(Preface(major: 2, minor: 7)))
        #expect(!Preface(major: 2, minor: 7).isCompatible(with: .current))
        #expect(Preface(major: 1, minor: 9).isCompatible(with: .current))
    }
}
