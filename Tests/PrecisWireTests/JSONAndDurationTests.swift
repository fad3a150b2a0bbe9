import NIOCore
import PrecisWire
import Testing

@Suite struct JSONTests {
    @Test func proto3MappingRules() {
        let response = Response(id: 1 << 40, status: Status(code: .invalidArgument, message: "a \"quoted\"\nline"), body: .ping(PingResponse(payload: [0xFF, 0x00, 0x41])))
        #expect(
            response.jsonString()
                == #"{"id":"1099511627776","status":{"code":"INVALID_ARGUMENT","message":"a \"quoted\"\nline"},"ping":{"payload":"/wBB"}}"#
        )
    }

    @Test func defaultsAreLeftOutAndNamesAreLowerCamelCase() {
        let sentence = Sentence(start: 0, end: 5, paragraph: 0, firstToken: 2, tokenCount: 0)
        #expect(sentence.jsonString() == #"{"end":5,"firstToken":2}"#)
        let parse = ParseResponse(title: "T", titleSpan: Span(start: 1, end: 2))
        #expect(parse.jsonString() == #"{"title":"T","titleSpan":{"start":1,"end":2}}"#)
        #expect(ParseOptions().jsonString() == "{}")
    }

    @Test func oneofMemberIsWrittenEvenWhenZero() {
        #expect(SummaryOptions(length: .sentences(0)).jsonString() == #"{"sentences":0}"#)
    }

    @Test func floatsAndUnknownEnums() {
        let q = Quantity(kind: .unrecognized(77), value: 3.5e9)
        #expect(q.jsonString() == #"{"kind":77,"value":3500000000}"#)
        #expect(Keyphrase(score: 0.25).jsonString() == #"{"score":0.25}"#)
    }

    @Test func prettyOutputIndents() {
        let text = Status(code: .ok, message: "fine").jsonString(pretty: true)
        #expect(text == "{\n  \"message\": \"fine\"\n}")
    }
}

@Suite struct DurationTests {
    @Test(arguments: [
        ("500ms", TimeAmount.milliseconds(500)), ("5s", .seconds(5)), ("2m", .minutes(2)), ("1h", .hours(1)),
        ("250us", .microseconds(250)), ("1.5", .milliseconds(1500)), ("0.5s", .milliseconds(500)), ("0", .zero),
    ])
    func parses(_ text: String, _ expected: TimeAmount) {
        #expect(TimeAmount(parsing: text) == expected)
    }

    @Test(arguments: ["", "s", "5 sec", "-1s", "1d", "abc", "1e300s"])
    func rejects(_ text: String) {
        #expect(TimeAmount(parsing: text) == nil)
    }

    @Test func humanReadable() {
        #expect(TimeAmount.seconds(90).humanReadable == "90s")
        #expect(TimeAmount.minutes(2).humanReadable == "2m")
        #expect(TimeAmount.milliseconds(1500).humanReadable == "1500ms")
    }
}
