/// Runs the extractors a request asks for.
///
/// Boilerplate paragraphs are skipped by every extractor except links. Without an explicit reference date,
/// relative dates resolve against the date the document states (an HTML page's published date, else its
/// published line or dateline), else today (UTC).
struct Extractor {
    func extract(_ document: ParsedDocument, options: ExtractOptions) -> Extraction {
        let kinds = options.kinds.isEmpty ? Set(ExtractKind.allCases) : options.kinds
        let context = ExtractionContext(document)
        let reference = options.referenceDate ?? context.statedDate() ?? CalendarDate.todayUTC()
        var result = Extraction(referenceDate: reference)
        if kinds.contains(.entities) {
            result.entities = EntityExtractor(context: context).extract()
        }
        let dates =
            kinds.contains(.dates) || kinds.contains(.quantities)
            ? DateExtractor(context: context, reference: reference).extract() : []
        if kinds.contains(.dates) {
            result.dates = dates.map(\.mention)
        }
        if kinds.contains(.quantities) {
            var dateTokens = Set<Int>()
            for date in dates { dateTokens.formUnion(date.tokens) }
            result.quantities = QuantityExtractor(context: context, skipping: dateTokens).extract()
        }
        if kinds.contains(.quotes) {
            result.quotes = QuoteExtractor(context: context, entities: result.entities).extract()
        }
        if kinds.contains(.keyphrases), options.maxKeyphrases > 0 {
            result.keyphrases = KeyphraseExtractor(context: context).extract(limit: options.maxKeyphrases)
        }
        if kinds.contains(.links) {
            result.links = LinkExtractor(context: context).extract()
        }
        return result
    }
}
