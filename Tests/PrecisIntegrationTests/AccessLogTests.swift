import Foundation
import PrecisClient
import PrecisServer
import PrecisWire
import Testing

/// `--access-log`: one line per answered request, written by the time the server stops.
@Suite struct AccessLogTests {
    @Test func eachAnsweredRequestIsOneLine() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("precis-access-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withTestServer({ $0.accessLogPath = path }) { port in
            let client = testClient(port: port, connections: 1)
            _ = try await client.ping([1, 2, 3])
            _ = try await client.summarize(Document(Article.text), options: SummaryOptions(length: .sentences(2)))
            await #expect(throws: PrecisError.self) {
                _ = try await client.summarize(Document(Article.text), options: SummaryOptions(length: .ratio(2)))
            }
            await client.close()
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].contains(" op=ping status=OK in=") && lines[0].contains(" queue_us=- run_us=- "))
        #expect(lines[1].contains(" op=summarize status=OK "), "\(lines[1])")
        #expect(lines[2].contains(" op=summarize status=INVALID_ARGUMENT "), "\(lines[2])")
        for line in lines {
            #expect(line.hasPrefix("20") && line.contains("Z peer=127.0.0.1:") && line.contains(" total_us="), "\(line)")
        }
        let run = lines[1].split(separator: " ").first { $0.hasPrefix("run_us=") }.flatMap { Int($0.dropFirst(7)) }
        #expect((run ?? 0) > 0)
    }
}
