import PrecisEngine
import PrecisWire

// Engine enums → wire enums.

extension PrecisWire.Paragraph.Kind {
    init(_ kind: ParagraphKind) {
        switch kind {
        case .body: self = .body
        case .heading: self = .heading
        case .listItem: self = .listItem
        case .blockQuote: self = .blockQuote
        case .title: self = .title
        case .subtitle: self = .subtitle
        case .byline: self = .byline
        case .dateline: self = .dateline
        case .section: self = .section
        case .published: self = .published
        case .caption: self = .caption
        case .credit: self = .credit
        case .boilerplate: self = .boilerplate
        }
    }
}

extension PrecisWire.Token.Kind {
    init(_ kind: TokenKind) {
        switch kind {
        case .word: self = .word
        case .number: self = .number
        case .punctuation: self = .punctuation
        case .symbol: self = .symbol
        case .url: self = .url
        case .email: self = .email
        case .handle: self = .handle
        case .hashtag: self = .hashtag
        case .emoji: self = .emoji
        case .abbreviation: self = .abbreviation
        case .other: self = .other
        }
    }
}

extension PrecisWire.SummaryOptions.Algorithm {
    init(_ algorithm: SummaryAlgorithm) {
        switch algorithm {
        case .default: self = .default
        case .textrank: self = .textrank
        case .lexrank: self = .lexrank
        case .lead: self = .lead
        }
    }
}

extension PrecisWire.Entity.Label {
    init(_ label: EntityLabel) {
        switch label {
        case .person: self = .person
        case .org: self = .org
        case .loc: self = .loc
        case .norp: self = .norp
        case .event: self = .event
        case .product: self = .product
        case .work: self = .work
        case .misc: self = .misc
        }
    }
}

extension PrecisWire.DateMention.Granularity {
    init(_ granularity: DateGranularity) {
        switch granularity {
        case .day: self = .day
        case .week: self = .week
        case .month: self = .month
        case .year: self = .year
        case .decade: self = .decade
        case .time: self = .time
        case .century: self = .century
        case .quarter: self = .quarter
        case .season: self = .season
        case .unspecified: self = .unspecified
        }
    }
}

extension PrecisWire.Quantity.Kind {
    init(_ kind: QuantityKind) {
        switch kind {
        case .number: self = .number
        case .money: self = .money
        case .percent: self = .percent
        case .ordinal: self = .ordinal
        case .measure: self = .measure
        case .count: self = .count
        }
    }
}

extension PrecisWire.Link.Kind {
    init(_ kind: LinkKind) {
        switch kind {
        case .url: self = .url
        case .email: self = .email
        case .handle: self = .handle
        case .hashtag: self = .hashtag
        }
    }
}
