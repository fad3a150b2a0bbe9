/// Runs the extractors a request asks for.
///
/// Boilerplate paragraphs are skipped by every extractor except links. Without an explicit reference date,
/// relative dates resolve against the date the document states (an HTML page's published date, else its
/// published line or dateline), else today (UTC). The interrupt is checked between extractors and inside
/// their loops.
struct Extractor {
    func extract(_ document: ParsedDocument, options: ExtractOptions, interrupt: Interrupt) throws(EngineError)
        -> Extraction
    {
        let kinds = options.kinds.isEmpty ? Set(ExtractKind.allCases) : options.kinds
        let context = ExtractionContext(document, interrupt: interrupt)
        try interrupt.check()
        var reference = CalendarDate.todayUTC()
        if let given = options.referenceDate {
            reference = given
        } else if let stated = try context.statedDate() {
            reference = stated
        }
        var result = Extraction(referenceDate: reference)
        if kinds.contains(.entities) {
            result.entities = try EntityExtractor(context: context).extract()
            try interrupt.check()
        }
        let dates =
            kinds.contains(.dates) || kinds.contains(.quantities)
            ? try DateExtractor(context: context, reference: reference).extract() : []
        if kinds.contains(.dates) {
            result.dates = dates.map(\.mention)
        }
        if kinds.contains(.quantities) {
            var dateTokens = Set<Int>()
            for date in dates { dateTokens.formUnion(date.tokens) }
            result.quantities = try QuantityExtractor(context: context, skipping: dateTokens).extract()
        }
        if kinds.contains(.quotes) {
            try interrupt.check()
            result.quotes = try QuoteExtractor(context: context, entities: result.entities).extract()
        }
        if kinds.contains(.keyphrases), options.maxKeyphrases > 0 {
            try interrupt.check()
            result.keyphrases = try KeyphraseExtractor(context: context).extract(limit: options.maxKeyphrases)
        }
        if kinds.contains(.links) {
            try interrupt.check()
            result.links = try LinkExtractor(context: context).extract()
        }
        return result
    }
}
