import PrecisEngine
import Testing

@Suite("Quantities")
struct QuantityTests {
    private func quantities(_ text: String) -> [Quantity] {
        Fixtures.engine.extract(
            Fixtures.parse(text),
            options: ExtractOptions(kinds: [.quantities], referenceDate: CalendarDate(iso: "2026-11-24"))
        ).quantities
    }

    private func summary(_ text: String) -> [String] {
        quantities(text).map { "\($0.text)|\($0.kind)|\($0.value)|\($0.unit)" }
    }

    @Test func countsCarryWhatTheyCount() {
        let text = "The navy moved six F-18 strike jets and three Typhoon patrol aircraft north, and 40 sailors went too."
        let found = quantities(text)
        #expect(
            found.map { "\($0.text)|\($0.kind)|\($0.value)|\($0.unit)" } == [
                "six F-18 strike jets|count|6.0|F-18 strike jets",
                "three Typhoon patrol aircraft|count|3.0|Typhoon patrol aircraft", "40 sailors|count|40.0|sailors",
            ]
        )
        for quantity in found {
            #expect(Fixtures.slice(text, quantity.span) == quantity.text)
            if let span = quantity.unitSpan { #expect(Fixtures.slice(text, span) == quantity.unit) }
        }
    }

    @Test func countsStopAtVerbsAndFunctionWords() {
        #expect(summary("Some 300 volunteers cleaned the beach.") == ["300 volunteers|count|300.0|volunteers"])
        #expect(summary("About 15 people arrived late.") == ["15 people|count|15.0|people"])
        #expect(summary("Only 7 of them stayed.") == ["7|number|7.0|"])
        #expect(summary("We found 3 new species there.") == ["3 new species|count|3.0|new species"])
    }

    @Test func moneyInItsWrittenForms() {
        let found = summary(
            "The deal was worth $1.8bn, or £900 million, plus €45 and 70 euros, CHF 12 and 250 US dollars; a stamp costs 85p."
        )
        #expect(
            found == [
                "$1.8bn|money|1800000000.0|USD", "£900 million|money|900000000.0|GBP", "€45|money|45.0|EUR",
                "70 euros|money|70.0|EUR", "CHF 12|money|12.0|CHF", "250 US dollars|money|250.0|USD",
                "85p|money|0.85|GBP",
            ]
        )
    }

    @Test func percentagesAndPoints() {
        #expect(
            summary("Turnout rose 0.4% to 61 per cent, or 61 percent, a gain of 3 percentage points.") == [
                "0.4%|percent|0.4|", "61 per cent|percent|61.0|", "61 percent|percent|61.0|",
                "3 percentage points|measure|3.0|percentage points",
            ]
        )
    }

    @Test func numberWordsCompoundsAndFractions() {
        #expect(summary("Twenty-five runners finished.") == ["Twenty-five runners|count|25.0|runners"])
        #expect(summary("A dozen eggs broke.") == ["A dozen eggs|count|12.0|eggs"])
        #expect(summary("Two-thirds voted yes.") == ["Two-thirds|number|\(2.0 / 3.0)|"])
        #expect(summary("Nearly 1.5 million tickets sold.") == ["1.5 million tickets|count|1500000.0|tickets"])
        #expect(summary("It sold three hundred copies.") == ["three hundred copies|count|300.0|copies"])
    }

    @Test func ordinalsAndMeasures() {
        #expect(
            summary("She came fourth in the 42nd race, 10 km long, across 12 square miles.") == [
                "fourth|ordinal|4.0|", "42nd|ordinal|42.0|", "10 km|measure|10.0|km",
                "12 square miles|measure|12.0|square miles",
            ]
        )
    }

    @Test func yearsInDatesAreNotQuantities() {
        // The years are dates, and so is `26 years` (a TimeML DURATION, `P26Y`): none is also a quantity.
        #expect(quantities("The bridge opened in 1998 and closed on March 3, 2024, after 26 years.").isEmpty)
        #expect(quantities("The bridge is 26 metres long.").map(\.text) == ["26 metres"])
    }

    @Test func oneAsAPronounIsNotANumber() {
        #expect(quantities("No one came, and one of the boats sank.").isEmpty)
    }
}

@Suite("Quantities in news usage")
struct QuantityNewsTests {
    private func summary(_ text: String) -> [String] {
        Fixtures.engine.extract(
            Fixtures.parse(text),
            options: ExtractOptions(kinds: [.quantities], referenceDate: CalendarDate(iso: "2026-11-24"))
        ).quantities.map { "\($0.text)|\($0.kind)|\($0.value)|\($0.unit)" }
    }

    @Test func attachedMIsMillions() {
        #expect(summary("Profits reached 77m last quarter.") == ["77m|number|77000000.0|"])
        #expect(summary("The track is 400 m long.") == ["400 m|measure|400.0|m"])
    }

    @Test func bareYearsAreNotCounts() {
        #expect(summary("The 2004 tournament drew 150 teams.") == ["150 teams|count|150.0|teams"])
    }

    @Test func penceAndCents() {
        #expect(summary("Shares fell 12 pence, or 30 cents.") == ["12 pence|money|0.12|GBP", "30 cents|money|0.3|USD"])
    }

    @Test func timeWordsEndACount() {
        #expect(summary("Sales were 189,000 last year.") == ["189,000|number|189000.0|"])
    }

    @Test func aLoneOrdinalAfterAIsAFraction() {
        let found = summary("Costs fell by a third, and a fifth of the staff left before the third round of talks in a third city.")
        #expect(found.contains("third|number|\(1.0 / 3)|"))
        #expect(found.contains("fifth|number|0.2|"))
        #expect(found.filter { $0.hasSuffix("|ordinal|3.0|") }.count == 2)
    }
}
