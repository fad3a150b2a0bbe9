import PrecisEngine
import Testing

@Suite("Structure")
struct StructureTests {
    @Test func articleFields() {
        let document = Fixtures.parse(Fixtures.article)
        #expect(document.title?.text == "River festival returns to Almora after five years")
        #expect(document.subtitle?.text == "Organisers expect the biggest crowds since the old bridge reopened")
        #expect(document.byline?.text == "Jonas Petrov")
        #expect(
            document.paragraphs.map(\.kind) == [
                .title, .subtitle, .byline, .boilerplate, .body, .body, .boilerplate, .body,
            ]
        )
        if let title = document.title {
            #expect(Fixtures.slice(document.text, title.span) == title.text)
        }
    }

    @Test func boilerplateIsExcludedFromBody() {
        let document = Fixtures.parse(Fixtures.article)
        let body = document.bodyParagraphIndices
        #expect(body == [4, 5, 7])
        let bodyText = body.map { Fixtures.slice(document.text, document.paragraphs[$0].span) }.joined()
        #expect(!bodyText.contains("Advertisement"))
        #expect(!bodyText.contains("Share this article"))
    }

    @Test func markdownBlocks() {
        let text = """
            # Festival guide
            Boats race at noon. Crowds gather early.

            ## Getting there
            - Take the river bus.
            - Walk from the station.
            1. Buy a ticket.
            > Arrive early,
            > and bring water.
            """
        let document = Fixtures.parse(text)
        let kinds = document.paragraphs.map(\.kind)
        #expect(kinds == [.title, .body, .heading, .listItem, .listItem, .listItem, .blockQuote])
        #expect(document.paragraphs[2].level == 2)
        #expect(Fixtures.slice(text, document.paragraphs[3].span) == "Take the river bus.")
        #expect(Fixtures.slice(text, document.paragraphs[2].span) == "Getting there")
        #expect(Fixtures.tokenTexts(document).filter { $0 == ">" }.isEmpty)
        #expect(Fixtures.spanProblems(document).isEmpty)
    }

    @Test func singleNewlinesSeparateParagraphs() {
        let text =
            "Almora prepares for its festival\nThe town expects large crowds this weekend.\n"
            + "Boats will race on the river."
        let document = Fixtures.parse(text)
        #expect(document.paragraphs.map(\.kind) == [.title, .body, .body])
    }

    @Test func hardWrappedLinesAreJoined() {
        let text = """
            The river festival returns this weekend after a long pause, and the town
            council expects the largest crowds it has seen since the bridge reopened
            in the spring. Boats will race past the mill on both days of the event.

            A second paragraph follows here.
            """
        let document = Fixtures.parse(text)
        #expect(document.paragraphs.count == 2)
        #expect(document.sentences.count == 3)
    }

    @Test func statsAndLanguage() {
        let document = Fixtures.parse(Fixtures.article)
        #expect(document.stats.paragraphs == document.paragraphs.count)
        #expect(document.stats.sentences == document.sentences.count)
        #expect(document.stats.characters == Fixtures.article.unicodeScalars.count)
        #expect(document.stats.readingTimeSeconds == (document.stats.words * 60 + 229) / 230)
        #expect(document.language.code == "en")
        #expect(Fixtures.parse("東京は晴れです。明日は雨です。").language.code == "ja")
    }
}
