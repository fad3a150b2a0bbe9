import PrecisEngine
import Testing

@Suite("HTML pages")
struct HTMLTests {
    let engine = Engine()

    func html(_ page: String) throws -> ParsedDocument {
        try engine.parse(page, format: .html)
    }

    func slice(_ document: ParsedDocument, _ span: TextSpan) -> String {
        String(decoding: Array(document.text.utf8)[span.start..<span.end], as: UTF8.self)
    }

    func body(_ document: ParsedDocument) -> [String] {
        document.paragraphs.filter(\.kind.isBody).map { slice(document, $0.span) }
    }

    @Test func newsPageGivesTheArticleAndItsMetadata() throws {
        let document = try html(HTMLFixtures.newsPage)
        #expect(document.format == .html)
        #expect(document.title?.text == "Valmora rebuilds its north pier")
        #expect(document.section?.text == "Local news")
        #expect(document.byline?.text == "By Petra Lind and Omar Haddad")
        #expect(document.published?.text == "3 March 2026")
        let page = try #require(document.page)
        #expect(page.hasArticle)
        #expect(page.authors == ["Petra Lind", "Omar Haddad"])
        #expect(page.publishedISO == "2026-03-03T09:30:00Z")
        #expect(page.siteName == "The Coast Gazette")
        #expect(page.canonicalURL == "https://gazette.example/local/valmora-pier")
        #expect(page.declaredLanguage == "en-GB")
        #expect(document.language.code == "en")

        let paragraphs = body(document)
        #expect(paragraphs.contains(HTMLFixtures.story[0]))
        #expect(paragraphs.contains(HTMLFixtures.story[4]))
        #expect(paragraphs.first == HTMLFixtures.story[0])
        #expect(!paragraphs.contains("Valmora rebuilds its north pier"))  // the title is not repeated in the body
    }

    @Test func furnitureIsLeftOut() throws {
        let document = try html(HTMLFixtures.newsPage)
        for leak in ["cookies", "Home", "Sport", "Share on Social", "Ferry fares rise", "Finally, after all",
            "Fourteen million", "All rights reserved", "Privacy", "LEAK", "secret", "color: red"]
        {
            #expect(!document.text.contains(leak), "\(leak) leaked into the text")
        }
    }

    @Test func blocksKeepTheirKinds() throws {
        let document = try html(HTMLFixtures.newsPage)
        func kind(of text: String) -> ParagraphKind? {
            document.paragraphs.first { slice(document, $0.span) == text }?.kind
        }
        #expect(kind(of: "What the plan includes") == .heading)
        #expect(document.paragraphs.first { $0.kind == .heading }?.level == 2)
        #expect(kind(of: "A concrete deck on steel piles") == .listItem)
        #expect(kind(of: "The pier is the town's front door, and it has been shut for too long.") == .blockQuote)
        #expect(kind(of: "The north pier at low tide last winter.") == .caption)
        #expect(document.captions.map(\.text.text) == ["The north pier at low tide last winter."])
    }

    @Test func everySpanIndexesTheExtractedText() throws {
        let document = try html(HTMLFixtures.newsPage)
        for field in [document.title, document.subtitle, document.byline, document.section, document.published] {
            guard let field else { continue }
            #expect(slice(document, field.span) == field.text)
        }
        for sentence in document.sentences {
            let text = slice(document, sentence.span)
            #expect(!text.isEmpty && text.first != " " && text.last != " ")
        }
        for token in document.tokens {
            #expect(!slice(document, token.span).contains(" "))
        }
        let links = try #require(document.page?.links)
        let report = try #require(links.first { $0.url.hasSuffix("pier-report.pdf") })
        #expect(report.text.text == "full report")
        #expect(slice(document, report.text.span) == "full report")
    }

    @Test func summaryAndExtractionWorkOnTheArticle() throws {
        let document = try html(HTMLFixtures.newsPage)
        let summary = try engine.summarize(document, options: SummaryOptions(length: .sentences(2)))
        #expect(summary.sentences.count == 2)
        for sentence in summary.sentences {
            #expect(slice(document, sentence.span) == sentence.text)
            #expect(HTMLFixtures.story.contains { $0.contains(sentence.text) })
        }
        let extraction = engine.extract(document)
        #expect(extraction.entities.contains { $0.name == "Ilse Brandt" })
        #expect(extraction.quotes.contains { $0.speaker == "Ilse Brandt" })
    }

    @Test func blogWithBreaksAndASidebar() throws {
        let document = try html(HTMLFixtures.blogPage)
        let paragraphs = body(document)
        #expect(paragraphs == [HTMLFixtures.story[0], HTMLFixtures.story[1], HTMLFixtures.story[3], HTMLFixtures.story[4]])
        #expect(!document.text.contains("January 2025"))
        #expect(document.title?.text == "Notes from the lighthouse")
        #expect(document.page?.authors == ["Tove Aaltonen"])
    }

    @Test func listingPageHasNoArticle() throws {
        let document = try html(HTMLFixtures.listingPage)
        let page = try #require(document.page)
        #expect(!page.hasArticle)
        #expect(body(document).isEmpty)
        #expect(document.title?.text == "Local news")
        #expect(try engine.summarize(document).sentences.isEmpty)
    }

    @Test func brokenMarkupAndEntities() throws {
        let document = try html(HTMLFixtures.brokenPage)
        let paragraphs = body(document)
        #expect(paragraphs.first == "The café on the quay & the bakery reopened — at last – on Monday, and queues formed early.")
        #expect(paragraphs.contains { $0.hasPrefix("Owners said the storm damage was worse than expected, with water in the cellars ’til noon") })
        #expect(paragraphs.contains { $0.hasPrefix("Tourists, fishermen and families came back quickly anyway") && $0.contains("<harbour>") })
        #expect(paragraphs.contains(HTMLFixtures.story[3]))
    }

    @Test func scriptsAndStylesEndWhereTheirEndTagIs() throws {
        let paragraph = "The ferry timetable changes on Sunday, with an extra crossing at dawn, a later one at night, "
            + "and a shuttle bus from the station that waits for every boat, the operator said on Friday."
        let page = """
            <html><body><article>
            <script>var a = "<p>SCRIPT LEAK</p>"; if (a < b && b > c) { document.write("</div><p>LEAK</p>"); }</SCRIPT>
            <p>\(paragraph)</p>
            <style>p::after { content: "STYLE LEAK </p>"; }</Style >
            <script></script><script/><style></style>
            <p>\(paragraph.replacing("Sunday", with: "Monday"))</p>
            <script type="text/javascript">var tail = "SCRIPT LEAK at the end, never closed";
            """
        let document = try html(page)
        let paragraphs = body(document)
        #expect(paragraphs.contains(paragraph))
        #expect(paragraphs.contains(paragraph.replacing("Sunday", with: "Monday")))
        #expect(!document.text.contains("LEAK"))
    }

    @Test func svgIconsAreLeftOutAndAnUnclosedOneDoesNotSwallowTheArticle() throws {
        let first = "The library opens its new reading room on the first of May, with long tables, lamps and a "
            + "children's corner that the architects drew with the pupils of the school next door."
        let second = "Opening hours stay the same for now, but the council wants late evenings on Thursdays from "
            + "September if enough volunteers come forward to staff the desk, a spokeswoman said."
        let page = """
            <html><body><article>
            <p><a href="/share"><SVG viewBox="0 0 24 24"><title>ICON LEAK</title><g><path d="M0 0L24 24Z"/></g></svg></a>\(first)</p>
            <p>Readers asked for it in a survey last year, and more than four hundred of them answered, most of \
            them asking for quiet, light and a place to work.</p>
            <div><svg><path d="M1 1"><text>SVG TEXT LEAK</text></div>
            <p>\(second)</p>
            <p>The old hall, which dates from 1911, will keep its stacks, its clock and its creaking stairs, while \
            the new room opens onto the garden behind it.</p>
            <footer>Drawings by the pupils</svg></footer>
            </article></body></html>
            """
        let document = try html(page)
        let paragraphs = body(document)
        #expect(paragraphs.contains(first))
        #expect(paragraphs.contains(second))
        #expect(!document.text.contains("LEAK"))
    }

    @Test func attributesTheExtractorReadsSurviveAmongOthersInAnyLayout() throws {
        // attributes that are never read are removed from tags before libxml2 reads them; the ones read must
        // stay, whatever the quoting, and text or markup inside attribute values must never become page text
        let first = "The harbour reopens on Saturday after two years of works on its walls, its cranes and the "
            + "fish market, and the first boats are expected at dawn, the port authority said."
        let second = "Fishermen say the new quay is higher and safer in storms, although the rent for a berth has "
            + "gone up by a tenth, which the smaller crews say they can barely pay."
        let linked = first.replacing(
            "its cranes", with: #"its <a data-payload='{"x":"<p>ATTRIBUTE LEAK</p>"}' href="/cranes" target=_blank>cranes</a>"#)
        let page = """
            <html data-theme="dark" lang="en"><head><meta data-x="1" property="og:title" content="Harbour reopens">\
            <link data-a='x>y' rel=canonical href=https://example.org/harbour></head>
            <body><article data-id=7>
            <p data-track="a > b" class="lead" title='<p>TITLE LEAK</p>'>\(linked)</p>
            <div data-lazy="<div>" data-more=x style="display: none">HIDDEN LEAK</div><div data-x="1"class="share-tools">SHARE LEAK</div>
            <img src="a.jpg" srcset="a.jpg 1x, b.jpg 2x" alt="A > B"/><p hidden data-x>HIDDEN LEAK</p><br data-a=1 />
            <p DATA-Y = "z" CLASS = 'body' >\(second)</p>
            <p>\(HTMLFixtures.story[1])</p><p data-a="1">\(HTMLFixtures.story[2])</p><p>\(HTMLFixtures.story[3])</p>
            </article><aside data-n="3"><p>The aside is furniture and its text a LEAK if it shows up in the body.</p></aside>
            </body></html>
            """
        let document = try html(page)
        let paragraphs = body(document)
        #expect(paragraphs.contains(first))
        #expect(paragraphs.contains(second))
        #expect(!document.text.contains("LEAK"))
        #expect(document.title?.text == "Harbour reopens")
        #expect(document.page?.canonicalURL == "https://example.org/harbour")
        #expect(document.page?.declaredLanguage == "en")
        #expect(document.page?.links.contains { $0.url == "/cranes" && $0.text.text == "cranes" } == true)
    }

    @Test func aLyingMetaCharsetDoesNotChangeTheText() throws {
        let page = HTMLFixtures.brokenPage.replacing("<html>", with: "<html><head><meta charset=\"iso-8859-1\"></head>")
        let document = try html(page)
        #expect(body(document).first?.hasPrefix("The café on the quay") == true)
    }

    @Test func pageBytesDecodeBOMsAndWindows1252() {
        // "café “quoted”" in Windows-1252
        let latin: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94]
        #expect(PageBytes.decode(latin) == "café “quoted”")
        #expect(PageBytes.decode([0xEF, 0xBB, 0xBF] + Array("<p>é</p>".utf8)) == "<p>é</p>")
        #expect(PageBytes.decode([0xFF, 0xFE, 0x3C, 0x00, 0xE9, 0x00, 0x3E, 0x00]) == "<é>")
        // valid UTF-8 stays UTF-8 whatever the page declares
        #expect(PageBytes.decode(Array("<meta charset=latin1>café".utf8)) == "<meta charset=latin1>café")
    }

    @Test func formatSniffing() throws {
        #expect(try engine.parse(HTMLFixtures.newsPage, format: .auto).format == .html)
        #expect(try engine.parse(HTMLFixtures.brokenPage, format: .auto).format == .html)
        let plain = "Prices rose 3% <for now>, the bank said.\n\nThe council met on Monday."
        let document = try engine.parse(plain, format: .auto)
        #expect(document.format == .text)
        #expect(document.text == plain)
        #expect(document.page == nil)
    }

    @Test func emptyAndTextOnlyInputs() throws {
        for input in ["", "   ", "<", "<html>", "no markup at all", "<p>", "</div></div>", "<!-- only a comment -->"] {
            let document = try html(input)
            #expect(document.page?.hasArticle == false)
        }
    }

    @Test func hundredThousandNestedElements() throws {
        let paragraphs = HTMLFixtures.story + HTMLFixtures.story.map { $0.replacing("pier", with: "jetty") }
        let paragraph = paragraphs.map { "<p>\($0)</p>" }.joined()
        let page = "<html><body>" + String(repeating: "<div>", count: 100_000) + paragraph
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let document = try html(page)
        #expect(body(document) == paragraphs)

        let unclosed = "<html><body>" + String(repeating: "<b>", count: 100_000) + paragraph + "</body></html>"
        #expect(body(try html(unclosed)) == paragraphs)
    }

    @Test func aLargePage() throws {
        var page = "<!doctype html><html><head><title>Big</title></head><body><article><h1>Big</h1>"
        var count = 0
        while page.utf8.count < 4_000_000 {
            page += "<p>\(HTMLFixtures.story[count % HTMLFixtures.story.count])</p>\n"
            count += 1
        }
        page += "</article></body></html>"
        let document = try html(page)
        #expect(body(document).count == count)
        #expect(try engine.summarize(document).sentences.count == 3)
    }

    @Test func concurrentParsesAgree() async throws {
        let expected = try html(HTMLFixtures.newsPage).text
        let texts = await withTaskGroup(of: String?.self) { group in
            for index in 0..<16 {
                let page = index % 2 == 0 ? HTMLFixtures.newsPage : HTMLFixtures.blogPage
                group.addTask { try? Engine().parse(page, format: .html).text }
            }
            var out: [String?] = []
            for await text in group { out.append(text) }
            return out
        }
        #expect(texts.count == 16)
        #expect(texts.filter { $0 == expected }.count == 8)
    }

    @Test func embeddedPostsStayWithTheirLinks() throws {
        let story = HTMLFixtures.story.map { "<p>\($0)</p>" }
        let page = "<html><body><div class=\"article-body\">" + story[0] + story[1]
            + "<div class=\"social-media-embed\"><blockquote class=\"post\"><p>The pier is finally happening: "
            + "<a href=\"https://s.example/x\">https://s.example/x</a></p>— Ilse Brandt (@ibrandt) "
            + "<a href=\"https://social.example/ibrandt/1\">March 3, 2026</a></blockquote></div>"
            + story[2] + story[3] + "<div class=\"social-share\"><a href=\"/s\">Share this story on social media</a></div>"
            + story[4] + "</div></body></html>"
        let document = try html(page)
        let quotes = document.paragraphs.filter { $0.kind == .blockQuote }.map { slice(document, $0.span) }
        #expect(quotes == ["The pier is finally happening: https://s.example/x", "— Ilse Brandt (@ibrandt) March 3, 2026"])
        #expect(!document.text.contains("Share this story"))
    }
}
