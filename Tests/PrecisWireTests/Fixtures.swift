import PrecisWire

/// Messages with every kind of field set, for round trips.
enum Fixtures {
    static let text = "Harbour Town voted on Tuesday. “We will build it,” said Mayor Ana Ruiz. Costs: $3.5bn (12%)."

    static func span(_ start: UInt32, _ end: UInt32) -> Span { Span(start: start, end: end) }

    static let document = Document(text: text, format: .markdown, language: "en")

    static let requests: [Request] = [
        Request(id: 1, timeoutMs: 250, operation: .ping(PingRequest(payload: [0, 1, 2, 255]))),
        Request(id: 2, operation: .info(InfoRequest())),
        Request(id: 3, operation: .parse(ParseRequest(document: document, options: ParseOptions(includeTokens: true)))),
        Request(
            id: 4,
            operation: .summarize(
                SummarizeRequest(document: document, options: SummaryOptions(algorithm: .lexrank, length: .ratio(0.25)))
            )
        ),
        Request(
            id: 5,
            operation: .extract(
                ExtractRequest(
                    document: document,
                    options: ExtractOptions(kinds: [.entities, .quotes], referenceDate: "2026-11-24", maxKeyphrases: 5)
                )
            )
        ),
        Request(
            id: UInt64.max,
            timeoutMs: UInt32.max,
            operation: .analyze(
                AnalyzeRequest(
                    document: document,
                    parse: ParseOptions(includeTokens: false),
                    summary: SummaryOptions(length: .words(40)),
                    extract: ExtractOptions(kinds: [.dates])
                )
            )
        ),
    ]

    static let parse = ParseResponse(
        title: "Harbour Town voted",
        byline: "By A. Writer",
        titleSpan: span(0, 18),
        bylineSpan: span(20, 32),
        captions: [Caption(text: "A photo", span: span(1, 2), credit: "Agency", creditSpan: span(3, 4))],
        paragraphs: [Paragraph(start: 0, end: 30, kind: .body, firstSentence: 0, sentenceCount: 1, level: 0)],
        sentences: [Sentence(start: 0, end: 30, paragraph: 0, firstToken: 0, tokenCount: 2)],
        tokens: [Token(start: 0, end: 7, kind: .word), Token(start: 29, end: 30, kind: .punctuation)],
        stats: Stats(characters: 90, words: 16, sentences: 3, paragraphs: 1, readingTimeSeconds: 5),
        language: Language(code: "en", confidence: 0.75)
    )

    static let summary = SummarizeResponse(
        sentences: [SummarySentence(start: 0, end: 30, index: 0, score: 0.5, text: "Harbour Town voted on Tuesday.")],
        candidateSentences: 3,
        algorithm: .textrank
    )

    static let extract = ExtractResponse(
        entities: [
            Entity(label: .person, name: "Ana Ruiz", mentions: [Mention(start: 60, end: 68, text: "Ana Ruiz")], count: 1, salience: 0.9)
        ],
        dates: [DateMention(start: 22, end: 29, text: "Tuesday", value: "2026-11-24", granularity: .day, relative: true)],
        quantities: [Quantity(start: 76, end: 82, text: "$3.5bn", kind: .money, value: 3.5e9, unit: "USD", unitSpan: span(76, 77))],
        quotes: [Quote(start: 31, end: 50, text: "We will build it,", speaker: "Mayor Ana Ruiz", speakerSpan: span(56, 68), speakerEntity: -1)],
        keyphrases: [Keyphrase(text: "Harbour Town", score: 1.25, spans: [span(0, 12)])],
        links: [Link(start: 1, end: 9, kind: .email, target: "a@b.example")],
        referenceDate: "2026-11-24"
    )

    static let responses: [Response] = [
        Response(id: 1, status: Status(code: .ok), serverMicros: 12, body: .ping(PingResponse(payload: [9, 8]))),
        Response(id: 2, status: Status(code: .invalidArgument, message: "no document")),
        Response(
            id: 3,
            status: Status(),
            body: .info(
                InfoResponse(
                    serverVersion: "0.1.0", protocolMajor: 1, operations: ["ping", "info"],
                    limits: Limits(maxFrameBytes: 4_194_304, workers: 2), uptimeMs: 1 << 40
                )
            )
        ),
        Response(id: 4, body: .parse(parse)),
        Response(id: 5, body: .summarize(summary)),
        Response(id: 6, body: .extract(extract)),
        Response(id: 7, body: .analyze(AnalyzeResponse(parse: parse, summary: summary, extract: extract))),
        Response(id: 0, status: Status(code: .unavailable, message: "bye"), body: .goAway(GoAway(reason: "bye", graceMs: 10_000))),
    ]
}
