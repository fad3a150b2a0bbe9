extension ExtractionContext {
    /// The day the document says it was published or filed: for an HTML page the date of its machine-readable
    /// publication time (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`: ``PageInfo/publishedISO``,
    /// the day as the page writes it, in its own time zone); else the first full date (`24 November 2026`,
    /// `2026-11-24`) in its published line, else in its dateline; `nil` when none names a whole day. Relative
    /// dates resolve against it when the request gives no reference date.
    func statedDate() throws(EngineError) -> CalendarDate? {
        if let iso = document.page?.publishedISO, let day = CalendarDate(iso: String(iso.prefix(10))) {
            return day
        }
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
