import PrecisCLIKit
import Testing

@Suite struct JSONLRecordTests {
    func read(_ line: String) -> Result<JSONLRecord, JSONLRecord.Problem> {
        Array(line.utf8).withUnsafeBufferPointer { JSONLRecord.read($0, number: 7) }
    }

    @Test func readsTextIdAndFormat() throws {
        let record = try read(#"  {"format":"html", "id" : {"a": [1, "}"]}, "text":"a\"b\\c\/d\n\u00e9\ud83d\ude00", "x": 1e-3 } "#).get()
        #expect(record.id == #"{"a": [1, "}"]}"#)
        #expect(record.text == "a\"b\\c/d\né😀")
        #expect(record.format == "html")
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try read(#"{"text":"x\ud800y\udc00z\ud800\u0041"}"#).get().text == "x\u{FFFD}y\u{FFFD}z\u{FFFD}A")
    }

    @Test func theLastOfARepeatedMemberCounts() throws {
        #expect(try read(#"{"text":"one","text":"two","id":1,"id":2}"#).get() == JSONLRecord(id: "2", text: "two", format: nil))
    }

    @Test(arguments: [
        (#"{"id":1,"text":"a"} x"#, "1", "text after the JSON object"),
        (#"{"id":1,"text":"a",}"#, "1", "expected a string key"),
        (#"{"id":1,"text":"a"#, "1", "unterminated string"),
        (#"{"id":01,"text":"a"}"#, "null", "expected , or }"),
        (#"{"id":[1,,2],"text":"a"}"#, "null", "unexpected character"),
        (#"{"id":tru,"text":"a"}"#, "null", "invalid literal"),
        (#"{"id":1,"text":"a\q"}"#, "1", "invalid escape"),
        ("{\"id\":1,\"text\":\"a\tb\"}", "1", "control character"),
        (#"{"id":1}"#, "1", "no string field \"text\""),
        (#"{"id":1,"text":null}"#, "1", "no string field \"text\""),
        (#"{"id":1,"text":"a","format":3}"#, "1", "\"format\" must be a string"),
        (#"["id",1]"#, "null", "expected a JSON object"),
        (#""#, "null", "unexpected end of line"),
    ])
    func rejectsWithAMessageAndTheIdWhenKnown(line: String, id: String, message: String) {
        guard case .failure(let problem) = read(line) else {
            Issue.record("\(line) was accepted")
            return
        }
        #expect(problem.id == id)
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.message.contains("line 7"))
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let deep = "{\"id\":" + String(repeating: "[", count: 2_000_000) + ",\"text\":\"a\"}"
        guard case .failure(let problem) = read(deep) else {
            Issue.record("accepted")
            return
        }
        #expect(problem.message.contains("not a JSON object"))
        let balanced = "{\"id\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + ",\"text\":\"a\"}"
        #expect((try? read(balanced).get().text) == "a")
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = Array(#"{"text":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8)  // an encoded surrogate
        let result = bytes.withUnsafeBufferPointer { JSONLRecord.read($0, number: 1) }
        guard case .failure(let problem) = result else {
            Issue.record("accepted")
            return
        }
        #expect(problem.message == "line 1 is not valid UTF-8")
    }
}

@Suite struct UTF8CheckTests {
    func accepts(_ bytes: [UInt8]) -> Bool {
        let line = Array(#"{"text":""#.utf8) + bytes + Array(#""}"#.utf8)
        return line.withUnsafeBufferPointer { if case .success = JSONLRecord.read($0, number: 1) { true } else { false } }
    }

    @Test func wellFormedSequencesPassAtEveryOffset() {
        for padding in 0..<10 {
            let ascii = Array(repeating: UInt8(ascii: "a"), count: padding)
            for scalar in ["é", "€", "😀", "\u{10FFFF}", "\u{7F}"] {
                #expect(accepts(ascii + Array(scalar.utf8) + ascii), "\(scalar) after \(padding) bytes")
            }
        }
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func malformedSequencesFailAtEveryOffset(bad: [UInt8]) {
        for padding in 0..<10 {
            let ascii = Array(repeating: UInt8(ascii: "a"), count: padding)
            #expect(!accepts(ascii + bad + ascii), "\(bad) after \(padding) bytes")
        }
    }
}
