extension ExtractionContext {
    /// The day the document says it was published or filed: the first full date (`24 November 2026`,
    /// `2026-11-24`) in its published line, else in its dateline; `nil` when neither names a whole day. Relative
    /// dates resolve against it when the request gives no reference date.
    func statedDate() throws(EngineError) -> CalendarDate? {
        let lines = [document.published?.span, document.dateline?.span].compactMap { $0 }
        guard !lines.isEmpty else { return nil }
        let found = try DateExtractor(context: self, reference: CalendarDate.todayUTC()).extract()
        for line in lines {
            for date in found where !date.mention.relative && date.mention.granularity == .day {
                if date.mention.span.start >= line.start, date.mention.span.end <= line.end {
                    return CalendarDate(iso: date.mention.value)
                }
            }
        }
        return nil
    }
}
