import PrecisEngine
import PrecisWire

// Wire options → engine options, with every value from outside checked.

extension PrecisEngine.SummaryOptions {
    init(wire: PrecisWire.SummaryOptions) throws(WireError) {
        self.init()
        switch wire.length {
        case nil: break
        case .sentences(let n)?:
            guard n > 0 else { throw .invalidArgument("summary sentences must be at least 1") }
            length = .sentences(Int(n))
        case .words(let n)?:
            guard n > 0 else { throw .invalidArgument("summary words must be at least 1") }
            length = .words(Int(n))
        case .ratio(let r)?:
            guard r > 0 && r <= 1 else { throw .invalidArgument("summary ratio must be in (0, 1], got \(r)") }
            length = .ratio(Double(r))
        }
        switch wire.algorithm {
        case .default: algorithm = .default
        case .textrank: algorithm = .textrank
        case .lexrank: algorithm = .lexrank
        case .lead: algorithm = .lead
        case .unrecognized(let value): throw .invalidArgument("unknown summary algorithm \(value)")
        }
    }
}

extension PrecisEngine.ExtractOptions {
    static let maxKeyphrasesLimit = 100

    init(wire: PrecisWire.ExtractOptions) throws(WireError) {
        self.init()
        for kind in wire.kinds {
            switch kind {
            case .entities: kinds.insert(.entities)
            case .dates: kinds.insert(.dates)
            case .quantities: kinds.insert(.quantities)
            case .quotes: kinds.insert(.quotes)
            case .keyphrases: kinds.insert(.keyphrases)
            case .links: kinds.insert(.links)
            case .unspecified, .unrecognized:
                throw .invalidArgument("unknown extract kind \(kind.rawValue)")
            }
        }
        if !wire.referenceDate.isEmpty {
            guard let date = CalendarDate(iso: wire.referenceDate) else {
                throw .invalidArgument("reference_date must be an ISO-8601 date like 2026-11-24, got \(LogText.quoted(wire.referenceDate))")
            }
            referenceDate = date
        }
        if wire.maxKeyphrases > 0 {
            guard wire.maxKeyphrases <= Self.maxKeyphrasesLimit else {
                throw .invalidArgument("max_keyphrases must be at most \(Self.maxKeyphrasesLimit)")
            }
            maxKeyphrases = Int(wire.maxKeyphrases)
        }
    }
}
