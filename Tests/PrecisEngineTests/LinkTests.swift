import PrecisEngine
import Testing

@Suite("Links")
struct LinkTests {
    private func links(_ text: String) -> [Link] {
        Fixtures.engine.extract(
            Fixtures.parse(text),
            options: ExtractOptions(kinds: [.links], referenceDate: CalendarDate(iso: "2026-11-24"))
        ).links
    }

    @Test func targetsAreNormalised() {
        let text = "See HTTPS://News.Example.COM/Path?q=1, www.Example.org/about. Mail Desk@Example.ORG or ping @RiverDesk #FloodWatch."
        let found = links(text)
        #expect(found.map(\.kind) == [.url, .url, .email, .handle, .hashtag])
        #expect(
            found.map(\.target) == [
                "https://news.example.com/Path?q=1", "https://www.example.org/about", "Desk@example.org", "@RiverDesk",
                "#FloodWatch",
            ]
        )
        #expect(Fixtures.slice(text, found[0].span) == "HTTPS://News.Example.COM/Path?q=1")
        #expect(Fixtures.slice(text, found[1].span) == "www.Example.org/about")
    }

    @Test func trailingPunctuationAndBracketsStayOut() {
        let text = "(Details: https://example.net/a_(b).) Also http://example.net/x!"
        #expect(links(text).map(\.target) == ["https://example.net/a_(b)", "http://example.net/x"])
    }

    @Test func userInfoAndPortsAreKept() {
        #expect(links("Try http://Example.com:8080/Docs now.").map(\.target) == ["http://example.com:8080/Docs"])
    }

    @Test func notLinks() {
        #expect(links("Email me at home, it's 5@ or #1 and a@b.").isEmpty)
    }
}
