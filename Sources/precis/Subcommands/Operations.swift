import ArgumentParser
import PrecisWire

struct Parse: DocumentCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a document's structure: title, byline, paragraphs by kind, sentences, stats."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: DocumentOptions
    @OptionGroup var parse: ParseFlags

    func operation(for document: Document) -> Request.Operation {
        .parse(ParseRequest(document: document, options: parse.options))
    }

    func result(of response: Response) -> (any JSONWritable)? {
        if case .parse(let result)? = response.body { return result }
        return nil
    }

    func render(_ response: Response, document: Document) -> String {
        guard case .parse(let result)? = response.body else { return "" }
        return TextRenderer(text: result.format == .html ? result.text : document.text).parse(result)
    }
}

struct Summarize: DocumentCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pick the sentences that carry a document's body, in document order."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: DocumentOptions
    @OptionGroup var summary: SummaryFlags

    func operation(for document: Document) -> Request.Operation {
        .summarize(SummarizeRequest(document: document, options: summary.options))
    }

    func result(of response: Response) -> (any JSONWritable)? {
        if case .summarize(let result)? = response.body { return result }
        return nil
    }

    func render(_ response: Response, document: Document) -> String {
        guard case .summarize(let result)? = response.body else { return "" }
        return TextRenderer(text: result.text.isEmpty ? document.text : result.text).summary(result)
    }
}

struct Extract: DocumentCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the entities, dates, quantities, quotes, keyphrases and links in a document."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: DocumentOptions
    @OptionGroup var extract: ExtractFlags

    func operation(for document: Document) -> Request.Operation {
        .extract(ExtractRequest(document: document, options: extract.options))
    }

    func operation(for document: Document, referenceDate: String?) -> Request.Operation {
        .extract(ExtractRequest(document: document, options: extract.options(referenceDate: referenceDate)))
    }

    func result(of response: Response) -> (any JSONWritable)? {
        if case .extract(let result)? = response.body { return result }
        return nil
    }

    func render(_ response: Response, document: Document) -> String {
        guard case .extract(let result)? = response.body else { return "" }
        return TextRenderer(text: result.text.isEmpty ? document.text : result.text).extraction(result)
    }
}

struct Analyze: DocumentCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse, summarize and extract in one round trip."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: DocumentOptions
    @OptionGroup var parse: ParseFlags
    @OptionGroup var summary: SummaryFlags
    @OptionGroup var extract: ExtractFlags

    func operation(for document: Document) -> Request.Operation {
        operation(for: document, referenceDate: nil)
    }

    func operation(for document: Document, referenceDate: String?) -> Request.Operation {
        .analyze(
            AnalyzeRequest(
                document: document, parse: parse.options, summary: summary.options,
                extract: extract.options(referenceDate: referenceDate)
            )
        )
    }

    func result(of response: Response) -> (any JSONWritable)? {
        if case .analyze(let result)? = response.body { return result }
        return nil
    }

    func render(_ response: Response, document: Document) -> String {
        guard case .analyze(let result)? = response.body else { return "" }
        let renderer = TextRenderer(text: result.parse.map { $0.format == .html ? $0.text : document.text } ?? document.text)
        var out = ""
        if let parse = result.parse { out += renderer.parse(parse) + "\n" }
        if let summary = result.summary { out += "Summary\n" + renderer.summary(summary) + "\n" }
        if let extract = result.extract { out += renderer.extraction(extract) }
        return out
    }
}
