import Foundation
import PrecisCLIKit
import PrecisClient
import PrecisWire
import PropertyBased
import Testing

/// The invariants of `--jsonl`, over generated inputs: one output line per non-blank input
/// line, in input order, starting with the input's id; an error line for every bad line; an
/// exit status that says whether lines failed; no trap, whatever the bytes.
@Suite struct JSONLBatchPropertyTests {
    /// One generated input line and what must come out for it.
    struct Case {
        var bytes: [UInt8]
        /// nil: a blank line, which gets no output.
        var expectedID: String?
        var fails = false
    }

    static func line(kind: Int, index: Int) -> Case {
        func json(_ text: String) -> [UInt8] { Array(text.utf8) }
        switch kind {
        case 0: return Case(bytes: json("{\"id\": \(index), \"text\": \"Line \(index) says hello.\"}"), expectedID: "\(index)")
        case 1:
            let id = "\"s-\(index) \\\"quoted\\\" \\u00e9 \u{1F600}\""
            return Case(bytes: json("{\"text\":\"Text \(index)\",\"id\":\(id)}"), expectedID: id)
        case 2: return Case(bytes: json("{\"text\": \"no id here\", \"other\": [1, {\"x\": null}]}"), expectedID: "null")
        case 3:
            let ids = ["{\"k\": [1, 2.5e3, true]}", "[null, false, \"a\"]", "-0.125", "true", "null", "{}", "[]"]
            let id = ids[index % ids.count]
            return Case(bytes: json("{\"id\":\(id),\"text\":\"id of another type\"}"), expectedID: id)
        case 4: return Case(bytes: json(String(repeating: " \t", count: index % 5 + 1)), expectedID: nil)
        case 5: return Case(bytes: [], expectedID: nil)
        case 6: return Case(bytes: json("{\"id\": \(index), \"text\": \"cut off"), expectedID: "\(index)", fails: true)
        case 7: return Case(bytes: json("{\"id\": \(index), \"text\": 42}"), expectedID: "\(index)", fails: true)
        case 8: return Case(bytes: json("{\"id\": \(index)}"), expectedID: "\(index)", fails: true)
        case 9:
            let text = "emoji \u{1F469}\u{200D}\u{1F52C} rtl \u{05E9}\u{05DC}\u{05D5}\u{05DD} combining e\u{0301} nul \\u0000 lone \\ud800 and \\udc00 pair \\ud83d\\ude00"
            return Case(bytes: json("{\"id\":\(index),\"text\":\"\(text)\"}"), expectedID: "\(index)")
        case 10: return Case(bytes: json("{\"id\":\(index),\"text\":\"please FAIL \(index)\"}"), expectedID: "\(index)", fails: true)
        case 11: return Case(bytes: json("{\"id\":\(index),\"text\":\"BUSY at first \(index)\"}"), expectedID: "\(index)")
        case 12: return Case(bytes: json("{\"id\":\(index),\"text\":\"bad ") + [0xC3, 0x28, 0xFF] + json("\"}"), expectedID: "null", fails: true)
        default: return Case(bytes: json("[\"not\", \"an object\"]"), expectedID: "null", fails: true)
        }
    }

    static func check(kinds: [Int], chunkBytes: Int, crlf: Bool, finalNewline: Bool) async throws {
        let cases = kinds.enumerated().map { line(kind: $0.element, index: $0.offset) }
        var input: [UInt8] = []
        for (position, item) in cases.enumerated() {
            input += item.bytes
            if position < cases.count - 1 || finalNewline { input += crlf ? [0x0D, 0x0A] : [0x0A] }
        }
        let output = MemoryOutput()
        let server = FakeServer()
        let summary = try await makeBatch(server).run(input: MemoryInput(input, chunkBytes: chunkBytes), output: output)
        let expected = cases.filter { $0.expectedID != nil }
        #expect(output.lines.count == expected.count)
        #expect(summary.lines == expected.count)
        for (got, want) in zip(output.lines, expected) {
            let id = want.expectedID!
            #expect(got.hasPrefix("{\"id\":\(id),") || got == "{\"id\":\(id)}", "\(got) should start with id \(id)")
            #expect(got.contains("\"error\":{") == want.fails, "\(got)")
            #expect((try? JSONSerialization.jsonObject(with: Data(got.utf8))) != nil, "not JSON: \(got)")
        }
        let failures = expected.filter(\.fails).count
        #expect(summary.failed == failures)
        #expect(ExitStatus(for: summary) == (failures > 0 ? .failed : .ok))
    }

    @Test func anyMixOfLinesKeepsOrderIdsAndErrors() async {
        await propertyCheck(
            count: 150,
            input: Gen.int(in: 0...13).array(of: 0...120),
            Gen.int(in: 1...200),
            Gen.bool,
            Gen.bool
        ) { kinds, chunkBytes, crlf, finalNewline in
            try await Self.check(kinds: kinds, chunkBytes: chunkBytes, crlf: crlf, finalNewline: finalNewline)
        }
    }

    @Test func tenThousandLines() async throws {
        let kinds = (0..<10_000).map { $0 % 14 }
        try await Self.check(kinds: kinds, chunkBytes: 65_536, crlf: true, finalNewline: true)
    }

    @Test func noInputGivesNoOutput() async throws {
        try await Self.check(kinds: [], chunkBytes: 7, crlf: false, finalNewline: false)
        try await Self.check(kinds: [4, 5, 4], chunkBytes: 1, crlf: true, finalNewline: true)
    }

    @Test func fiveMegabyteLinesAreReadWhole() async throws {
        let text = String(repeating: "Word after word. ", count: 300_000)  // 5.1 MB
        var input = Array("{\"id\":\"big\",\"text\":\"\(text)\"}\r\n{\"id\":2,\"text\":\"small\"}\n".utf8)
        input += Array("{\"id\":3,\"text\":\"\(text)".utf8)  // unterminated: an error, not a hang
        let output = MemoryOutput()
        _ = try await makeBatch(FakeServer()).run(input: MemoryInput(input, chunkBytes: 65_536), output: output)
        #expect(output.lines.count == 3)
        #expect(output.lines[0] == "{\"id\":\"big\",\"n\":\(text.utf8.count)}")
        #expect(output.lines[1] == "{\"id\":2,\"n\":5}")
        #expect(output.lines[2].hasPrefix("{\"id\":3,\"error\":{\"code\":\"INVALID_ARGUMENT\""))
    }

    @Test func linesOverTheLimitFailAloneWithoutBeingKept() async throws {
        var configuration = JSONLBatch.Configuration()
        configuration.maxLineBytes = 1000
        let server = FakeServer()
        let batch = makeBatch(configuration, call: { await server.call($0, $1) })
        let long = "{\"id\":1,\"text\":\"" + String(repeating: "x", count: 5000) + "\"}"
        let input = Array((long + "\n{\"id\":2,\"text\":\"ok\"}\n" + long).utf8)
        let output = MemoryOutput()
        let summary = try await batch.run(input: MemoryInput(input, chunkBytes: 300), output: output)
        #expect(output.lines.count == 3)
        #expect(output.lines[0].contains("over the limit of 1000"))
        #expect(output.lines[1] == "{\"id\":2}")
        #expect(output.lines[2].contains("over the limit of 1000"))
        #expect(summary.failed == 2)
    }

    @Test func busyLinesAreRetriedAndCounted() async throws {
        let output = MemoryOutput()
        let server = FakeServer()
        let input = Array((0..<20).map { "{\"id\":\($0),\"text\":\"BUSY \($0)\"}" }.joined(separator: "\n").utf8)
        let summary = try await makeBatch(server).run(input: MemoryInput(input, chunkBytes: 50), output: output)
        #expect(summary.failed == 0)
        #expect(summary.retried == 20)
        #expect(server.calls.load(ordering: .relaxed) == 40)
        #expect(summary.report == "all 20 lines succeeded; 20 lines were retried")
    }

    @Test func aSmallQueueSlowsTheBatchDownInsteadOfFailingLines() async throws {
        // Room for 3 and 3 tries a line: retrying alone fails about a third of the lines (222 of
        // 600 when the window never shrinks); with the window it is a few.
        let server = SmallQueueServer(capacity: 3)
        var configuration = JSONLBatch.Configuration()
        configuration.concurrency = 64
        configuration.maxAttempts = 3
        let batch = makeBatch(configuration, call: { await server.call($0, $1) })
        let input = Array((0..<600).map { "{\"id\":\($0),\"text\":\"t\"}" }.joined(separator: "\n").utf8)
        let output = MemoryOutput()
        let summary = try await batch.run(input: MemoryInput(input, chunkBytes: 4096), output: output)
        #expect(output.lines.count == 600)
        #expect(summary.failed < 60, "\(summary.report ?? "")")
        #expect(server.refusals.load(ordering: .relaxed) > 0)
        // With the default tries (bounded by the deadline, not the count) no line fails.
        let patient = makeBatch(JSONLBatch.Configuration(), call: { await server.call($0, $1) })
        let again = try await patient.run(input: MemoryInput(input, chunkBytes: 4096), output: MemoryOutput())
        #expect(again.failed == 0, "\(again.report ?? "")")
    }

    @Test func anUnreachableServerFailsEveryLineQuickly() async throws {
        var configuration = JSONLBatch.Configuration()
        configuration.firstBackoff = .milliseconds(1)
        let batch = makeBatch(configuration, call: { _, _ in .failure(PrecisError(code: .unavailable, message: "refused", origin: .cannotConnect)) })
        let input = Array((0..<500).map { "{\"id\":\($0),\"text\":\"t\"}" }.joined(separator: "\n").utf8)
        let output = MemoryOutput()
        let summary = try await batch.run(input: MemoryInput(input, chunkBytes: 4096), output: output)
        #expect(output.lines.count == 500)
        #expect(summary.unreachable)
        #expect(ExitStatus(for: summary) == .cannotConnect)
    }

    @Test func everyLineTimingOutExitsWithTheTimeoutStatus() async throws {
        let batch = makeBatch(JSONLBatch.Configuration(), call: { _, _ in .failure(PrecisError(code: .deadlineExceeded, message: "late", origin: .timeout)) })
        let output = MemoryOutput()
        let summary = try await batch.run(input: MemoryInput(Array("{\"text\":\"a\"}\n{\"text\":\"b\"}".utf8), chunkBytes: 5), output: output)
        #expect(ExitStatus(for: summary) == .timeout)
    }
}
