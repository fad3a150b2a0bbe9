import PrecisEngine
import Testing

/// The phenomena of a real news story (titles before names, relative dates, attributed quotes, `U.S.-backed`,
/// nationality words, an acronym, counts) in an invented article, checked the way a newsroom reads them.
@Suite("Extract: newsroom article")
struct ExtractNewsroomTests {
    /// A Tuesday.
    let reference = CalendarDate(iso: "2026-11-24")!

    static let story = """
        Port Deal Stalls Over Patrol Boats

        Chile’s coastal body balks at shipping plan

        By Carla Mendes

        Chile’s coastal agency, the Harbour Authority, declined to sign a U.S.-backed shipping plan last Tuesday, \
        a move that surprised Peruvian negotiators in Lima and officials in Washington.

        According to The Lima Herald, Foreign Minister Ana Ruiz and Defense Minister Luis Prado met in Valparaiso \
        to review the offer, which covered six patrol boats and two cargo cranes. Chilean unions had asked for more \
        time.

        “We are not against the plan,” Ruiz said. “We want it done properly.”

        Secretary of State Tom Adler will travel to Quito on Sunday. Adler said Friday that the delay was “deeply \
        disappointing” for both sides.

        The CRPA, a regional port council, has offered to mediate. Prado arrived later. “The navy is ready and \
        waiting,” he said.
        """

    private var result: Extraction {
        Fixtures.engine.extract(Fixtures.parse(Self.story), options: ExtractOptions(referenceDate: reference))
    }

    private func entity(_ name: String, in result: Extraction) -> Entity? {
        result.entities.first { $0.name == name || $0.mentions.contains { $0.text == name } }
    }

    @Test func peopleWithoutTheirTitles() {
        let result = result
        for name in ["Ana Ruiz", "Luis Prado", "Tom Adler", "Carla Mendes"] {
            #expect(entity(name, in: result)?.label == .person, "\(name)")
        }
        #expect(entity("Ana Ruiz", in: result)?.mentions.map(\.text) == ["Ana Ruiz", "Ruiz"])
        #expect(entity("Tom Adler", in: result)?.mentions.map(\.text) == ["Tom Adler", "Adler"])
        for entity in result.entities {
            #expect(!entity.mentions.contains { $0.text.contains("Defense") || $0.text.contains("State") })
            #expect(!entity.mentions.contains { $0.text.contains("Minister") || $0.text.contains("Secretary") })
        }
    }

    @Test func organisationsPlacesAndNationalities() {
        let result = result
        #expect(entity("Harbour Authority", in: result)?.label == .org)
        #expect(entity("The Lima Herald", in: result)?.label == .org)
        #expect(entity("CRPA", in: result)?.label == .org)
        for place in ["Chile", "Lima", "Washington", "Valparaiso", "Quito"] {
            #expect(entity(place, in: result)?.label == .loc, "\(place)")
        }
        let us = entity("U.S.", in: result)
        #expect(us?.label == .loc)
        #expect(us.map { Fixtures.slice(Self.story, $0.mentions[0].span) } == "U.S.")
        #expect(entity("Peruvian", in: result)?.label == .norp)
        #expect(entity("Chilean", in: result)?.label == .norp)
        #expect(!result.entities.contains { $0.name == "Port Deal Stalls Over Patrol Boats" })
    }

    @Test func relativeDatesResolved() {
        let dates = result.dates
        func value(_ text: String) -> String? { dates.first { $0.text == text }?.value }
        #expect(value("last Tuesday") == "2026-11-17")
        #expect(value("Sunday") == "2026-11-29")  // "will travel … on Sunday": the coming one
        #expect(value("Friday") == "2026-11-20")  // "said Friday": the one just past
        #expect(dates.allSatisfy { $0.relative && $0.granularity == .day })
    }

    @Test func quotesBelongToTheirSpeakers() {
        let result = result
        let quotes = result.quotes
        func speaker(_ text: String) -> String? {
            quotes.first { $0.text == text }?.speakerEntity.map { result.entities[$0].name }
        }
        #expect(
            quotes.map(\.text) == [
                "We are not against the plan", "We want it done properly.", "deeply disappointing",
                "The navy is ready and waiting",
            ]
        )
        #expect(speaker("We are not against the plan") == "Ana Ruiz")
        #expect(speaker("We want it done properly.") == "Ana Ruiz")
        #expect(speaker("deeply disappointing") == "Tom Adler")
        #expect(speaker("The navy is ready and waiting") == "Luis Prado")
        for quote in quotes { #expect(Fixtures.slice(Self.story, quote.span) == quote.text) }
    }

    @Test func countsKeepTheirValues() {
        let counts = result.quantities.filter { $0.kind == .count }
        #expect(counts.contains { $0.value == 6 && $0.text.hasPrefix("six") })
        #expect(counts.contains { $0.value == 2 && $0.text.hasPrefix("two") })
    }
}

@Suite("Extract: dates and gazetteer")
struct ExtractDateFormTests {
    let reference = CalendarDate(iso: "2026-11-24")!

    private func dates(_ text: String) -> [String] {
        Fixtures.engine.extract(Fixtures.parse(text), options: ExtractOptions(kinds: [.dates], referenceDate: reference))
            .dates.map { "\($0.text)=\($0.value)" }
    }

    @Test func timesCenturiesAndMonths() {
        // Times of day fall on the reference date (TimeML TIME values); TimeML's span takes the century's `the`.
        #expect(
            dates("The ferry left at 11 a.m. and returned at 7:45 pm.")
                == ["11 a.m.=2026-11-24T11:00", "7:45 pm=2026-11-24T19:45"])
        #expect(dates("The walls date from the 13th century.") == ["the 13th century=12"])
        #expect(dates("Prices fell last November and will rise next March.") == ["last November=2025-11", "next March=2027-03"])
        #expect(dates("Talks resumed at noon.") == ["noon=2026-11-24T12:00"])
        #expect(dates("Results of today's vote are due.") == ["today=2026-11-24"])  // TimeML leaves out the 's
        #expect(dates("It began on January second.") == ["January second=2026-01-02"])
    }

    @Test func yearsBeforeNounsButNotCounts() {
        #expect(dates("He won the 2006 season and a 1998 race.") == ["2006=2006", "1998=1998"])
        #expect(dates("The 2000 soldiers marched.").isEmpty)
    }

    @Test func weekdayAfterFutureWords() {
        #expect(dates("The minister will visit the port on Friday.") == ["Friday=2026-11-27"])
        #expect(dates("The minister visited the port on Friday.") == ["Friday=2026-11-20"])
    }

    @Test func citiesFromTheGeneratedGazetteer() {
        let entities = Fixtures.engine.extract(
            Fixtures.parse("Flights from Mombasa and Kisumu resumed, officials in Porto Alegre said."),
            options: ExtractOptions(kinds: [.entities], referenceDate: reference)
        ).entities
        for city in ["Mombasa", "Kisumu", "Porto Alegre"] {
            #expect(entities.first { $0.name == city }?.label == .loc, "\(city)")
        }
    }
}

@Suite("Extract: entity patterns")
struct ExtractEntityPatternTests {
    private func entities(_ text: String) -> [Entity] {
        Fixtures.engine.extract(
            Fixtures.parse(text),
            options: ExtractOptions(kinds: [.entities], referenceDate: CalendarDate(iso: "2026-11-24")!)
        ).entities
    }

    private func label(_ name: String, in found: [Entity]) -> EntityLabel? {
        found.first { $0.name == name }?.label
    }

    @Test func titlesAndEmployersAreNotPartOfNames() {
        let found = entities(
            "Secretary-General Ana Lind met President-elect Rui Costa. Brightwave CEO Omar Saleh spoke after "
                + "Minister of Foreign Affairs Lena Park."
        )
        #expect(label("Ana Lind", in: found) == .person)
        #expect(label("Rui Costa", in: found) == .person)
        #expect(label("Omar Saleh", in: found) == .person)
        #expect(label("Brightwave", in: found) == .org)
        #expect(label("Lena Park", in: found) == .person)
        #expect(!found.contains { $0.name.contains("Affairs") || $0.name.contains("CEO") })
    }

    @Test func contextNamesPlacesOrganisationsAndPeople() {
        let found = entities(
            "Troops reached the town of Qaryat and then Dunmor province. Members of the Verdant party and the "
                + "Popular Harbour Committees met the 42-year-old Tamsin."
        )
        #expect(label("Qaryat", in: found) == .loc)
        #expect(label("Dunmor", in: found) == .loc)
        #expect(label("Verdant", in: found) == .org)
        #expect(label("Popular Harbour Committees", in: found) == .org)
        #expect(label("Tamsin", in: found) == .person)
    }

    @Test func sentenceStartsAndPossessives() {
        let found = entities(
            "Senior Chilean officials met. Okonkwo said the deal was close. Officials said it was not. "
                + "The plan suits Northgate Shipping Company's owners."
        )
        #expect(label("Chilean", in: found) == .norp)
        #expect(!found.contains { $0.name == "Senior Chilean" || $0.name == "Officials" })
        #expect(label("Okonkwo", in: found) == .person)
        #expect(label("Northgate Shipping Company", in: found) == .org)
    }

    @Test func speakersAfterAppositivesAndTitles() {
        let text = """
            Rosa Vidal, an economist at Harbor Bank, added: "Prices will fall before spring arrives."

            "The port is open again for business," Harbor Bank analyst Ivo Marsh told reporters.
            """
        let result = Fixtures.engine.extract(Fixtures.parse(text), options: ExtractOptions(kinds: [.entities, .quotes]))
        #expect(result.quotes.map(\.speaker) == ["Rosa Vidal", "Ivo Marsh"])
        #expect(result.quotes.map { $0.speakerEntity.map { result.entities[$0].name } } == ["Rosa Vidal", "Ivo Marsh"])
    }
}

@Suite("Extract: quotes across paragraphs")
struct ExtractQuoteParagraphTests {
    @Test func quotationRunningOnIntoTheNextParagraph() {
        let text = """
            Harbour master Nell Ostrander spoke at length.

            “The boats came in early this year and the weather held for once.

            “Next season we will need more berths,” Ostrander said.

            “Not a chance,” a rival replied later in the afternoon.
            """
        let result = Fixtures.engine.extract(Fixtures.parse(text), options: ExtractOptions(kinds: [.entities, .quotes]))
        #expect(
            result.quotes.map(\.text) == [
                "The boats came in early this year and the weather held for once.", "Next season we will need more berths",
                "Not a chance",
            ]
        )
        // The last quote stands in its own paragraph and names no one: it gets no speaker.
        #expect(result.quotes.map(\.speaker) == ["Ostrander", "Ostrander", ""])
        #expect(
            result.quotes.prefix(2).allSatisfy { $0.speakerEntity.map { result.entities[$0].name } == "Nell Ostrander" }
        )
        for quote in result.quotes { #expect(Fixtures.slice(text, quote.span) == quote.text) }
    }
}

@Suite("Extract: speaker phrasing")
struct ExtractSpeakerPhrasingTests {
    @Test func describedSpeakersAndAdverbs() {
        let text = """
            "The yard will stay open through the winter," said union leader Piet Hallam.

            "We were lucky with the tides this time," Hallam recently said.
            """
        let result = Fixtures.engine.extract(Fixtures.parse(text), options: ExtractOptions(kinds: [.entities, .quotes]))
        #expect(result.quotes.map(\.speaker) == ["Piet Hallam", "Hallam"])
        #expect(result.quotes.map { $0.speakerEntity.map { result.entities[$0].name } } == ["Piet Hallam", "Piet Hallam"])
    }
}

@Suite("Extract: pronoun speakers")
struct ExtractPronounSpeakerTests {
    @Test func pronounsSkipPeopleOfTheOtherGivenName() {
        let text = """
            Coach Mary Okafor praised striker John Bellamy after the match. "The team kept its shape all night," she said.

            Health Minister Peter Lund, asked about the clinic, said: "We will open it in the spring."
            """
        let result = Fixtures.engine.extract(Fixtures.parse(text), options: ExtractOptions(kinds: [.entities, .quotes]))
        #expect(result.quotes.map { $0.speakerEntity.map { result.entities[$0].name } } == ["Mary Okafor", "Peter Lund"])
        #expect(result.quotes.last?.speaker == "Peter Lund")
    }
}

@Suite("Extract: events and products")
struct ExtractEventProductTests {
    @Test func eventsAndModelNumbers() {
        let found = Fixtures.engine.extract(
            Fixtures.parse("After Hurricane Mirela the navy sent two F-35 jets and an A380 to the Coastal Games."),
            options: ExtractOptions(kinds: [.entities])
        ).entities
        #expect(found.first { $0.name == "Hurricane Mirela" }?.label == .event)
        #expect(found.first { $0.name == "Coastal Games" }?.label == .event)
        #expect(found.first { $0.name == "F-35" }?.label == .product)
        #expect(found.first { $0.name == "A380" }?.label == .product)
    }
}

@Suite("Extract: organisations as speakers")
struct ExtractOrganisationSpeakerTests {
    @Test func spokespersonQuotesGoToTheOrganisation() {
        let text = "\"The line will reopen on Monday morning,\" a Northline Rail spokeswoman said."
        let result = Fixtures.engine.extract(Fixtures.parse(text), options: ExtractOptions(kinds: [.entities, .quotes]))
        #expect(result.quotes.map(\.speaker) == ["Northline Rail"])
        #expect(result.quotes.first?.speakerEntity.map { result.entities[$0].name } == "Northline Rail")
    }
}

extension ExtractOrganisationSpeakerTests {
    @Test func aSpokespersonsEmployerIsAnOrganisation() {
        let text = "\"The line will reopen on Monday morning,\" a Northline Rail spokeswoman said."
        let result = Fixtures.engine.extract(Fixtures.parse(text), options: ExtractOptions(kinds: [.entities]))
        #expect(result.entities.first { $0.name == "Northline Rail" }?.label == .org)
    }
}

@Suite("Extract: reference date")
struct ExtractReferenceDateTests {
    static let text = """
        Ferry fares rise again

        By Ola Brandt

        Published: 3 March 2026

        Ferry fares went up yesterday, the operator said on Friday.
        """

    @Test func theDocumentsPublishedDateAnchorsRelativeDates() {
        let result = Fixtures.engine.extract(Fixtures.parse(Self.text), options: ExtractOptions(kinds: [.dates]))
        #expect(result.referenceDate == CalendarDate(iso: "2026-03-03"))
        #expect(result.dates.first { $0.text == "yesterday" }?.value == "2026-03-02")
        #expect(result.dates.first { $0.text == "Friday" }?.value == "2026-02-27")
    }

    @Test func anExplicitReferenceDateWins() {
        let options = ExtractOptions(kinds: [.dates], referenceDate: CalendarDate(iso: "2026-11-24"))
        let result = Fixtures.engine.extract(Fixtures.parse(Self.text), options: options)
        #expect(result.dates.first { $0.text == "yesterday" }?.value == "2026-11-23")
    }
}
