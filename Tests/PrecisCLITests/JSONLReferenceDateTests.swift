import PrecisCLIKit
import Testing

/// A `--jsonl` line's own `"reference_date"`.
@Suite struct JSONLReferenceDateTests {
    func read(_ line: String) -> Result<JSONLRecord, JSONLRecord.Problem> {
        Array(line.utf8).withUnsafeBufferPointer { JSONLRecord.read($0, number: 3) }
    }

    @Test func readsTheLinesReferenceDate() throws {
        let record = try read(#"{"id": "a", "reference_date": "1998-02-27", "text": "It rained on Friday."}"#).get()
        #expect(record.referenceDate == "1998-02-27")
        #expect(try read(#"{"id": "b", "text": "No date of its own."}"#).get().referenceDate == nil)
    }

    @Test(arguments: [
        (#"{"id": 1, "text": "x", "reference_date": "1998-02-30"}"#, "must be a day written 2026-11-24, got \"1998-02-30\""),
        (#"{"id": 1, "text": "x", "reference_date": "27/02/1998"}"#, "must be a day written 2026-11-24"),
        (#"{"id": 1, "text": "x", "reference_date": 19980227}"#, "\"reference_date\" must be a string"),
    ])
    func rejectsAnInvalidReferenceDate(line: String, message: String) {
        guard case .failure(let problem) = read(line) else {
            Issue.record("\(line) was read")
            return
        }
        #expect(problem.id == "1")
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.message.contains("line 3"))
    }

    @Test func calendarDates() {
        #expect(JSONLRecord.isCalendarDate("2024-02-29"))
        #expect(!JSONLRecord.isCalendarDate("2026-02-29"))
        #expect(!JSONLRecord.isCalendarDate("2026-13-01"))
        #expect(!JSONLRecord.isCalendarDate("0000-01-01"))
        #expect(!JSONLRecord.isCalendarDate("2026-1-01"))
    }
}
