import PrecisEngine
import Testing

/// Invented pages in the layouts scraped news comes in.
enum LayoutFixtures {
    /// Caption and credit on one line (no-break space), section, headline, dek, bare name, body, furniture.
    static let captionFirst = """
        Harbour master Ines Vale at the new pier\u{A0}Port Authority photographer
        Transport

        Ferry Line Drops Night Crossings After Fuel Costs Double

        Operators blame the winter timetable and a shortage of crews on the northern route.

        Tomas Reyes

        The ferry company that links the two islands will stop its night crossings from next month, its owners said on Monday.

        Passengers who work late shifts said the change would leave them with a two-hour wait for the first morning boat.

        SCROLL FOR NEXT
        """

    /// A wire story: dateline before the first paragraph, a publication line and a credit line.
    static let wire = """
        World

        Fishing talks stall over northern quotas

        By Mara Lindqvist and Olu Adeyemi

        Published 24 November 2026

        BERGEN (Reuters) - Talks on fishing quotas in the northern sea broke up on Tuesday without a deal, officials said, after two days of meetings.

        A trawler returns to port in the early morning.
        Photo: Sven Aas/Reuters

        Negotiators will meet again in January, a spokeswoman for the fisheries ministry said.

        Advertisement

        Read more: Why quotas matter to coastal towns
        """

    /// A blog post: title, date line, body, share and cookie prompts.
    static let blog = """
        Ten things I learned from a year of growing tomatoes

        Nov. 24, 2026 10:15 AM ET

        When I planted my first seedlings last spring, I had no idea how much the weather would decide.

        The first lesson was patience. The second was that slugs never sleep.

        Share this article

        We use cookies to improve your experience. By continuing you agree to our policy.
        """

    /// A press release with a slash-agency dateline.
    static let pressRelease = """
        Lumen Robotics Opens Research Centre in Tampere

        NEW YORK, Nov. 24, 2026 /PRNewswire/ -- Lumen Robotics today announced a research centre that will employ forty engineers.

        The centre will focus on warehouse automation, the company said in a statement.
        """

    /// Body text only: no title, no byline.
    static let noTitle = """
        The council met on Tuesday to discuss the budget. Members argued for three hours about the library.

        In the end, they agreed to keep the library open on Saturdays until the spring.
        """

    static let german = """
        Die Stadt plant einen neuen Park am Fluss. Der Bürgermeister sagte, dass die Arbeiten im Frühjahr beginnen \
        werden und dass die Anwohner mit einer Bauzeit von zwei Jahren rechnen müssen.
        """

    static let french = """
        La ville prépare un nouveau parc au bord de la rivière. Le maire a dit que les travaux commenceront au \
        printemps et que les habitants devront attendre deux ans avant de pouvoir s'y promener.
        """
}

@Suite("Structure layouts")
struct StructureLayoutTests {
    func text(_ document: ParsedDocument, _ located: Located?) -> String? {
        located.map { Fixtures.slice(document.text, $0.span) }
    }

    @Test func captionFirstPage() {
        let document = Fixtures.parse(LayoutFixtures.captionFirst)
        #expect(document.section?.text == "Transport")
        #expect(document.title?.text == "Ferry Line Drops Night Crossings After Fuel Costs Double")
        #expect(document.subtitle?.text.hasPrefix("Operators blame") == true)
        #expect(document.byline?.text == "Tomas Reyes")
        #expect(document.captions.first?.text.text == "Harbour master Ines Vale at the new pier")
        #expect(document.captions.first?.credit?.text == "Port Authority photographer")
        #expect(document.bodyParagraphIndices.count == 2)
        #expect(document.paragraphs.last?.kind == .boilerplate)
        #expect(Fixtures.spanProblems(document).isEmpty)
        #expect(document.language.code == "en")
    }

    @Test func wireStory() {
        let document = Fixtures.parse(LayoutFixtures.wire)
        #expect(document.section?.text == "World")
        #expect(document.title?.text == "Fishing talks stall over northern quotas")
        #expect(document.byline?.text == "Mara Lindqvist and Olu Adeyemi")
        #expect(text(document, document.byline) == "Mara Lindqvist and Olu Adeyemi")
        #expect(document.published?.text == "Published 24 November 2026")
        #expect(document.dateline?.text == "BERGEN (Reuters)")
        #expect(document.captions.first?.credit?.text == "Photo: Sven Aas/Reuters")
        let body = document.bodyParagraphIndices.map { document.paragraphs[$0] }
        #expect(body.count == 2)
        #expect(body.first?.kind == .body)
        #expect(document.paragraphs.filter { $0.kind == .boilerplate }.count == 2)
    }

    @Test func blogPost() {
        let document = Fixtures.parse(LayoutFixtures.blog)
        #expect(document.title?.text == "Ten things I learned from a year of growing tomatoes")
        #expect(document.published?.text == "Nov. 24, 2026 10:15 AM ET")
        #expect(document.byline == nil)
        #expect(document.bodyParagraphIndices.count == 2)
        #expect(document.paragraphs.suffix(2).allSatisfy { $0.kind == .boilerplate })
    }

    @Test func pressRelease() {
        let document = Fixtures.parse(LayoutFixtures.pressRelease)
        #expect(document.title?.text == "Lumen Robotics Opens Research Centre in Tampere")
        #expect(document.dateline?.text == "NEW YORK, Nov. 24, 2026 /PRNewswire/")
        #expect(document.bodyParagraphIndices.count == 2)
    }

    @Test func pageWithoutTitle() {
        let document = Fixtures.parse(LayoutFixtures.noTitle)
        #expect(document.title == nil)
        #expect(document.byline == nil)
        #expect(document.dateline == nil)
        #expect(document.captions.isEmpty)
        #expect(document.paragraphs.allSatisfy { $0.kind == .body })
    }

    @Test func languages() {
        #expect(Fixtures.parse(LayoutFixtures.german).language.code == "de")
        #expect(Fixtures.parse(LayoutFixtures.french).language.code == "fr")
        #expect(Fixtures.parse(LayoutFixtures.noTitle).language.code == "en")
        #expect(Fixtures.parse("Москва готовится к зиме. Снег выпал рано.").language.code == "ru")
        #expect(Fixtures.parse("서울은 오늘 맑습니다. 내일은 비가 옵니다.").language.code == "ko")
        #expect(Fixtures.parse("北京今天天气很好。明天会下雨。").language.code == "zh")
        #expect(Fixtures.parse("Η Αθήνα είναι ζεστή σήμερα.").language.code == "el")
        #expect(Fixtures.parse("12 34 56").language.code == "und")
        let confidence = Fixtures.parse(LayoutFixtures.german).language.confidence
        #expect(confidence > 0 && confidence <= 1)
    }

    @Test func bodyDashesAreNotDatelines() {
        let text = "Heavy rain fell overnight - and the river rose by a metre, officials said on Sunday morning."
        #expect(Fixtures.parse(text).dateline == nil)
        let acronymFree = "The plan — which took a year to write — was approved by the board on Friday."
        #expect(Fixtures.parse(acronymFree).dateline == nil)
    }
}

@Suite("Structure lines")
struct StructureLineTests {
    @Test func strongLineIsASubheading() {
        let text = """
            # Harbour guide

            The ferry leaves at noon. Tickets are sold on board.

            **Getting there**

            Take the *river bus* from the station.
            """
        let document = Fixtures.parse(text)
        #expect(document.paragraphs.map(\.kind) == [.title, .body, .heading, .body])
        #expect(Fixtures.slice(text, document.paragraphs[2].span) == "Getting there")
        #expect(Fixtures.spanProblems(document).isEmpty)
    }

    @Test func phoneNumbersAndGraphicsStayBody() {
        let text = """
            The clinic opened a new wing on Monday, staff said, after two years of building work.

            02-751-1500

            (Graphic: Beds per region - here)
            """
        let document = Fixtures.parse(text)
        #expect(document.published == nil)
        #expect(document.captions.isEmpty)
        #expect(document.paragraphs.allSatisfy { $0.kind == .body })
    }

    @Test func parenthesisedCreditAfterCaption() {
        let text = """
            Town says goodbye to its oldest bakery

            The baker, left, with her daughter outside the shop in 1998 (Getty Images)

            The bakery on Mill Street closed on Saturday after ninety years, its owners said.
            """
        let document = Fixtures.parse(text)
        #expect(document.captions.first?.credit?.text == "(Getty Images)")
        #expect(document.title?.text == "Town says goodbye to its oldest bakery")
        #expect(document.bodyParagraphIndices.count == 1)
    }
}

@Suite("Structure header")
struct StructureHeaderTests {
    @Test func shortTitleBeforeBylineIsNotASection() {
        let text = """
            Rovers 2-1 United

            By Ada Mensah

            Rovers came from behind to win the derby in front of a full ground on Saturday afternoon.
            """
        let document = Fixtures.parse(text)
        #expect(document.section == nil)
        #expect(document.title?.text == "Rovers 2-1 United")
        #expect(document.byline?.text == "Ada Mensah")
    }
}
