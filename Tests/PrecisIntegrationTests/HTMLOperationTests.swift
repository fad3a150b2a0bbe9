import PrecisClient
import PrecisWire
import Testing

/// HTML documents through the server: the response carries the extracted text, and every span indexes it.
@Suite struct HTMLOperationTests {
    static let paragraphs = [
        "The county library in Ostrand opened its new reading room on Friday, after two years of building work, and more than four hundred people came through the doors on the first morning.",
        "\"People asked for a quiet place that stays open late,\" said Agnes Holm, the head librarian, adding that the room will be open until ten at night, seven days a week.",
        "The project cost 3.2 million euros, shared by the county and a local trust, and the old reading room, which flooded twice, will become a children's workshop next spring.",
    ]

    static let page = """
        <!doctype html><html lang="en"><head><title>Ostrand library opens its reading room - Ostrand Post</title>
        <meta property="og:site_name" content="Ostrand Post"><meta name="author" content="Lena Berg">
        <meta property="article:published_time" content="2026-05-08T07:00:00+02:00">
        <script>var leaked = "SCRIPT";</script></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/culture">Culture</a></nav>
        <article><h1>Ostrand library opens its reading room</h1>
        <p>\(paragraphs[0])</p><p>\(paragraphs[1]) See the <a href="https://library.example/hours">opening hours</a>.</p>
        <p>\(paragraphs[2])</p></article>
        <div class="newsletter-signup"><p>Sign up for our newsletter, every morning, free of charge, unsubscribe at any time.</p></div>
        <footer>Contact us</footer></body></html>
        """

    static func slice(_ text: String, _ start: UInt32, _ end: UInt32) -> String {
        String(decoding: Array(text.utf8)[Int(start)..<Int(end)], as: UTF8.self)
    }

    @Test func parseReturnsTheArticleTextAndMetadata() async throws {
        try await withTestServer { port in
            let client = testClient(port: port)
            let result = try await client.parse(Document(text: Self.page, format: .html), options: ParseOptions(includeTokens: true))
            let sniffed = try await client.parse(Document(text: Self.page, format: .auto))
            await client.close()
            #expect(result.format == .html)
            #expect(sniffed.format == .html && sniffed.text == result.text)
            #expect(result.hasArticle)
            #expect(result.title == "Ostrand library opens its reading room")
            #expect(result.authors == ["Lena Berg"])
            #expect(result.siteName == "Ostrand Post")
            #expect(result.publishedIso == "2026-05-08T07:00:00+02:00")
            #expect(result.declaredLanguage == "en")
            #expect(!result.text.contains("SCRIPT") && !result.text.contains("newsletter") && !result.text.contains("Home"))
            let body = result.paragraphs.filter { $0.kind == .body }.map { Self.slice(result.text, $0.start, $0.end) }
            #expect(body.first == Self.paragraphs[0])
            #expect(body.last == Self.paragraphs[2])
            if let span = result.titleSpan { #expect(Self.slice(result.text, span.start, span.end) == result.title) }
            for token in result.tokens { #expect(!Self.slice(result.text, token.start, token.end).contains(" ")) }
            #expect(result.links.map { Self.slice(result.text, $0.start, $0.end) } == ["opening hours"])
            #expect(result.links.first?.target == "https://library.example/hours")
        }
    }

    @Test func summarizeAndExtractCarryTheTextTheirSpansIndex() async throws {
        try await withTestServer { port in
            let client = testClient(port: port)
            let document = Document(text: Self.page, format: .html)
            let summary = try await client.summarize(document, options: SummaryOptions(length: .sentences(2)))
            let extraction = try await client.extract(document)
            let plain = try await client.summarize(Document("One sentence here. Another one there."))
            await client.close()
            #expect(summary.sentences.count == 2)
            for sentence in summary.sentences {
                #expect(Self.slice(summary.text, sentence.start, sentence.end) == sentence.text)
            }
            #expect(extraction.entities.contains { $0.name == "Agnes Holm" })
            for entity in extraction.entities {
                for mention in entity.mentions {
                    #expect(Self.slice(extraction.text, mention.start, mention.end) == mention.text)
                }
            }
            #expect(plain.text.isEmpty)
        }
    }
}
