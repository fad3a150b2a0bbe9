import Foundation
import Testing

/// What the docs and `--help` promise, checked against the `precis` binary as a user runs it.
@Suite struct CLIDocsAgreeTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var exampleArticle: String { repositoryRoot.appendingPathComponent("examples/article.txt").path }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    /// Words as the engine counts them, near enough: whitespace-separated pieces with a letter or digit.
    static func words(_ sentence: String) -> Int {
        sentence.split(whereSeparator: \.isWhitespace).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
    }

    @Test func summarizeWordsIsAMaximum() async throws {
        let server = try await ServerProcess()
        let address = "127.0.0.1:\(server.port)"
        for limit in [5, 12, 40] {
            let result = try await run("precis", ["summarize", "--address", address, "--words", "\(limit)", "--json", Self.exampleArticle])
            #expect(result.status == 0, "\(result.stderr)")
            let sentences = try #require(try Self.json(result.stdout)["sentences"] as? [[String: Any]])
            let used = sentences.compactMap { $0["text"] as? String }.map(Self.words).reduce(0, +)
            #expect(used <= limit, "--words \(limit) gave \(used) words: \(sentences)")
        }
        let none = try await run("precis", ["summarize", "--address", address, "--words", "1", Self.exampleArticle])
        #expect(none.status == 0)
        #expect(none.stdout.contains("fits in the word limit"), "\(none.stdout)")
        let help = try await run("precis", ["summarize", "--help"])
        #expect(help.stdout.contains("at most"))
    }

    @Test func latin1TextIsReadAsWindows1252() async throws {
        let server = try await ServerProcess()
        let address = "127.0.0.1:\(server.port)"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("precis-latin1-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        // "Café au lait coûte 3 € à Zürich." in Windows-1252 (é e9, û fb, € 80, à e0, ü fc): not UTF-8.
        var bytes = Array("Caf".utf8) + [0xE9] + Array(" au lait co".utf8) + [0xFB] + Array("te 3 ".utf8) + [0x80]
        bytes += Array(" ".utf8) + [0xE0] + Array(" Z".utf8) + [0xFC] + Array("rich. It is a second sentence.\n".utf8)
        try Data(bytes).write(to: file)
        for format in ["auto", "text"] {
            let result = try await run("precis", ["summarize", "--address", address, "--format", format, file.path])
            #expect(result.status == 0, "--format \(format): \(result.stderr)")
            #expect(result.stdout.contains("Café au lait coûte 3 € à Zürich."), "\(result.stdout)")
        }
    }

    @Test func parseJSONHasEverySpanField() async throws {
        let server = try await ServerProcess()
        let result = try await run("precis", ["parse", "--address", "127.0.0.1:\(server.port)", "--json", Self.exampleArticle])
        #expect(result.status == 0)
        let object = try Self.json(result.stdout)
        #expect(object["published"] as? String == "")  // the example states no publication date
        for key in ["titleSpan", "subtitleSpan", "bylineSpan", "sectionSpan", "datelineSpan", "publishedSpan"] {
            #expect(object.keys.contains(key), "\(key) is missing")
        }
        #expect(object["publishedSpan"] is NSNull)
        #expect((object["titleSpan"] as? [String: Any])?["start"] != nil)
    }

    @Test func extractLinksAgreesWithParse() async throws {
        let server = try await ServerProcess()
        let address = "127.0.0.1:\(server.port)"
        let page = HTMLOperationTests.page
        let parse = try await run("precis", ["parse", "--address", address, "--json"], stdin: page)
        let extract = try await run("precis", ["extract", "--address", address, "--kinds", "links", "--json"], stdin: page)
        #expect(parse.status == 0 && extract.status == 0)
        func links(_ object: [String: Any]) -> [String] {
            (object["links"] as? [[String: Any]] ?? []).map { "\($0["start"] ?? "")-\($0["end"] ?? "") \($0["target"] ?? "")" }
        }
        let parsed = links(try Self.json(parse.stdout))
        #expect(parsed == ["\(parsed.first?.split(separator: " ").first ?? "") https://library.example/hours"])
        #expect(links(try Self.json(extract.stdout)) == parsed)
        let text = try await run("precis", ["extract", "--address", address, "--kinds", "links"], stdin: page)
        #expect(text.stdout.contains("https://library.example/hours"), "\(text.stdout)")
    }

    @Test func aPagesPublishedDateIsTheReferenceDate() async throws {
        let server = try await ServerProcess()
        // Published on Friday 8 May 2026 (only in its metadata); "opened ... on Friday" is that day.
        let result = try await run(
            "precis", ["extract", "--address", "127.0.0.1:\(server.port)", "--kinds", "dates", "--json"], stdin: HTMLOperationTests.page)
        #expect(result.status == 0)
        let object = try Self.json(result.stdout)
        #expect(object["referenceDate"] as? String == "2026-05-08")
        let dates = try #require(object["dates"] as? [[String: Any]])
        #expect(dates.contains { $0["text"] as? String == "Friday" && $0["value"] as? String == "2026-05-08" }, "\(dates)")
    }
}
