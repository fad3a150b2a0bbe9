import PrecisEngine
import Testing

/// TimeML TIMEX3 values, types and mods, on invented sentences; the reference date is Tuesday 1 December 2026.
@Suite("Timex")
struct TimexTests {
    let reference = CalendarDate(iso: "2026-12-01")!

    private func dates(_ text: String) -> [DateMention] {
        let options = ExtractOptions(kinds: [.dates], referenceDate: reference)
        return Fixtures.engine.extract(Fixtures.parse(text), options: options).dates
    }

    private func one(_ text: String) -> DateMention? {
        let found = dates(text)
        #expect(found.count == 1, "\(found.map(\.text)) in \(text)")
        return found.first
    }

    @Test(arguments: [
        ("The ferry strike lasted two months.", "two months", "P2M"),
        ("Rents rose over the past five years in the valley.", "the past five years", "P5Y"),
        ("The mill ran for 3 days without a stop.", "3 days", "P3D"),
        ("The hearing took three hours.", "three hours", "PT3H"),
        ("Repairs will take a week.", "a week", "P1W"),
        ("Talks went on for several days.", "several days", "PXD"),
        ("The orchard has been dry for years.", "years", "PXY"),
        ("The next few weeks will be busy for the port.", "The next few weeks", "PXW"),
        ("Sales in the first nine months fell.", "the first nine months", "P9M"),
        ("The choir toured for two decades.", "two decades", "P20Y"),
        ("She signed a 10-year lease on the bakery.", "10-year", "P10Y"),
        ("The council approved a two-year budget.", "two-year", "P2Y"),
        ("The valley waited twenty four hours for rain.", "twenty four hours", "PT24H"),
    ])
    func durations(text: String, span: String, value: String) {
        let found = one(text)
        #expect(found?.text == span)
        #expect(found?.value == value)
        #expect(found?.type == .duration)
    }

    @Test(arguments: [
        ("The fog lasted about two months.", "about two months", "P2M", TimexMod.approx),
        ("The drill ran more than two weeks.", "more than two weeks", "P2W", .moreThan),
        ("Repairs took less than an hour.", "less than an hour", "PT1H", .lessThan),
        ("The lease runs at least 20 years.", "at least 20 years", "P20Y", .equalOrMore),
        ("Guests may stay up to 14 days.", "up to 14 days", "P14D", .equalOrLess),
        ("The bridge reopens in early 2025.", "early 2025", "2025", .start),
        ("The harvest ends in late November.", "late November", "2026-11", .end),
        ("Prices peaked in mid-1996.", "mid-1996", "1996", .mid),
        ("The plant shut at the end of 1990.", "the end of 1990", "1990", .end),
        ("The dome was built in the late 1970s.", "the late 1970s", "197", .end),
    ])
    func modifiers(text: String, span: String, value: String, mod: TimexMod) {
        let found = one(text)
        #expect(found?.text == span)
        #expect(found?.value == value)
        #expect(found?.mod == mod)
    }

    @Test func modifiersOnlyBoundDurations() {
        // `over` before a date is a preposition: the span is the date alone, without a mod.
        let found = one("Crowds gathered over the weekend.")
        #expect(found?.text == "the weekend")
        #expect(found?.mod == nil)
        #expect(found?.value == "2026-W48-WE")
    }

    @Test func sets() {
        let found = dates(
            "The tram is checked every week, the boilers annually, the pumps twice a month, and the market opens every Monday."
        )
        #expect(found.map(\.text) == ["every week", "annually", "twice a month", "every Monday"])
        #expect(found.map(\.value) == ["P1W", "P1Y", "P1M", "XXXX-WXX-1"])
        #expect(found.allSatisfy { $0.type == .set })
        #expect(found.map(\.quant) == ["EVERY", "EVERY", "", "EVERY"])
        #expect(found.map(\.freq) == ["", "", "2X", ""])
        #expect(one("The paper prints daily.")?.value == "P1D")
    }

    @Test func timesOnADay() {
        let found = dates("The ferry left at 3 p.m. and the choir sang this morning; the market closes Friday night.")
        #expect(found.map(\.text) == ["3 p.m.", "this morning", "Friday night"])
        #expect(found.map(\.value) == ["2026-12-01T15:00", "2026-12-01TMO", "2026-11-27TNI"])
        #expect(found.allSatisfy { $0.type == .time && $0.granularity == .time })
        #expect(one("The vote is at noon.")?.value == "2026-12-01T12:00")
        #expect(one("The mayor spoke last night.")?.value == "2026-11-30TNI")
        #expect(one("Doors will open at 10:30 pm Wednesday.")?.value == "2026-12-02T22:30")
    }

    @Test func vagueReferences() {
        let found = dates("The pier is now closed. Tolls are currently high. A gull was recently seen there.")
        #expect(found.map(\.value) == ["PRESENT_REF", "PRESENT_REF", "PAST_REF"])
        #expect(found.allSatisfy { $0.type == .date && $0.granularity == .unspecified })
        #expect(one("Boats were slower in the past.")?.text == "the past")
        #expect(one("Boats were slower in the past.")?.value == "PAST_REF")
        #expect(one("Boats will be faster in the future.")?.value == "FUTURE_REF")
        #expect(one("Fares climbed in recent years.")?.text == "recent years")
        #expect(one("Fares climbed in recent years.")?.value == "PAST_REF")
    }

    @Test func periods() {
        let found = dates(
            "Profit rose in the third quarter. The pool opens this summer. The mill thrived in the 1990s. It grew this year."
        )
        #expect(found.map(\.text) == ["the third quarter", "this summer", "the 1990s", "this year"])
        #expect(found.map(\.value) == ["2026-Q3", "2026-SU", "199", "2026"])
        #expect(found.map(\.granularity) == [.quarter, .season, .decade, .year])
        #expect(one("Output fell in Q2 2025.")?.value == "2025-Q2")
        #expect(one("The lake froze last winter.")?.value == "2025-WI")
        #expect(one("The shop was busy the last week.")?.text == "the last week")
        #expect(one("The shop was busy the last week.")?.value == "2026-W48")
    }

    @Test func aYearEarlierAfterAQuarterIsThatQuarter() {
        let found = dates("Profit in the third quarter was $4 million, up from $3 million a year earlier.")
        #expect(found.map(\.value) == ["2026-Q3", "2025-Q3"])
    }

    @Test func aHistoryResolvesAgainstTheDatesItNames() {
        let found = dates(
            "On June 6, 1944, the brigade landed at the bay. Two days later it took the bridge. In July, it crossed the river."
        )
        #expect(found.map(\.value) == ["1944-06-06", "1944-06-08", "1944-07"])
    }

    @Test func namedDaysAndYearsInWords() {
        #expect(one("The mill opened in nineteen ninety-six.")?.value == "1996")
        #expect(one("The market closed on Christmas Day.")?.value == "2026-12-25")
        #expect(one("Results for the fiscal year were flat.")?.value == "P1Y")
        #expect(one("Sales rose during the year.")?.type == .duration)
        #expect(one("The mayor praised the harbour at year-end.")?.value == "2026-12-31")
        let found = one("The pier will reopen by February.")
        #expect(found?.value == "2027-02")  // a deadline: the coming February
    }

    @Test func everyDateHasAType() {
        let found = dates(
            "Yesterday, on 24 November 2026, at 9 a.m., the fair opened for three days; it opens every year, and now again."
        )
        #expect(found.count == 6)
        #expect(found.map(\.type) == [.date, .date, .time, .duration, .set, .date])
    }
}
