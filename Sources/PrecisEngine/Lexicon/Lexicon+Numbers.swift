extension Lexicon {
    /// Number words and their values.
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
    ]

    /// Scale words; they multiply the number before them.
    static let scaleWords: [String: Double] = [
        "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
        "bn": 1e9, "tn": 1e12, "mn": 1e6,
    ]

    /// Suffixes attached to amounts of money (`$5bn`, `€300m`).
    static let moneySuffixes: [String: Double] = [
        "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
    ]

    /// Ordinal words and their values.
    static let ordinalWords: [String: Double] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    ]

    /// Currency symbols and their ISO 4217 codes.
    static let currencySymbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"]

    /// Currency words and codes written after an amount.
    static let currencyWords: [String: String] = [
        "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
        "pounds": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY",
    ]

    /// Units of measure (written as-is after a number).
    static let units: Set<String> = [
        "km", "kilometres", "kilometers", "kilometre", "kilometer", "m", "metres", "meters", "metre", "meter",
        "cm", "mm", "mi", "miles", "mile", "ft", "feet", "foot", "inches", "kg", "kilograms", "g", "grams",
        "tonnes", "tons", "lb", "lbs", "pounds", "mph", "kph", "km/h", "degrees", "hours", "hour", "minutes",
        "minute", "seconds", "days", "weeks", "months", "years", "litres", "liters", "gallons", "acres",
        "hectares", "mw", "gw", "kwh",
    ]
}
