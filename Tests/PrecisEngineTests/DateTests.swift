import PrecisEngine
import Testing

@Suite("Dates")
struct DateTests {
    let reference = CalendarDate(iso: "2026-11-24")!  // a Tuesday

    private func dates(_ text: String) -> [DateMention] {
        let options = ExtractOptions(kinds: [.dates], referenceDate: reference)
        return Fixtures.engine.extract(Fixtures.parse(text), options: options).dates
    }

    @Test func calendarDate() {
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "2026-1-01") == nil)
        #expect(CalendarDate(iso: "2026-11-24")?.iso == "2026-11-24")
        #expect(CalendarDate(iso: "0999-01-02")?.iso == "0999-01-02")
        #expect(CalendarDate(iso: "2026-11-24")! < CalendarDate(iso: "2026-12-01")!)
        let today = CalendarDate.todayUTC()
        #expect(today.year >= 2024 && CalendarDate(year: today.year, month: today.month, day: today.day) == today)
    }

    @Test func relativeDaysResolveAgainstTheReference() {
        let found = dates("Yesterday the council met; today it votes, and tomorrow it rests.")
        #expect(found.map(\.value) == ["2026-11-23", "2026-11-24", "2026-11-25"])
        #expect(found.allSatisfy { $0.relative && $0.granularity == .day })
    }

    @Test func weekdays() {
        let found = dates("They met on Monday, will meet next Friday, and last met on Tuesday.")
        #expect(found.map(\.text) == ["Monday", "next Friday", "Tuesday"])
        #expect(found.map(\.value) == ["2026-11-23", "2026-11-27", "2026-11-24"])
        #expect(dates("It happened last Tuesday.").map(\.value) == ["2026-11-17"])
    }

    @Test func absoluteDates() {
        let found = dates(
            "It opens on November 30, 2026, closed on 24 Nov. 2025, and ran from 2026-01-05 in March 2024."
        )
        #expect(found.map(\.text) == ["November 30, 2026", "24 Nov. 2025", "2026-01-05", "March 2024"])
        #expect(found.map(\.value) == ["2026-11-30", "2025-11-24", "2026-01-05", "2024-03"])
        #expect(found.map(\.granularity) == [.day, .day, .day, .month])
        #expect(found.allSatisfy { !$0.relative })
    }

    @Test func monthDayWithoutYearUsesReferenceYear() {
        // `due` speaks of the future: Jan 9th, said on 24 November, is the coming one.
        let found = dates("The vote is due Dec. 3 and results by Jan 9th.")
        #expect(found.map(\.value) == ["2026-12-03", "2027-01-09"])
        #expect(dates("The results came on Jan 9th.").map(\.value) == ["2026-01-09"])
        #expect(found.allSatisfy { $0.relative })
    }

    @Test func yearsDecadesAndPeriods() {
        // TimeML writes a decade as its first three digits; `will … in June`, said in November, is next June.
        let found = dates("Built in 1998, it was busy in the 1970s and will close next year or in June.")
        #expect(found.map(\.value) == ["1998", "197", "2027", "2027-06"])
        #expect(found.map(\.granularity) == [.year, .decade, .year, .month])
        #expect(dates("They sold 1500 boats and wrote last week.").map(\.value) == ["2026-W47"])
    }

    @Test func datesInTheArticle() {
        let found = dates(Fixtures.article)
        #expect(found.map(\.text).contains("November 30, 2026"))
        #expect(found.first { $0.text == "yesterday" }?.value == "2026-11-23")
        // "will return on Saturday": the coming Saturday, not the one before the reference date.
        #expect(found.first { $0.text == "Saturday" }?.value == "2026-11-28")
    }
}

/// Counted relative dates and possessive weekdays.
@Suite("Dates ago")
struct DateAgoTests {
    @Test func countsAgo() {
        let options = ExtractOptions(kinds: [.dates], referenceDate: CalendarDate(iso: "2026-11-24")!)
        let text = "The bridge opened three days ago, the road 2 years ago; Monday's vote was tense."
        let dates = Fixtures.engine.extract(Fixtures.parse(text), options: options).dates
        #expect(dates.map(\.value) == ["2026-11-21", "2024", "2026-11-23"])
        #expect(dates.first?.text == "three days ago")
    }

    @Test func possessiveWeekdayWithACurlyApostrophe() {
        let options = ExtractOptions(kinds: [.dates], referenceDate: CalendarDate(iso: "2026-11-24")!)
        let text = "Critics returned to last Monday\u{2019}s vote and to Friday\u{2019}s hearing."
        let dates = Fixtures.engine.extract(Fixtures.parse(text), options: options).dates
        #expect(dates.map(\.value) == ["2026-11-23", "2026-11-20"])
        #expect(dates.first?.relative == true)
    }
}
