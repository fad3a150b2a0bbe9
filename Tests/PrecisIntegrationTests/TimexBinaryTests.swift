import Foundation
import Testing

/// `precis extract --kinds dates --jsonl` with a reference date per line, through the real binaries.
@Suite struct TimexBinaryTests {
    @Test func eachLineResolvesAgainstItsOwnReferenceDate() async throws {
        let server = try await ServerProcess()
        let lines = [
            #"{"id": "old", "reference_date": "1998-02-27", "text": "The ferry sailed yesterday for two months."}"#,
            #"{"id": "bad", "reference_date": "1998-02-31", "text": "The ferry sailed yesterday."}"#,
            #"{"id": "new", "reference_date": "2026-12-01", "text": "The ferry sailed yesterday."}"#,
        ]
        let result = try await run(
            "precis", ["extract", "--kinds", "dates", "--jsonl", "--address", "127.0.0.1:\(server.port)"],
            stdin: lines.joined(separator: "\n") + "\n"
        )
        #expect(result.status == 1)  // one line failed, the others were answered
        let outputs = result.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(outputs.count == 3)
        let old = outputs[0]?["dates"] as? [[String: Any]]
        #expect(old?.map { $0["value"] as? String } == ["1998-02-26", "P2M"])
        #expect(old?.map { $0["type"] as? String } == ["DATE", "DURATION"])
        #expect(outputs[0]?["referenceDate"] as? String == "1998-02-27")
        let error = outputs[1]?["error"] as? [String: Any]
        #expect((error?["message"] as? String)?.contains("\"reference_date\" must be a day") == true)
        let new = outputs[2]?["dates"] as? [[String: Any]]
        #expect(new?.first?["value"] as? String == "2026-11-30")
        server.signal(SIGTERM)
        _ = await server.waitForExit(seconds: 15)
    }
}
