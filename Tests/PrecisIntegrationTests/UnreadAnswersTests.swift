import NIOCore
import NIOPosix
import PrecisClient
import PrecisWire
import Testing

/// A client that sends requests with large answers and does not read them: the server sends the
/// first answer and replaces the others by RESOURCE_EXHAUSTED instead of holding them.
@Suite struct UnreadAnswersTests {
    @Test func answersPastTheUnreadBudgetAreRefusedWithTheirIDs() async throws {
        try await withTestServer({ $0.maxUnreadBytesPerConnection = 64 << 10 }) { port in
            // 400 KB of one-byte tokens: a parse with tokens answers with about 5 MB, more than
            // the socket buffers of a peer that does not read take (up to 4 MiB on loopback).
            let text = String(repeating: "a|", count: 200_000)
            let peer = try await NonReadingPeer.connect(port: port)
            var bytes = ByteBuffer()
            Preface.current.write(to: &bytes)
            for id in 1...4 {
                let parse = ParseRequest(document: PrecisWire.Document(text: text), options: ParseOptions(includeTokens: true))
                try bytes.writeFrame(Request(id: UInt64(id), timeoutMs: 60_000, operation: .parse(parse)))
            }
            try await peer.channel.writeAndFlush(bytes)
            // Wait until all four are answered (in_flight counts this info request too).
            let observer = testClient(port: port, connections: 1)
            var answered = false
            for _ in 0..<600 where !answered {
                answered = try await observer.info().inFlight == 1
                if !answered { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(answered)
            await observer.close()
            let responses = try await peer.readResponses(4)
            #expect(responses.map(\.id).sorted() == [1, 2, 3, 4])  // each answered once
            // The kernel takes some megabytes of a peer that does not read (loopback buffers are
            // large), so how many answers go out before the budget bites varies; never all.
            let codes = responses.map { $0.status?.code ?? .ok }
            #expect(codes.contains(.ok))
            #expect(codes.contains(.resourceExhausted))
            #expect(codes.allSatisfy { $0 == .ok || $0 == .resourceExhausted })
            try await peer.channel.close()
        }
    }
}

/// A connection whose socket is not read (autoRead off, a small receive buffer) until
/// `readResponses` is called, so that the server's answers back up in its write buffer.
struct NonReadingPeer {
    let channel: any Channel

    static func connect(port: Int) async throws -> NonReadingPeer {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.autoRead, value: false)
            .channelOption(.socketOption(.so_rcvbuf), value: 4096)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(ResponseCollector()) }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
        return NonReadingPeer(channel: channel)
    }

    /// Starts reading and returns the first `count` responses after the server's preface.
    func readResponses(_ count: Int) async throws -> [Response] {
        let future = channel.eventLoop.flatSubmit {
            let collector = try! channel.pipeline.syncOperations.handler(type: ResponseCollector.self)
            return collector.wait(for: count, eventLoop: channel.eventLoop)
        }
        try await channel.setOption(.autoRead, value: true).get()
        channel.read()
        return try await future.get()
    }
}

final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private var bytes = ByteBuffer()
    private var prefaceSeen = false
    private var responses: [Response] = []
    private var waiter: (count: Int, promise: EventLoopPromise<[Response]>)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        bytes.writeBuffer(&chunk)
        if !prefaceSeen, bytes.readableBytes >= Preface.byteCount {
            bytes.moveReaderIndex(forwardBy: Preface.byteCount)
            prefaceSeen = true
        }
        while prefaceSeen, let length = bytes.getInteger(at: bytes.readerIndex, as: UInt32.self),
            bytes.readableBytes >= 4 + Int(length)
        {
            bytes.moveReaderIndex(forwardBy: 4)
            let payload = bytes.readSlice(length: Int(length))!
            // Only the envelope (id, status): decoding megabytes of tokens in a debug build would
            // hold this event loop, which other tests share, for seconds.
            if let response = try? Response(decoding: Self.envelope(of: payload)) { responses.append(response) }
        }
        check()
    }

    /// The leading fields of a response numbered below 10 (id, status, server time): protobuf-c
    /// writes fields in order, so the body (10 and up) is cut off whole.
    static func envelope(of payload: ByteBuffer) -> ByteBuffer {
        var reader = payload
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while let byte = reader.readInteger(as: UInt8.self) {
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while reader.readableBytes > 0 {
            let start = reader.readerIndex
            guard let tag = varint(), tag >> 3 < 10 else {
                return payload.getSlice(at: payload.readerIndex, length: start - payload.readerIndex)!
            }
            switch tag & 7 {
            case 0: _ = varint()
            case 2: reader.moveReaderIndex(forwardBy: Int(varint() ?? 0))
            default: return payload
            }
        }
        return payload
    }

    func channelInactive(context: ChannelHandlerContext) {
        waiter?.promise.succeed(responses)
        waiter = nil
    }

    func wait(for count: Int, eventLoop: any EventLoop) -> EventLoopFuture<[Response]> {
        let promise = eventLoop.makePromise(of: [Response].self)
        waiter = (count, promise)
        check()
        return promise.futureResult
    }

    private func check() {
        guard let waiter, responses.count >= waiter.count else { return }
        self.waiter = nil
        waiter.promise.succeed(responses)
    }
}
