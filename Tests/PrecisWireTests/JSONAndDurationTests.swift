import NIOCore
import PrecisWire
import Testing

@Suite struct JSONTests {
    @Test func proto3MappingRules() {
        let response = Response(id: 1 << 40, status: Status(code: .invalidArgument, message: "a \"quoted\"\nline"), body: .ping(PingResponse(payload: [0xFF, 0x00, 0x41])))
        #expect(
            response.jsonString()
                == #"{"id":"1099511627776","status":{"code":"INVALID_ARGUMENT","message":"a \"quoted\"\nline"},"serverMicros":"0","ping":{"payload":"/wBB"}}"#
        )
    }

    /// Every field without presence is written, defaults included, so readers always find them.
    @Test func defaultsAreWrittenAndNamesAreLowerCamelCase() {
        let sentence = Sentence(start: 0, end: 5, paragraph: 0, firstToken: 2, tokenCount: 0)
        #expect(sentence.jsonString() == #"{"start":0,"end":5,"paragraph":0,"firstToken":2,"tokenCount":0}"#)
        #expect(ParseOptions().jsonString() == #"{"includeTokens":false}"#)
        let parse = ParseResponse(title: "T", titleSpan: Span(start: 1, end: 2)).jsonString()
        #expect(parse.contains(#""title":"T","subtitle":"","#))
        #expect(parse.contains(#""titleSpan":{"start":1,"end":2}"#))
        #expect(parse.contains(#""paragraphs":[]"#))
        // Unset message fields are there too, as null: "every field present" (README) holds for the
        // spans of parts that were not found.
        for key in ["subtitleSpan", "bylineSpan", "sectionSpan", "datelineSpan", "publishedSpan", "stats", "language"] {
            #expect(parse.contains(#""\#(key)":null"#), "\(key) missing in \(parse)")
        }
        #expect(Caption(text: "c").jsonString().contains(#""span":null,"credit":"","creditSpan":null"#))
    }

    @Test func oneofMemberIsWrittenEvenWhenZero() {
        #expect(SummaryOptions(length: .sentences(0)).jsonString() == #"{"algorithm":"ALGORITHM_DEFAULT","sentences":0}"#)
        #expect(SummaryOptions().jsonString() == #"{"algorithm":"ALGORITHM_DEFAULT"}"#)
    }

    @Test func floatsAndUnknownEnums() {
        let q = Quantity(kind: .unrecognized(77), value: 3.5e9).jsonString()
        #expect(q.contains(#""kind":77"#))
        #expect(q.contains(#""value":3500000000"#))
        #expect(Keyphrase(score: 0.25).jsonString() == #"{"text":"","score":0.25,"spans":[]}"#)
    }

    @Test func prettyOutputIndents() {
        let text = Status(code: .ok, message: "fine").jsonString(pretty: true)
        #expect(text == "{\n  \"code\": \"OK\",\n  \"message\": \"fine\"\n}")
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
