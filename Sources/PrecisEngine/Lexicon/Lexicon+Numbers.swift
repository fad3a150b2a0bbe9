extension Lexicon {
    /// Number words and their values.
    static let numberWords: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
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
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100, "thousandth": 1000,
    ]

    /// Denominators of written fractions (`two-thirds`, `three quarters`).
    static let fractionWords: [String: Double] = [
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
    ]

    /// Currency symbols and their ISO 4217 codes.
    static let currencySymbols: [String: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₪": "ILS", "₺": "TRY",
        "₦": "NGN", "₴": "UAH", "₱": "PHP", "₫": "VND", "฿": "THB",
    ]

    /// ISO 4217 codes written before an amount (`CHF 20`), matched case-sensitively.
    static let currencyCodes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "RMB", "INR", "AUD", "CAD", "NZD", "HKD", "SGD", "SEK", "NOK",
        "DKK", "RUB", "BRL", "ZAR", "MXN", "KRW", "TRY", "ILS", "AED", "SAR", "QAR", "EGP", "NGN", "KES", "PLN",
    ]

    /// Currency words and codes written after an amount.
    static let currencyWords: [String: String] = [
        "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
        "pounds": "GBP", "gbp": "GBP", "sterling": "GBP", "yen": "JPY", "jpy": "JPY", "yuan": "CNY",
        "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB",
        "ruble": "RUB", "francs": "CHF", "shekels": "ILS", "shekel": "ILS", "riyals": "SAR", "riyal": "SAR",
        "dirhams": "AED", "dirham": "AED", "rand": "ZAR", "naira": "NGN", "lira": "TRY", "pesos": "MXN",
        "won": "KRW", "hryvnias": "UAH", "zlotys": "PLN", "chf": "CHF", "cny": "CNY", "inr": "INR",
    ]

    /// Units of measure (written as-is after a number).
    static let units: Set<String> = [
        "km", "kilometres", "kilometers", "kilometre", "kilometer", "m", "metres", "meters", "metre", "meter",
        "cm", "mm", "mi", "miles", "mile", "ft", "feet", "foot", "inches", "inch", "kg", "kilograms", "kilogram",
        "g", "grams", "gram", "mg", "tonnes", "tonne", "tons", "ton", "lb", "lbs", "pounds", "ounces", "oz",
        "mph", "kph", "km/h", "knots", "degrees", "°c", "°f", "hours", "hour", "hrs", "minutes", "minute", "mins",
        "seconds", "second", "secs", "days", "weeks", "months", "years", "decades", "centuries", "litres",
        "liters", "litre", "liter", "ml", "gallons", "gallon", "barrels", "acres", "acre", "hectares", "hectare",
        "mw", "gw", "kw", "kwh", "mwh", "gwh", "twh", "watts", "volts", "gb", "mb", "tb", "kb", "mbps", "gbps",
        "ghz", "mhz", "calories", "kcal", "points", "bpd",
    ]

    /// Units that take a second word (`square miles`, `percentage points`).
    static let unitPhrases: [String: Set<String>] = [
        "square": ["miles", "mile", "kilometres", "kilometers", "km", "metres", "meters", "feet", "foot", "yards"],
        "sq": ["km", "miles", "mi", "m", "ft"], "cubic": ["metres", "meters", "feet", "m"],
        "percentage": ["points", "point"], "light": ["years", "year"],
    ]

    /// Words that end a counted phrase though they are not function words ("189,000 last year").
    static let countBoundaries: Set<String> = [
        "last", "next", "ago", "earlier", "later", "more", "less", "fewer", "than", "per", "each", "apiece",
        "previously", "now", "today", "yesterday", "tomorrow", "alone", "together", "instead",
    ]

    /// Plural nouns without a final `s` that end a counted phrase ("four stealth aircraft").
    static let countHeads: Set<String> = [
        "people", "children", "men", "women", "police", "aircraft", "staff", "personnel", "sheep", "fish", "deer",
        "cattle", "livestock", "troops", "crew", "spacecraft", "teeth", "feet", "mice", "geese", "offspring",
    ]
}
