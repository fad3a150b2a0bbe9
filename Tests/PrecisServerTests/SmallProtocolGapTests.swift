import NIOCore
import NIOEmbedded
import PrecisWire
import Testing

@testable import PrecisServer

/// Small gaps the hostile-client review found: the id of a request whose id comes after an
/// invalid string, and a metrics client that sends half a request.
@Suite struct SmallProtocolGapTests {
    @Test func anInvalidStringBeforeTheIDStillGetsAnAnswerWithTheID() {
        // Request{parse{document{text: FF}}, id: 45}, with the id encoded last.
        let bytes: [UInt8] = [0x62, 0x05, 0x0A, 0x03, 0x0A, 0x01, 0xFF, 0x08, 45]
        do {
            _ = try Request(decoding: ByteBuffer(bytes: bytes))
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.requestID == 45)
        }
    }

    @Test func aMalformedFrameWithoutAnIDStillGetsIDZero() {
        // An invalid string and then a truncated field: no id to be found.
        let bytes: [UInt8] = [0x62, 0x05, 0x0A, 0x03, 0x0A, 0x01, 0xFF, 0x08]
        do {
            _ = try Request(decoding: ByteBuffer(bytes: bytes))
            Issue.record("malformed frame accepted")
        } catch {
            #expect(error.requestID == 0)
        }
    }

    @Test func aRequestOfTooManyTinyUnknownFieldsIsRefusedBeforeProtobufCSeesIt() {
        // Request{id: 12, 12,000 × field 1000 = 0, ping{}}: just past the limit (the frames that
        // stalled the I/O thread held a million and more).
        var bytes: [UInt8] = [0x08, 12]
        bytes.reserveCapacity(40_000)
        for _ in 0..<12_000 { bytes.append(contentsOf: [0xC0, 0x3E, 0x00]) }
        bytes += [0x52, 0x00]
        do {
            _ = try Request(decoding: ByteBuffer(bytes: bytes))
            Issue.record("a million fields accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.requestID == 12)
            #expect(error.message.contains("\(Request.maxFields) fields"))
        }
    }

    @Test func aFewUnknownFieldsAreStillIgnored() throws {
        var bytes: [UInt8] = [0x08, 12]
        for _ in 0..<100 { bytes += [0xC0, 0x3E, 0x00] }
        bytes += [0x52, 0x00]
        let request = try Request(decoding: ByteBuffer(bytes: bytes))
        #expect(request.id == 12)
        #expect(request.operation == .ping(PingRequest()))
    }

    @Test func responsesHaveNoFieldLimit() throws {
        // A client decodes answers with more fields than a request may have (tokens).
        let tokens = (0..<20_000).map { Token(start: UInt32($0), end: UInt32($0 + 1)) }
        var buffer = ByteBuffer()
        try buffer.writeFrame(Response(id: 1, body: .parse(ParseResponse(tokens: tokens))))
        buffer.moveReaderIndex(forwardBy: 4)  // the frame's length
        let response = try Response(decoding: buffer)
        guard case .parse(let parse)? = response.body else {
            Issue.record("expected a parse answer")
            return
        }
        #expect(parse.tokens.count == 20_000)
    }

    @Test func aPartialMetricsRequestIsAnswered408AndClosed() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(MetricsRequestTimer(timeout: .seconds(5)))
        try channel.connect(to: .init(ipAddress: "127.0.0.1", port: 1)).wait()
        try channel.writeInbound(ByteBuffer(string: "GET /metr"))
        channel.embeddedEventLoop.advanceTime(by: .seconds(4))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
        let answer = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(String(buffer: answer).hasPrefix("HTTP/1.1 408 "))
        _ = try? channel.finish()
    }

    @Test func aMetricsRequestAnsweredInTimeKeepsItsConnection() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(MetricsRequestTimer(timeout: .seconds(5)))
        try channel.connect(to: .init(ipAddress: "127.0.0.1", port: 1)).wait()
        try channel.writeInbound(ByteBuffer(string: "GET /metrics HTTP/1.1\r\n\r\n"))
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        try channel.writeOutbound(ByteBuffer(string: "HTTP/1.1 200 OK\r\n"))  // the answer starts
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(channel.isActive)
        _ = try? channel.finish()
    }
}
