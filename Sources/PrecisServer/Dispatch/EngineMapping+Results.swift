import PrecisEngine
import PrecisWire

// Engine results → wire messages. Results carry their own span as flat `start`/`end`.

extension PrecisWire.Span {
    init(_ span: TextSpan) {
        self.init(start: UInt32(clamping: span.start), end: UInt32(clamping: span.end))
    }
}

extension TextSpan {
    var wireStart: UInt32 { UInt32(clamping: start) }
    var wireEnd: UInt32 { UInt32(clamping: end) }
}

extension PrecisWire.ParseResponse {
    init(_ d: ParsedDocument, includeTokens: Bool) {
        self.init(
            title: d.title?.text ?? "",
            subtitle: d.subtitle?.text ?? "",
            byline: d.byline?.text ?? "",
            section: d.section?.text ?? "",
            dateline: d.dateline?.text ?? "",
            published: d.published?.text ?? "",
            titleSpan: d.title.map { PrecisWire.Span($0.span) },
            subtitleSpan: d.subtitle.map { PrecisWire.Span($0.span) },
            bylineSpan: d.byline.map { PrecisWire.Span($0.span) },
            sectionSpan: d.section.map { PrecisWire.Span($0.span) },
            datelineSpan: d.dateline.map { PrecisWire.Span($0.span) },
            publishedSpan: d.published.map { PrecisWire.Span($0.span) },
            captions: d.captions.map {
                PrecisWire.Caption(
                    text: $0.text.text,
                    span: PrecisWire.Span($0.text.span),
                    credit: $0.credit?.text ?? "",
                    creditSpan: $0.credit.map { PrecisWire.Span($0.span) }
                )
            },
            paragraphs: d.paragraphs.map {
                PrecisWire.Paragraph(
                    start: $0.span.wireStart,
                    end: $0.span.wireEnd,
                    kind: PrecisWire.Paragraph.Kind($0.kind),
                    firstSentence: UInt32($0.firstSentence),
                    sentenceCount: UInt32($0.sentenceCount),
                    level: UInt32($0.level)
                )
            },
            sentences: d.sentences.map {
                PrecisWire.Sentence(
                    start: $0.span.wireStart,
                    end: $0.span.wireEnd,
                    paragraph: UInt32($0.paragraph),
                    firstToken: includeTokens ? UInt32($0.firstToken) : 0,
                    tokenCount: includeTokens ? UInt32($0.tokenCount) : 0
                )
            },
            tokens: includeTokens
                ? d.tokens.map { PrecisWire.Token(start: $0.span.wireStart, end: $0.span.wireEnd, kind: PrecisWire.Token.Kind($0.kind)) }
                : [],
            stats: Stats(
                characters: UInt32(clamping: d.stats.characters),
                words: UInt32(clamping: d.stats.words),
                sentences: UInt32(clamping: d.stats.sentences),
                paragraphs: UInt32(clamping: d.stats.paragraphs),
                readingTimeSeconds: UInt32(clamping: d.stats.readingTimeSeconds)
            ),
            language: Language(code: d.language.code, confidence: Float(d.language.confidence))
        )
        format = PrecisWire.Document.Format(d.format)
        guard let page = d.page else { return }
        text = d.text
        authors = page.authors
        siteName = page.siteName ?? ""
        canonicalUrl = page.canonicalURL ?? ""
        publishedIso = page.publishedISO ?? ""
        declaredLanguage = page.declaredLanguage ?? ""
        links = page.links.map {
            PrecisWire.Link(start: $0.text.span.wireStart, end: $0.text.span.wireEnd, kind: .url, target: $0.url)
        }
        hasArticle = page.hasArticle
    }
}

extension PrecisWire.Document.Format {
    init(_ format: DocumentFormat) {
        switch format {
        case .auto: self = .auto
        case .text: self = .text
        case .markdown: self = .markdown
        case .html: self = .html
        }
    }
}

extension PrecisWire.SummarizeResponse {
    init(_ s: Summary) {
        self.init(
            sentences: s.sentences.map {
                SummarySentence(start: $0.span.wireStart, end: $0.span.wireEnd, index: UInt32($0.index), score: Float($0.score), text: $0.text)
            },
            candidateSentences: UInt32(clamping: s.candidateCount),
            algorithm: PrecisWire.SummaryOptions.Algorithm(s.algorithm)
        )
    }
}

extension PrecisWire.ExtractResponse {
    init(_ x: Extraction) {
        self.init(
            entities: x.entities.map { e in
                PrecisWire.Entity(
                    label: PrecisWire.Entity.Label(e.label),
                    name: e.name,
                    mentions: e.mentions.map { PrecisWire.Mention(start: $0.span.wireStart, end: $0.span.wireEnd, text: $0.text) },
                    count: UInt32(clamping: e.mentions.count),
                    salience: Float(e.salience)
                )
            },
            dates: x.dates.map {
                PrecisWire.DateMention(
                    start: $0.span.wireStart,
                    end: $0.span.wireEnd,
                    text: $0.text,
                    value: $0.value,
                    granularity: PrecisWire.DateMention.Granularity($0.granularity),
                    relative: $0.relative,
                    type: $0.type.rawValue,
                    mod: $0.mod?.rawValue ?? "",
                    freq: $0.freq,
                    quant: $0.quant
                )
            },
            quantities: x.quantities.map {
                PrecisWire.Quantity(
                    start: $0.span.wireStart,
                    end: $0.span.wireEnd,
                    text: $0.text,
                    kind: PrecisWire.Quantity.Kind($0.kind),
                    value: $0.value,
                    unit: $0.unit,
                    unitSpan: $0.unitSpan.map { PrecisWire.Span($0) }
                )
            },
            quotes: x.quotes.map {
                PrecisWire.Quote(
                    start: $0.span.wireStart,
                    end: $0.span.wireEnd,
                    text: $0.text,
                    speaker: $0.speaker,
                    speakerSpan: $0.speakerSpan.map { PrecisWire.Span($0) },
                    speakerEntity: $0.speakerEntity.map { Int32(clamping: $0) } ?? -1
                )
            },
            keyphrases: x.keyphrases.map {
                PrecisWire.Keyphrase(text: $0.text, score: Float($0.score), spans: $0.spans.map { PrecisWire.Span($0) })
            },
            links: x.links.map {
                PrecisWire.Link(start: $0.span.wireStart, end: $0.span.wireEnd, kind: PrecisWire.Link.Kind($0.kind), target: $0.target)
            },
            referenceDate: x.referenceDate.iso
        )
    }
}
