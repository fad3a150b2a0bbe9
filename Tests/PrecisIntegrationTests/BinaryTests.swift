import Foundation
import NIOCore
import PrecisClient
import PrecisWire
import Testing

/// The `precisd` and `precis` executables, run as a user runs them.
@Suite struct BinaryTests {
    @Test func sigtermWithRequestsInFlightLosesNone() async throws {
        // A grace long enough for 40 summaries on a slow, shared machine: the test is about losing none,
        // not about how fast they run.
        let server = try await ServerProcess(arguments: ["--workers", "1", "--shutdown-grace", "120s"])
        let document = Document(String(repeating: Article.text + "\n\n", count: 20))
        try await RawConnection.withConnection(port: server.port) { io in
            try await io.sendPreface()
            #expect(try await io.expectServerPreface() == .current)
            // 40 summaries, then a ping: the ping is answered as soon as it is read, so once its
            // answer is back every summary has been received and is queued or running.
            var frames = ByteBuffer()
            for id in 1...40 {
                try frames.writeFrame(Request(id: UInt64(id), operation: .summarize(SummarizeRequest(document: document))))
            }
            try frames.writeFrame(Request(id: 1000, operation: .ping(PingRequest())))
            try await io.send(Array(frames.readableBytesView))
            var answered: Set<UInt64> = []
            while true {
                let response = try #require(try await io.readResponse())
                if response.id == 1000 { break }
                answered.insert(response.id)
            }
            server.signal(SIGTERM)
            var sawGoAway = false
            while let response = try await io.readResponse() {
                if case .goAway? = response.body {
                    sawGoAway = true
                    continue
                }
                #expect(response.status?.code ?? .ok == .ok)
                answered.insert(response.id)
            }
            #expect(sawGoAway)
            #expect(answered == Set(1...40))
        }
        #expect(await server.waitForExit(seconds: 120) == 0)
    }

    @Test func cliExitCodesAndJSON() async throws {
        let server = try await ServerProcess()
        let address = "127.0.0.1:\(server.port)"

        let ping = try await run("precis", ["ping", "--address", address])
        #expect(ping.status == 0)
        #expect(ping.stdout.contains("pong"))

        // The address may come from the environment.
        let info = try await run("precis", ["info", "--json"], environment: ["PRECIS_ADDRESS": address])
        #expect(info.status == 0)
        let infoJSON = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect(infoJSON["protocolMajor"] as? Int == 1)

        let summary = try await run("precis", ["summarize", "--address", address, "--sentences", "2", "--json", "-"], stdin: Article.text)
        #expect(summary.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.count == 2)
        #expect(object["candidateSentences"] != nil)  // lowerCamelCase names

        // parse --json: header parts as strings, paragraphs/sentences/tokens with start and end.
        let parse = try await run("precis", ["parse", "--address", address, "--json", "--tokens"], stdin: Article.text)
        #expect(parse.status == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(parse.stdout.utf8)) as? [String: Any])
        #expect(parsed["title"] as? String == "Riverside Council Approves New Footbridge After Long Debate")
        #expect(parsed["section"] as? String == "Local News")
        #expect(parsed["byline"] as? String == "Jonas E. Whitfield")
        let paragraphs = try #require(parsed["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.first?["start"] as? Int == 0)
        #expect(paragraphs.allSatisfy { $0["end"] is Int && $0["kind"] is String })
        let tokens = try #require(parsed["tokens"] as? [[String: Any]])
        #expect(tokens.allSatisfy { $0["start"] is Int && $0["end"] is Int && $0["kind"] is String })

        let text = try await run("precis", ["extract", "--address", address, "--kinds", "entities"], stdin: Article.text)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Entities"))

        // 2: usage errors, caught before anything is sent.
        #expect(try await run("precis", ["summarize", "--address", address, "--sentences", "0"]).status == 2)
        #expect(try await run("precis", ["summarize", "--address", address, "--words", "5", "--ratio", "0.5"]).status == 2)
        #expect(try await run("precis", ["frobnicate"]).status == 2)
        #expect(try await run("precis", ["ping", "--address", "nonsense"]).status == 2)

        // 1: the server answered with an error.
        let bad = try await run("precis", ["extract", "--address", address, "--reference-date", "2026-13-45", "--text", "Hello."])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("INVALID_ARGUMENT"))

        // 3: nothing listens there.
        #expect(try await run("precis", ["ping", "--address", "127.0.0.1:1"]).status == 3)

        // --help exits 0 and explains the exit codes.
        let help = try await run("precis", ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit codes"))

        server.signal(SIGTERM)
        #expect(await server.waitForExit(seconds: 15) == 0)
    }

    @Test func cliJSONLinesComeBackInInputOrder() async throws {
        let server = try await ServerProcess()
        let lines = [
            #"{"id": "a", "text": "The first story is short. It has two sentences."}"#,
            #"{"id": 2, "text": "\#(Article.text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\"", with: "\\\""))"}"#,
            #"{"id": "no-text"}"#,
            #"{"id": "c", "text": "Third. Story."}"#,
        ]
        let result = try await run(
            "precis", ["summarize", "--jsonl", "--sentences", "1", "--address", "127.0.0.1:\(server.port)"],
            stdin: lines.joined(separator: "\n") + "\n"
        )
        #expect(result.status == 1)  // one line failed
        let outputs = result.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(outputs.count == 4)
        #expect(outputs[0]?["id"] as? String == "a")
        #expect(outputs[1]?["id"] as? Int == 2)
        #expect((outputs[1]?["sentences"] as? [Any])?.count == 1)
        #expect(outputs[2]?["error"] != nil)
        #expect(outputs[3]?["id"] as? String == "c")
        server.signal(SIGTERM)
        _ = await server.waitForExit(seconds: 15)
    }
}
