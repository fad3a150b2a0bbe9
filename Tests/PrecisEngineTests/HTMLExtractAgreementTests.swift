import Foundation
import PrecisEngine
import Testing

/// What `extract` says about an HTML page agrees with what `parse` found in it: its links, and its published
/// date as the day relative dates count from.
@Suite("HTML extract agrees with parse")
struct HTMLExtractAgreementTests {
    static let pages = [HTMLFixtures.newsPage, HTMLFixtures.blogPage, HTMLFixtures.brokenPage]

    private func page(_ html: String) throws -> ParsedDocument {
        try Fixtures.engine.parse(html, format: .html)
    }

    @Test(arguments: pages)
    func extractFindsEveryAnchorThatParseFinds(_ html: String) throws {
        let document = try page(html)
        let anchors = try #require(document.page?.links)
        let links = Fixtures.engine.extract(document, options: ExtractOptions(kinds: [.links])).links
        for anchor in anchors {
            #expect(
                links.contains { $0.span == anchor.text.span && $0.kind == .url && $0.target == anchor.url },
                "extract misses the anchor \(anchor.text.text) → \(anchor.url)")
        }
        #expect(links.map(\.span.start) == links.map(\.span.start).sorted())
        // All kinds at once give the same links as links alone.
        #expect(Fixtures.engine.extract(document).links == links)
    }

    @Test func newsPageAnchorIsALink() throws {
        let document = try page(HTMLFixtures.newsPage)
        let links = Fixtures.engine.extract(document, options: ExtractOptions(kinds: [.links])).links
        let report = try #require(links.first { $0.target == "https://gazette.example/docs/pier-report.pdf" })
        #expect(Fixtures.slice(document.text, report.span) == "full report")
    }

    @Test func aURLWrittenAsAnAnchorTextIsOneLink() throws {
        let html = """
            <html><body><article><h1>Harbour plan published</h1>
            <p>\(HTMLFixtures.story[0])</p><p>\(HTMLFixtures.story[1])</p>
            <p>The harbour authority published its plan on Tuesday, and the whole report is online at \
            <a href="https://harbour.example/plan">https://harbour.example/plan</a> for anyone to read.</p>
            <p>\(HTMLFixtures.story[3])</p><p>\(HTMLFixtures.story[4])</p>
            </article></body></html>
            """
        let document = try page(html)
        #expect(document.page?.links.count == 1)
        let links = Fixtures.engine.extract(document, options: ExtractOptions(kinds: [.links])).links
        #expect(links.count == 1)
        #expect(links.first?.target == "https://harbour.example/plan")
    }

    /// The news page with no visible date: only its metadata (`article:published_time`, JSON-LD) say it was
    /// published on 3 March 2026.
    static let pageDatedOnlyInMetadata = HTMLFixtures.newsPage.replacingOccurrences(
        of: #"<time datetime="2026-03-03T09:30:00Z">3 March 2026</time>"#, with: "")

    @Test func thePagesPublishedDateIsTheReferenceDate() throws {
        let document = try page(Self.pageDatedOnlyInMetadata)
        #expect(document.page?.publishedISO == "2026-03-03T09:30:00Z")
        let extraction = Fixtures.engine.extract(document, options: ExtractOptions(kinds: [.dates]))
        #expect(extraction.referenceDate == CalendarDate(iso: "2026-03-03"))
        // "voted on Tuesday" is the Tuesday of the week it was published, not one after it.
        let tuesday = try #require(extraction.dates.first { $0.text == "Tuesday" })
        #expect(tuesday.value == "2026-03-03")
    }

    @Test func anExplicitReferenceDateStillWins() throws {
        let document = try page(Self.pageDatedOnlyInMetadata)
        let reference = try #require(CalendarDate(iso: "2026-11-24"))
        let extraction = Fixtures.engine.extract(document, options: ExtractOptions(kinds: [.dates], referenceDate: reference))
        #expect(extraction.referenceDate == reference)
    }

    @Test func thePageWritesTheDayInItsOwnTimeZone() throws {
        // 23:30 on 2 March in New York is 3 March in UTC: the article's "Monday" counts from 2 March.
        let html = Self.pageDatedOnlyInMetadata.replacingOccurrences(of: "2026-03-03T09:30:00Z", with: "2026-03-02T23:30:00-05:00")
        let document = try page(html)
        let extraction = Fixtures.engine.extract(document, options: ExtractOptions(kinds: [.dates]))
        #expect(extraction.referenceDate == CalendarDate(iso: "2026-03-02"))
    }
}
