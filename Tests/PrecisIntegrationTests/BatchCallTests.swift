import NIOCore
import NIOPosix
import PrecisClient
import PrecisWire
import Testing

/// `PrecisClient.callBatch`: many calls in one write, every answer in the caller's order, each
/// call failing alone.
@Suite struct BatchCallTests {
    @Test func answersComeBackInTheOrderOfTheCalls() async throws {
        try await withTestServer { port in
            let client = testClient(port: port, connections: 1)
            let payloads = (0..<200).map { index in (0..<(index % 7) * 100).map { UInt8(truncatingIfNeeded: index &+ $0) } }
            let answers = await client.callBatch(payloads.map { .ping(PingRequest(payload: $0)) })
            await client.close()
            #expect(answers.count == payloads.count)
            for (answer, payload) in zip(answers, payloads) {
                let response = try answer.result.get()
                guard case .ping(let pong)? = response.body else {
                    Issue.record("not a ping answer: \(response)")
                    continue
                }
                #expect(pong.payload == payload)
            }
        }
    }

    @Test func aBadCallFailsAloneAndTheOthersAreAnswered() async throws {
        try await withTestServer { port in
            let client = testClient(port: port, connections: 1)
            let answers = await client.callBatch([
                .ping(PingRequest(payload: [1, 2, 3])),
                // Cannot be encoded: never sent, INVALID_ARGUMENT from the client.
                .summarize(SummarizeRequest(document: Document(text: "a\u{0}b"))),
                // Sent, and refused by the server.
                .parse(ParseRequest(document: nil)),
                .summarize(SummarizeRequest(document: Document(text: Article.text), options: SummaryOptions(length: .sentences(2)))),
            ])
            await client.close()
            #expect(answers.count == 4)
            #expect(throws: Never.self) { try answers[0].result.get() }
            for index in [1, 2] {
                guard case .failure(let error) = answers[index].result else {
                    Issue.record("call \(index) should have failed")
                    continue
                }
                #expect(error.code == .invalidArgument)
            }
            let summary = try answers[3].result.get()
            guard case .summarize(let result)? = summary.body else {
                Issue.record("not a summary: \(summary)")
                return
            }
            #expect(result.sentences.count == 2)
        }
    }

    @Test func anEmptyBatchReturnsAtOnce() async throws {
        try await withTestServer { port in
            let client = testClient(port: port, connections: 1)
            let answers = await client.callBatch([])
            await client.close()
            #expect(answers.isEmpty)
        }
    }

    @Test func callsOfABatchMeetTheirDeadline() async throws {
        // A peer that answers the preface and nothing else.
        let (server, port) = try await startPeer { PrefaceOnlyPeer() }
        let client = PrecisClient(host: "127.0.0.1", port: port, configuration: .init(connections: 1, retryOnConnectionLoss: false))
        let sent = ContinuousClock.now
        let answers = await client.callBatch(Array(repeating: .ping(PingRequest()), count: 5), timeout: .milliseconds(300))
        await client.close()
        try await server.close()
        // Loose: parallel tests can starve the thread pool for seconds.
        #expect(ContinuousClock.now - sent < .seconds(25))
        #expect(failureCodes(answers) == Array(repeating: .deadlineExceeded, count: 5))
    }

    @Test func aLostConnectionFailsEveryCallOfTheBatch() async throws {
        // A peer that answers the preface and closes the connection on the first frame.
        let (server, port) = try await startPeer { PrefaceOnlyPeer(closeOnData: true) }
        let client = PrecisClient(host: "127.0.0.1", port: port, configuration: .init(connections: 1, retryOnConnectionLoss: false))
        let answers = await client.callBatch(Array(repeating: .ping(PingRequest()), count: 5), timeout: .seconds(10))
        await client.close()
        try await server.close()
        #expect(failureCodes(answers) == Array(repeating: .unavailable, count: 5))
    }
}

/// Answers the preface; then either ignores every byte or closes the connection.
private final class PrefaceOnlyPeer: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let closeOnData: Bool
    var received = 0

    init(closeOnData: Bool = false) {
        self.closeOnData = closeOnData
    }

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: Preface.byteCount)
        Preface.current.write(to: &buffer)
        context.writeAndFlush(NIOAny(buffer), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The preface comes first; a frame follows in the same or a later read.
        received += unwrapInboundIn(data).readableBytes
        if closeOnData && received > Preface.byteCount { context.close(promise: nil) }
    }
}
