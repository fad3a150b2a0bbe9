import NIOCore
import PrecisClient
import PrecisWire
import Testing

@Suite struct OperationTests {
    @Test func pingEchoesThePayload() async throws {
        try await withTestServer { port in
            let client = testClient(port: port)
            let empty = try await client.ping([])
            let payload = (0..<3072).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let echoed = try await client.ping(payload)
            await client.close()
            #expect(empty == [])
            #expect(echoed == payload)
        }
    }

    @Test func infoDescribesTheServer() async throws {
        try await withTestServer({ $0.maxFrameBytes = 1 << 20 }) { port in
            let client = testClient(port: port)
            let info = try await client.info()
            await client.close()
            #expect(info.protocolMajor == 1)
            #expect(info.operations == ["ping", "info", "parse", "summarize", "extract", "analyze", "health"])
            #expect(info.summaryModel.hasPrefix("summary-lr-"))
            #expect(info.limits?.maxFrameBytes == 1 << 20)
            #expect(!info.serverVersion.isEmpty)
        }
    }

    @Test func parseFindsStructureAndSpansSliceTheText() async throws {
        try await withTestServer { port in
            let client = testClient(port: port)
            let result = try await client.parse(Document(Article.text), options: ParseOptions(includeTokens: true))
            await client.close()
            #expect(!result.paragraphs.isEmpty)
            #expect(!result.sentences.isEmpty)
            #expect(!result.tokens.isEmpty)
            for paragraph in result.paragraphs {
                let slice = Article.slice(paragraph.start, paragraph.end)
                #expect(slice == slice.trimmingWhitespace() && !slice.isEmpty)
            }
            for token in result.tokens {
                #expect(!Article.slice(token.start, token.end).contains(" "))
            }
            let boilerplate = result.paragraphs.filter { $0.kind == .boilerplate }.map { Article.slice($0.start, $0.end) }
            #expect(boilerplate.contains("Advertisement"))
            #expect((result.stats?.words ?? 0) > 80)
            #expect(result.language?.code == "en")
        }
    }

    @Test func summarizeReturnsTheRequestedSentencesInDocumentOrder() async throws {
        try await withTestServer { port in
            let client = testClient(port: port)
            let summary = try await client.summarize(Document(Article.text), options: SummaryOptions(length: .sentences(2)))
            await client.close()
            #expect(summary.sentences.count == 2)
            #expect(summary.sentences.map(\.index) == summary.sentences.map(\.index).sorted())
            for sentence in summary.sentences {
                #expect(Article.slice(sentence.start, sentence.end) == sentence.text)
                #expect(!sentence.text.contains("Advertisement"))
            }
        }
    }

    @Test func extractFindsEntitiesQuantitiesAndLinks() async throws {
        try await withTestServer { port in
            let client = testClient(port: port)
            let result = try await client.extract(Document(Article.text), options: ExtractOptions(referenceDate: "2026-11-24"))
            await client.close()
            #expect(result.referenceDate == "2026-11-24")
            #expect(result.entities.contains { $0.name.contains("Brandt") })
            #expect(result.quantities.contains { $0.kind == .money && $0.value == 4_200_000 })
            #expect(result.links.contains { $0.target.contains("riverside.example") })
            for entity in result.entities {
                for mention in entity.mentions { #expect(Article.slice(mention.start, mention.end) == mention.text) }
            }
        }
    }

    @Test func analyzeDoesAllThreeInOneCall() async throws {
        try await withTestServer { port in
            let client = testClient(port: port)
            let result = try await client.analyze(
                Document(Article.text),
                summary: SummaryOptions(length: .sentences(1)),
                extract: ExtractOptions(kinds: [.entities])
            )
            await client.close()
            #expect(result.parse?.paragraphs.isEmpty == false)
            #expect(result.summary?.sentences.count == 1)
            #expect(result.extract?.entities.isEmpty == false)
            #expect(result.extract?.quantities.isEmpty == true)
        }
    }

    @Test func invalidOptionsAreInvalidArgument() async throws {
        try await withTestServer { port in
            let client = testClient(port: port)
            defer { Task { await client.close() } }
            await #expect(throws: PrecisError.self) {
                try await client.summarize(Document("One. Two."), options: SummaryOptions(length: .ratio(1.5)))
            }
            do {
                _ = try await client.extract(Document("x"), options: ExtractOptions(referenceDate: "24/11/2026"))
                Issue.record("accepted a malformed reference date")
            } catch let error as PrecisError {
                #expect(error.code == .invalidArgument)
                #expect(error.message.contains("reference_date"))
            }
        }
    }

    @Test func manyPipelinedCallsAreAllMatched() async throws {
        try await withTestServer { port in
            let client = testClient(port: port, connections: 2)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<500 {
                    group.addTask {
                        let payload = Array("call \(i)".utf8)
                        let echoed = try await client.ping(payload)
                        #expect(echoed == payload)
                    }
                    if i % 50 == 0 {
                        group.addTask {
                            let s = try await client.summarize(Document(Article.text), options: SummaryOptions(length: .sentences(1)))
                            #expect(s.sentences.count == 1)
                        }
                    }
                }
                try await group.waitForAll()
            }
            await client.close()
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
