import NIOCore
import PrecisClient
import PrecisWire
import PropertyBased
import Testing

/// The client's response handling over generated answers: any mix of answers, going-away
/// notices and refusals, cut into reads at any boundaries, arrives whole and in order; garbage
/// after the preface ends the connection without a trap.
@Suite struct ClientInboundPropertyTests {
    static func response(kind: Int, index: Int) -> Response {
        let id = UInt64(index + 1)
        switch kind {
        case 0: return Response(id: id, body: .ping(PingResponse(payload: Array(repeating: UInt8(index & 0xFF), count: index % 40))))
        case 1: return Response(id: id, status: Status(code: .resourceExhausted, message: "busy \u{1F600} \(index)"))
        case 2:
            let sentence = SummarySentence(start: 0, end: UInt32(index), index: 1, score: 0.5, text: "Zoë said \"hi\" \u{05E9}")
            return Response(id: id, serverMicros: UInt64(index), body: .summarize(SummarizeResponse(sentences: [sentence])))
        case 3: return Response(id: 0, status: Status(code: .ok, message: ""))
        default: return Response(id: id, status: Status(code: .deadlineExceeded, message: String(repeating: "x", count: index % 300)))
        }
    }

    /// Feeds `stream` in reads of the given sizes (cycled) and returns every action.
    static func actions(_ stream: [UInt8], reads: [Int]) -> [ClientInbound.Action] {
        var decoder = PrecisFrameDecoder(maxFrameBytes: 1 << 20, expectPreface: true)
        var inbound = ClientInbound()
        var buffer = ByteBuffer()
        var actions: [ClientInbound.Action] = []
        var offset = 0
        var read = 0
        while offset < stream.count {
            let size = max(1, reads.isEmpty ? stream.count : reads[read % reads.count])
            read += 1
            buffer.writeBytes(stream[offset..<min(offset + size, stream.count)])
            offset += size
            while let frame = try? decoder.decode(buffer: &buffer) {
                let action = inbound.receive(frame)
                actions.append(action)
                if case .fatal = action { return actions }
            }
        }
        return actions
    }

    @Test func answersArriveWholeAndInOrderWhateverTheReads() async {
        await propertyCheck(input: Gen.int(in: 0...4).array(of: 0...60), Gen.int(in: 1...97).array(of: 1...8)) { kinds, reads in
            var stream = ByteBuffer()
            Preface.current.write(to: &stream)
            let responses = kinds.enumerated().map { Self.response(kind: $0.element, index: $0.offset) }
            for response in responses { try stream.writeFrame(response) }
            let got = Self.actions(Array(stream.readableBytesView), reads: reads)
            let expected: [ClientInbound.Action] = [.none] + responses.map { $0.id == 0 ? .none : .answer(id: $0.id, $0) }
            #expect(got == expected)
        }
    }

    @Test func garbageAfterThePrefaceFailsTheConnectionWithoutATrap() async {
        await propertyCheck(input: Gen.int(in: 0...255).array(of: 0...300), Gen.int(in: 1...50).array(of: 1...4)) { bytes, reads in
            let garbage = bytes.map { UInt8($0) }
            var stream = ByteBuffer()
            Preface.current.write(to: &stream)
            try stream.writeFrame(Self.response(kind: 0, index: 1))
            stream.writeBytes(garbage)
            let got = Self.actions(Array(stream.readableBytesView), reads: reads)
            #expect(got.count >= 2)
            #expect(got[1] == .answer(id: 2, Self.response(kind: 0, index: 1)))
            for action in got.dropFirst(2) {
                if case .answer(let id, _) = action { #expect(id != 0) }
            }
        }
    }
}
