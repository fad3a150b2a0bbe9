import NIOCore
import PrecisClient
import PrecisWire
import Synchronization
import Testing

/// Each kind of garbage gets its documented answer (or close), the server says so in one log
/// line, and a well-behaved client on another connection keeps being served throughout.
@Suite struct MalformedInputTests {
    typealias Case = (name: String, logLines: Int, run: @Sendable (inout RawConnectionIO) async throws -> Void)

    private static func open(_ io: inout RawConnectionIO) async throws {
        try await io.sendPreface()
        #expect(try await io.expectServerPreface() == .current)
    }

    private static func expectAnswer(_ io: inout RawConnectionIO, _ code: StatusCode, id: UInt64) async throws {
        let answer = try #require(try await io.readResponse())
        #expect(answer.status?.code == code)
        #expect(answer.id == id)
    }

    private static func expectStillServed(_ io: inout RawConnectionIO) async throws {
        try await io.send(Request(id: 99, operation: .ping(PingRequest(payload: [1]))))
        let answer = try #require(try await io.readResponse())
        #expect(answer.id == 99 && (answer.status?.code ?? .ok) == .ok)
    }

    /// `summarize` with raw bytes as the document text (for invalid UTF-8 and NUL).
    private static func summarizeFrame(id: UInt8, text: [UInt8]) -> [UInt8] {
        let document: [UInt8] = [0x0A, UInt8(text.count)] + text
        let summarize: [UInt8] = [0x0A, UInt8(document.count)] + document
        return [0x08, id, 0x6A, UInt8(summarize.count)] + summarize
    }

    static let cases: [Case] = [
        ("random bytes", 1, { io in
            var generator = SystemRandomNumberGenerator()
            let bytes = [0x01] + (0..<63).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try await io.send(bytes)
            #expect(try await io.readToEnd().isEmpty)
        }),
        ("truncated frame, then close", 1, { io in
            try await open(&io)
            try await io.send([0, 0, 0, 50] + [UInt8](repeating: 0x08, count: 10))
            io.outbound.finish()
            _ = try await io.readToEnd()
        }),
        ("over-limit length", 1, { io in
            try await open(&io)
            try await io.send([0x7F, 0xFF, 0xFF, 0xFF])
            try await expectAnswer(&io, .resourceExhausted, id: 0)
            #expect(try await io.readToEnd().isEmpty)
        }),
        ("zero-length frame", 1, { io in
            try await open(&io)
            try await io.sendFrame([])
            try await expectAnswer(&io, .invalidArgument, id: 0)
            try await expectStillServed(&io)
        }),
        ("valid frame, garbage protobuf", 1, { io in
            try await open(&io)
            try await io.sendFrame([0xFF, 0xFF, 0xFF, 0x0F, 0x42])
            try await expectAnswer(&io, .invalidArgument, id: 0)
            try await expectStillServed(&io)
        }),
        ("unknown operation", 1, { io in
            try await open(&io)
            try await io.sendFrame([0x08, 0x05, 0x9A, 0x06, 0x00])  // id 5, field 99
            try await expectAnswer(&io, .unimplemented, id: 5)
            try await expectStillServed(&io)
        }),
        ("missing document", 1, { io in
            try await open(&io)
            try await io.send(Request(id: 6, operation: .parse(ParseRequest())))
            try await expectAnswer(&io, .invalidArgument, id: 6)
        }),
        ("no operation", 1, { io in
            try await open(&io)
            try await io.send(Request(id: 4))
            try await expectAnswer(&io, .invalidArgument, id: 4)
        }),
        ("invalid UTF-8", 1, { io in
            try await open(&io)
            try await io.sendFrame(summarizeFrame(id: 17, text: [0x61, 0xC3, 0x28]))
            try await expectAnswer(&io, .invalidArgument, id: 17)
            try await expectStillServed(&io)
        }),
        ("embedded NUL", 1, { io in
            try await open(&io)
            try await io.sendFrame(summarizeFrame(id: 18, text: [0x61, 0x00, 0x62]))
            try await expectAnswer(&io, .invalidArgument, id: 18)
        }),
        ("wrong preface", 1, { io in
            try await io.send(Array("HELLO123".utf8))
            #expect(try await io.readToEnd().isEmpty)
        }),
        ("wrong version", 1, { io in
            try await io.sendPreface(Preface(major: 9, minor: 0))
            #expect(try await io.expectServerPreface() == .current)
            try await expectAnswer(&io, .failedPrecondition, id: 0)
            #expect(try await io.readToEnd().isEmpty)
        }),
        ("HTTP request", 1, { io in
            try await io.send(Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
            let text = String(decoding: try await io.readToEnd(), as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            #expect(text.contains("Precis binary protocol"))
        }),
        ("TLS ClientHello", 1, { io in
            try await io.send([0x16, 0x03, 0x01, 0x00, 0xF1, 0x01, 0x00, 0x00, 0xED, 0x03, 0x03] + [UInt8](repeating: 0x2A, count: 32))
            #expect(try await io.readToEnd().isEmpty)
        }),
        ("10k requests with the same id", 0, { io in
            try await open(&io)
            var frames = ByteBuffer()
            for _ in 0..<10_000 { try frames.writeFrame(Request(id: 7, operation: .ping(PingRequest(payload: [7])))) }
            try await io.send(Array(frames.readableBytesView))
            for _ in 0..<10_000 {  // a ping is answered as it is read, so the id is free again each time
                let answer = try #require(try await io.readResponse())
                #expect(answer.id == 7 && (answer.status?.code ?? .ok) == .ok)
            }
        }),
        ("request id reused while in flight", 1, { io in
            try await open(&io)
            let big = String(repeating: "Another sentence about the council and its bridge. ", count: 1000)  // under 64 KiB
            let slow = Request(id: 5, operation: .summarize(SummarizeRequest(document: Document(big))))
            var both = ByteBuffer()
            try both.writeFrame(slow)
            try both.writeFrame(slow)
            try await io.send(Array(both.readableBytesView))
            let first = try #require(try await io.readResponse())
            let second = try #require(try await io.readResponse())
            let codes = [first.status?.code ?? .ok, second.status?.code ?? .ok]
            #expect(codes.contains(.ok) && codes.contains(.invalidArgument))
        }),
    ]

    @Test func everyCaseGetsItsAnswerAndOneLogLineWhileOthersAreServed() async throws {
        let logs = LogCapture()
        try await withTestServer(logger: logs.logger, { $0.maxFrameBytes = 64 << 10 }) { port in
            let client = testClient(port: port, connections: 1)
            let stop = Atomic<Bool>(false)
            let bystander = Task { () -> (Int, Int64) in
                var served = 0
                var slowest: Int64 = 0
                while !stop.load(ordering: .relaxed) {
                    let started = NIODeadline.now()
                    _ = try await client.ping([7])
                    slowest = max(slowest, (NIODeadline.now() - started).nanoseconds)
                    served += 1
                }
                return (served, slowest)
            }
            for testCase in Self.cases {
                let before = logs.count
                try await RawConnection.withConnection(port: port) { io in try await testCase.run(&io) }
                let lines = testCase.logLines == 0 ? Array(logs.snapshot().dropFirst(before)) : await logs.linesAfter(before)
                #expect(lines.count == testCase.logLines, "\(testCase.name): \(lines)")
            }
            stop.store(true, ordering: .relaxed)
            let (served, slowest) = try await bystander.value  // throws if any of its pings failed
            #expect(served > 0)
            print("malformed-input matrix: bystander served \(served) pings, slowest \(slowest / 1000) µs")
            await client.close()
        }
    }
}
