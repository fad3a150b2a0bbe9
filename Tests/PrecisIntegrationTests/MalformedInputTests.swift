import NIOCore
import PrecisClient
import PrecisWire
import Synchronization
import Testing

/// Each kind of garbage gets its documented answer, and a well-behaved client on another
/// connection keeps being served throughout.
@Suite struct MalformedInputTests {
    private func pingRequest(id: UInt64) -> Request {
        Request(id: id, operation: .ping(PingRequest(payload: [1, 2, 3])))
    }

    @Test func everyMalformedCaseGetsItsAnswerWhileOthersAreServed() async throws {
        try await withTestServer({ $0.maxFrameBytes = 64 << 10 }) { port in
            let client = testClient(port: port, connections: 1)
            let stop = Atomic<Bool>(false)
            let bystander = Task {
                var served = 0
                while !stop.load(ordering: .relaxed) {
                    _ = try await client.ping([7])
                    served += 1
                }
                return served
            }

            // Garbage bytes in a frame: INVALID_ARGUMENT with id 0, connection stays usable.
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                #expect(try await io.expectServerPreface() == .current)
                try await io.sendFrame([0xFF, 0xFF, 0xFF, 0x0F, 0x42])
                let answer = try #require(try await io.readResponse())
                #expect(answer.id == 0)
                #expect(answer.status?.code == .invalidArgument)
                try await io.send(pingRequest(id: 9))
                #expect(try await io.readResponse()?.status?.code ?? .ok == .ok)
            }

            // Invalid UTF-8 and a NUL in the document: INVALID_ARGUMENT with the request's id.
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                _ = try await io.expectServerPreface()
                let text: [UInt8] = [0x61, 0xC3, 0x28]
                let document: [UInt8] = [0x0A, UInt8(text.count)] + text
                let parse: [UInt8] = [0x0A, UInt8(document.count)] + document
                try await io.sendFrame([0x08, 0x11, 0x62, UInt8(parse.count)] + parse)  // id 17, parse = 12
                let answer = try #require(try await io.readResponse())
                #expect(answer.id == 17)
                #expect(answer.status?.code == .invalidArgument)
                #expect(answer.status?.message.contains("UTF-8") == true)
            }

            // A request with no operation, and one with id 0.
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                _ = try await io.expectServerPreface()
                try await io.send(Request(id: 4))
                let none = try #require(try await io.readResponse())
                #expect(none.id == 4)
                #expect(none.status?.code == .invalidArgument)
                try await io.send(Request(id: 0, operation: .ping(PingRequest())))
                #expect(try await io.readResponse()?.status?.code == .invalidArgument)
            }

            // An over-limit length: RESOURCE_EXHAUSTED, then the server closes.
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                _ = try await io.expectServerPreface()
                try await io.send([0x7F, 0xFF, 0xFF, 0xFF])
                let answer = try #require(try await io.readResponse())
                #expect(answer.status?.code == .resourceExhausted)
                #expect(try await io.readToEnd().isEmpty)
                #expect(io.closedByPeer)
            }

            // An HTTP request: one HTTP/1.1 400 that says what the port is, then a close.
            try await RawConnection.withConnection(port: port) { io in
                try await io.send(Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
                let text = String(decoding: try await io.readToEnd(), as: UTF8.self)
                #expect(text.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
                #expect(text.contains("Precis binary protocol"))
            }

            // A wrong preface: closed without an answer.
            try await RawConnection.withConnection(port: port) { io in
                try await io.send(Array("HELLO123".utf8))
                #expect(try await io.readToEnd().isEmpty)
            }

            // An unsupported major version: our preface, FAILED_PRECONDITION, close.
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface(Preface(major: 9, minor: 0))
                #expect(try await io.expectServerPreface() == .current)
                let answer = try #require(try await io.readResponse())
                #expect(answer.status?.code == .failedPrecondition)
                #expect(try await io.readToEnd().isEmpty)
            }

            // A request id reused while in flight: the second is refused, the first answered.
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                _ = try await io.expectServerPreface()
                let big = String(repeating: "Another sentence about the council and its bridge. ", count: 1000)  // under the 64 KiB limit
                let slow = Request(id: 5, operation: .summarize(SummarizeRequest(document: Document(big))))
                var both = ByteBuffer()
                try both.writeFrame(slow)
                try both.writeFrame(slow)
                try await io.send(Array(both.readableBytesView))
                let first = try #require(try await io.readResponse())
                let second = try #require(try await io.readResponse())
                let codes = [first.status?.code ?? .ok, second.status?.code ?? .ok]
                #expect(codes.contains(.ok))
                #expect(codes.contains(.invalidArgument))
            }

            stop.store(true, ordering: .relaxed)
            let served = try await bystander.value
            #expect(served > 0)
            await client.close()
        }
    }
}
