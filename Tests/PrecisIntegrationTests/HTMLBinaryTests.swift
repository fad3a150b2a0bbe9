import Foundation
import Testing

/// `precis --format html` and a JSON line's own "format", through the real binaries.
@Suite struct HTMLBinaryTests {
    @Test func cliReadsPages() async throws {
        let server = try await ServerProcess()
        let address = "127.0.0.1:\(server.port)"
        let page = HTMLOperationTests.page

        let parse = try await run("precis", ["parse", "--address", address, "--format", "html", "--json"], stdin: page)
        #expect(parse.status == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(parse.stdout.utf8)) as? [String: Any])
        #expect(parsed["format"] as? String == "HTML")
        #expect(parsed["hasArticle"] as? Bool == true)
        #expect((parsed["text"] as? String)?.contains(HTMLOperationTests.paragraphs[1]) == true)

        let text = try await run("precis", ["parse", "--address", address], stdin: page)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Ostrand library opens its reading room"))
        #expect(text.stdout.contains("Lena Berg"))
        #expect(text.stdout.contains("format      html"))

        #expect(try await run("precis", ["parse", "--address", address, "--format", "pdf", "--text", "x"]).status == 2)

        let escaped = page.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        let lines = [
            #"{"id": "page", "format": "html", "text": "\#(escaped)"}"#,
            #"{"id": "plain", "format": "text", "text": "<p>Angle brackets stay text here.</p>"}"#,
            #"{"id": "bad", "format": "pdf", "text": "x"}"#,
        ]
        let result = try await run("precis", ["parse", "--jsonl", "--address", address], stdin: lines.joined(separator: "\n") + "\n")
        let outputs = result.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(outputs.count == 3)
        #expect(outputs[0]?["format"] as? String == "HTML")
        #expect(outputs[1]?["format"] as? String == "TEXT")
        #expect(outputs[2]?["error"] != nil)
        server.signal(SIGTERM)
        _ = await server.waitForExit(seconds: 15)
    }
}
