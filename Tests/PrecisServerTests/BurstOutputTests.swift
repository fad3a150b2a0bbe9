import NIOCore
import PrecisWire
import Testing

@testable import PrecisServer

@Suite struct BurstOutputTests {
    private func ping(_ id: UInt64, bytes: Int) -> Response {
        Response(id: id, status: Status(code: .ok), body: .ping(PingResponse(payload: [UInt8](repeating: UInt8(id % 251), count: bytes))))
    }

    /// Reads the frames back out of what the burst wrote.
    private func decode(_ buffer: ByteBuffer) throws -> [Response] {
        var buffer = buffer
        var responses: [Response] = []
        while let length = buffer.readInteger(as: UInt32.self) {
            let slice = buffer.readSlice(length: Int(length))
            let payload = try #require(slice)
            responses.append(try Response(decoding: payload))
        }
        #expect(buffer.readableBytes == 0)
        return responses
    }

    @Test func answersComeOutInOrderInOneBuffer() throws {
        var output = BurstOutput()
        #expect(output.isEmpty)
        for id in 1...5 {
            let flushNow = output.append(ping(UInt64(id), bytes: 8), allocator: ByteBufferAllocator(), expectedBytes: 100)
            #expect(!flushNow)
        }
        let taken = output.take()
        let written = try #require(taken)
        #expect(try decode(written).map(\.id) == [1, 2, 3, 4, 5])
        #expect(output.isEmpty)
        let again = output.take()
        #expect(again == nil)
    }

    @Test func aLongBurstAsksForAFlushEverySixteenAnswers() {
        var output = BurstOutput()
        var flushes: [Int] = []
        for id in 1...40 where output.append(ping(UInt64(id), bytes: 8), allocator: ByteBufferAllocator(), expectedBytes: 0) {
            flushes.append(id)
            _ = output.take()
        }
        #expect(flushes == [16, 32])
    }

    @Test func largeAnswersAskForAFlushByBytes() throws {
        var output = BurstOutput()
        // 10 KB answers: the fourth one takes the buffer past 32 KB.
        var asked = 0
        for id in 1...4 {
            if output.append(ping(UInt64(id), bytes: 10_000), allocator: ByteBufferAllocator(), expectedBytes: 40_000) { asked = id }
        }
        #expect(asked == 4)
        let taken = output.take()
        let responses = try decode(try #require(taken))
        #expect(responses.count == 4)
        if case .ping(let pong)? = responses[3].body { #expect(pong.payload.count == 10_000) } else { Issue.record("not a ping") }
    }
}
