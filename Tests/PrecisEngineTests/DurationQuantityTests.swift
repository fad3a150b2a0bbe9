import PrecisEngine
import Testing

/// A duration is a date mention (TimeML DURATION), never also a quantity.
@Suite("Durations are not quantities")
struct DurationQuantityTests {
    @Test func durationsAreDatesNotMeasures() {
        let text = "The ferry strike lasted two months, the road is 5 km long, and repairs took 3 hours."
        let result = Fixtures.engine.extract(
            Fixtures.parse(text),
            options: ExtractOptions(kinds: [.dates, .quantities], referenceDate: CalendarDate(iso: "2026-12-01"))
        )
        #expect(result.dates.map(\.text) == ["two months", "3 hours"])
        #expect(result.dates.allSatisfy { $0.type == .duration })
        #expect(result.quantities.map(\.text) == ["5 km"])
    }

    @Test func quantitiesAloneStillSkipDurations() {
        let result = Fixtures.engine.extract(
            Fixtures.parse("The choir rehearsed for six weeks with 40 singers."),
            options: ExtractOptions(kinds: [.quantities], referenceDate: CalendarDate(iso: "2026-12-01"))
        )
        #expect(!result.quantities.contains { $0.text.contains("weeks") })
        #expect(result.quantities.contains { $0.value == 40 })
    }
}
