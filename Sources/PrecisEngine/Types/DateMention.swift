/// How precise a date is (for a duration or a set: the unit of its period).
public enum DateGranularity: Sendable, Hashable {
    case day, week, month, year, decade, time, century, quarter, season
    /// No calendar unit: `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    case unspecified
}

/// The TimeML TIMEX3 type of a temporal expression.
public enum TimexType: String, Sendable, Hashable, CaseIterable {
    /// A calendar date or period: `November 24`, `last week`, `2026-Q3`, `now` (`PRESENT_REF`).
    case date = "DATE"
    /// A time of day: `3 p.m.`, `this morning`.
    case time = "TIME"
    /// An amount of time: `two months` (`P2M`), `the past five years` (`P5Y`).
    case duration = "DURATION"
    /// A recurring time: `every week` (`P1W`), `annually`, `twice a month`.
    case set = "SET"
}

/// The TimeML `mod` of a temporal expression: how a modifier word bounds or blurs its value.
public enum TimexMod: String, Sendable, Hashable, CaseIterable {
    case before = "BEFORE", after = "AFTER", onOrBefore = "ON_OR_BEFORE", onOrAfter = "ON_OR_AFTER"
    /// `less than two hours`, `nearly a year`.
    case lessThan = "LESS_THAN"
    /// `more than two weeks`, `over a decade`.
    case moreThan = "MORE_THAN"
    /// `no more than`, `up to`, `at most`.
    case equalOrLess = "EQUAL_OR_LESS"
    /// `at least`, `no less than`.
    case equalOrMore = "EQUAL_OR_MORE"
    /// `early 2025`, `the beginning of the year`.
    case start = "START"
    /// `mid-1996`, `the middle of October`.
    case mid = "MID"
    /// `late November`, `the end of 1990`.
    case end = "END"
    /// `about three years`, `around noon`.
    case approx = "APPROX"
}

/// A temporal expression named in the document, as TimeML's TIMEX3 reads it: a date, a time, a duration or a set.
public struct DateMention: Sendable, Hashable {
    /// Where the expression is (as TimeML draws it: without a leading preposition, with its determiner and
    /// modifier: `the past five years`, `about two months`).
    public var span: TextSpan
    /// The expression as written.
    public var text: String
    /// The TimeML value: ISO 8601 for dates and times (`2026-11-24`, `2026-11`, `2026`, `199` for a decade, `20`
    /// for a century, `2026-W47`, `2026-Q3`, `2026-SU`, `2026-11-24T15:00`, `2026-11-24TMO`), a duration for
    /// durations and sets (`P2M`, `PT3H`, `PXY` for "years"), `XXXX-WXX-1` for "every Monday", or `PRESENT_REF`,
    /// `PAST_REF`, `FUTURE_REF`.
    public var value: String
    /// How precise `value` is.
    public var granularity: DateGranularity
    /// Whether `value` was resolved against the reference date.
    public var relative: Bool
    /// The TimeML type.
    public var type: TimexType
    /// The TimeML mod, if a modifier word bounds or blurs the value.
    public var mod: TimexMod?
    /// For a set: how often in each period (`2X` for "twice a week"); empty otherwise.
    public var freq: String
    /// For a set: its quantifier (`EVERY` for "every week", "annually"); empty otherwise.
    public var quant: String

    /// Creates a date mention.
    public init(
        span: TextSpan,
        text: String,
        value: String,
        granularity: DateGranularity,
        relative: Bool,
        type: TimexType = .date,
        mod: TimexMod? = nil,
        freq: String = "",
        quant: String = ""
    ) {
        self.span = span
        self.text = text
        self.value = value
        self.granularity = granularity
        self.relative = relative
        self.type = type
        self.mod = mod
        self.freq = freq
        self.quant = quant
    }
}
