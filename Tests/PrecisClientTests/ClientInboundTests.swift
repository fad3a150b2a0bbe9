import NIOCore
import PrecisClient
import PrecisWire
import Testing

/// What the client makes of what a server sends, as values: every frame kind, and the ways a
/// broken server ends the connection.
@Suite struct ClientInboundTests {
    func frame(_ response: Response) throws -> InboundFrame {
        var buffer = ByteBuffer()
        try buffer.writeFrame(response)
        buffer.moveReaderIndex(forwardBy: 4)
        return .frame(buffer)
    }

    @Test func answersGoToTheirCall() throws {
        var inbound = ClientInbound()
        #expect(inbound.receive(.preface(.current)) == .none)
        #expect(inbound.sawPreface)
        let answer = Response(id: 9, body: .ping(PingResponse(payload: [1, 2])))
        #expect(inbound.receive(try frame(answer)) == .answer(id: 9, answer))
        let refusal = Response(id: 10, status: Status(code: .resourceExhausted, message: "full"))
        #expect(inbound.receive(try frame(refusal)) == .answer(id: 10, refusal))
    }

    @Test func connectionLevelMessages() throws {
        var inbound = ClientInbound()
        #expect(inbound.receive(try frame(Response(id: 0, body: .goAway(GoAway(reason: "bye"))))) == .goAway)
        #expect(inbound.receive(try frame(Response(id: 0, status: Status(code: .ok, message: "")))) == .none)
        guard case .fatal(let error) = inbound.receive(try frame(Response(id: 0, status: Status(code: .unavailable, message: "too many connections")))) else {
            Issue.record("a connection-level refusal must end the connection")
            return
        }
        #expect(error.origin == .server)
        #expect(error.message == "too many connections")
    }

    @Test func aPeerThatIsNotPrecisEndsTheConnection() {
        var inbound = ClientInbound()
        guard case .fatal(let error) = inbound.receive(.invalidPreface(ByteBuffer(string: "HTTP/1.1 400"))) else {
            Issue.record("not fatal")
            return
        }
        #expect(error.origin == .notPrecis)
        #expect(!inbound.sawPreface)
    }

    @Test func anotherProtocolVersionEndsTheConnection() {
        var inbound = ClientInbound()
        guard case .fatal(let error) = inbound.receive(.preface(Preface(major: Preface.current.major + 1, minor: 0))) else {
            Issue.record("not fatal")
            return
        }
        #expect(error.code == .failedPrecondition)
        #expect(error.origin == .notPrecis)
    }

    @Test func garbageAndOversizedFramesEndTheConnection() {
        var inbound = ClientInbound()
        guard case .fatal(let garbage) = inbound.receive(.frame(ByteBuffer(bytes: [0xFF, 0xFF, 0xFF]))) else {
            Issue.record("garbage accepted")
            return
        }
        #expect(garbage.code == .internal)
        guard case .fatal(let oversized) = inbound.receive(.oversizedFrame(length: 1 << 30, limit: 1 << 20)) else {
            Issue.record("oversized accepted")
            return
        }
        #expect(oversized.code == .resourceExhausted)
    }
}
