// Hand-written from general knowledge for this project (no external data); free to use under the project's licence.

extension Lexicon {
    /// Countries, former and short names, continents and large regions, lowercased.
    static let countries: Set<String> = [
        "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia", "austria",
        "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin",
        "bhutan", "bolivia", "bosnia", "bosnia-herzegovina", "botswana", "brazil", "brunei", "bulgaria",
        "burkina faso", "burma", "burundi", "cambodia", "cameroon", "canada", "chad", "chile", "china", "colombia",
        "comoros", "congo", "costa rica", "croatia", "cuba", "cyprus", "czech republic", "czechia", "denmark",
        "djibouti", "dominica", "dominican republic", "ecuador", "egypt", "el salvador", "eritrea", "estonia",
        "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana",
        "greece", "grenada", "guatemala", "guinea", "guinea-bissau", "guyana", "haiti", "honduras", "hungary",
        "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "ivory coast", "jamaica",
        "japan", "jordan", "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia",
        "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg", "macedonia",
        "north macedonia", "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius",
        "mexico", "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar",
        "namibia", "nauru", "nepal", "netherlands", "holland", "new zealand", "nicaragua", "niger", "nigeria",
        "north korea", "norway", "oman", "pakistan", "palau", "palestine", "panama", "papua new guinea", "paraguay",
        "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "samoa", "san marino",
        "saudi arabia", "senegal", "serbia", "seychelles", "sierra leone", "singapore", "slovakia", "slovenia",
        "somalia", "south africa", "south korea", "south sudan", "spain", "sri lanka", "sudan", "suriname",
        "swaziland", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "east timor",
        "timor-leste", "togo", "tonga", "trinidad", "tunisia", "turkey", "turkmenistan", "tuvalu", "uganda",
        "ukraine", "united arab emirates", "uae", "united kingdom", "u.k.", "uk", "britain", "great britain",
        "england", "scotland", "wales", "northern ireland", "united states", "united states of america", "u.s.",
        "usa", "u.s.a.", "us", "america", "uruguay", "uzbekistan", "vanuatu", "vatican", "venezuela", "vietnam", "yemen",
        "zambia", "zimbabwe", "korea", "yugoslavia", "soviet union", "ussr", "tibet", "greenland", "puerto rico",
        "hong kong", "macau", "chechnya", "kashmir", "darfur", "kurdistan", "gaza", "gaza strip", "west bank",
        "golan heights", "sinai", "crimea", "donbas", "balkans", "caucasus", "middle east", "near east", "far east",
        "europe", "asia", "africa", "north america", "south america", "latin america", "central america", "oceania",
        "antarctica", "arctic", "scandinavia", "siberia", "persian gulf", "gulf", "mediterranean", "caribbean",
        "pacific", "atlantic", "indian ocean", "horn of africa", "sahara", "southeast asia", "central asia",
        "east africa", "west africa", "north africa", "eastern europe", "western europe", "south asia", "east asia",
        "sub-saharan africa", "red sea", "black sea", "baltic",
    ]

    /// Capitals, large cities, states and provinces often in the news, lowercased.
    static let cities: Set<String> = [
        "london", "paris", "berlin", "madrid", "rome", "lisbon", "vienna", "athens", "brussels", "geneva", "zurich",
        "amsterdam", "the hague", "stockholm", "oslo", "copenhagen", "helsinki", "dublin", "warsaw", "prague",
        "budapest", "bucharest", "sofia", "belgrade", "zagreb", "sarajevo", "skopje", "tirana", "pristina", "kiev",
        "kyiv", "minsk", "moscow", "st. petersburg", "vilnius", "riga", "tallinn", "tbilisi", "yerevan", "baku",
        "ankara", "istanbul", "nicosia", "washington", "new york", "los angeles", "chicago", "houston", "boston",
        "miami", "san francisco", "seattle", "atlanta", "dallas", "detroit", "philadelphia", "new orleans",
        "las vegas", "toronto", "montreal", "vancouver", "ottawa", "mexico city", "havana", "caracas", "bogota",
        "lima", "quito", "la paz", "santiago", "buenos aires", "montevideo", "brasilia", "rio de janeiro",
        "sao paulo", "beijing", "shanghai", "hong kong", "tokyo", "osaka", "seoul", "pyongyang", "taipei", "manila",
        "jakarta", "bangkok", "hanoi", "ho chi minh city", "kuala lumpur", "singapore", "rangoon", "yangon", "dhaka",
        "kathmandu", "colombo", "new delhi", "delhi", "mumbai", "bombay", "calcutta", "kolkata", "islamabad",
        "karachi", "lahore", "peshawar", "quetta", "rawalpindi", "kabul", "kandahar", "herat", "helmand", "kunduz",
        "tehran", "baghdad", "basra", "mosul", "kirkuk", "fallujah", "ramadi", "tikrit", "najaf", "karbala",
        "damascus", "aleppo", "homs", "beirut", "amman", "jerusalem", "tel aviv", "ramallah", "hebron", "nablus",
        "jenin", "rafah", "khan younis", "cairo", "alexandria", "riyadh", "jeddah", "mecca", "medina", "doha",
        "dubai", "abu dhabi", "kuwait city", "manama", "muscat", "sanaa", "aden", "khartoum", "addis ababa",
        "nairobi", "mogadishu", "kampala", "kigali", "dar es salaam", "lagos", "abuja", "accra", "dakar", "tripoli",
        "benghazi", "tunis", "algiers", "rabat", "casablanca", "johannesburg", "cape town", "pretoria", "harare",
        "luanda", "kinshasa", "sydney", "melbourne", "canberra", "wellington", "auckland", "gaza city", "grozny",
        "tashkent", "almaty", "astana", "bishkek", "dushanbe", "ashgabat", "ulan bator", "vatican city", "texas",
        "california", "florida", "new jersey", "virginia", "ohio", "michigan", "illinois", "louisiana", "alaska",
        "hawaii", "arizona", "colorado", "oregon", "pennsylvania", "massachusetts", "punjab", "sindh", "balochistan",
        "baluchistan", "waziristan", "north waziristan", "south waziristan", "kurdistan", "xinjiang", "tibet",
        "quebec", "ontario", "bavaria", "catalonia", "andalusia", "siberia", "anbar", "diyala", "nineveh", "swat",
        "bethlehem",
    ]

    /// Last words that make a capitalised name a place (`Gaza Strip`, `Swat Valley`).
    static let placeSuffixes: Set<String> = [
        "strip", "province", "region", "river", "island", "islands", "valley", "mountains", "mountain", "mount",
        "lake", "sea", "ocean", "bay", "gulf", "peninsula", "desert", "county", "district", "state", "city", "street",
        "square", "avenue", "coast", "heights", "border", "plain", "canal", "airport", "prefecture",
    ]

    /// Lowercase words before a name that make it a place (`in Khost`, `near Baiji`).
    static let placeCues: Set<String> = [
        "in", "near", "outside", "across", "northern", "southern", "eastern", "western", "central",
        "northwestern", "northeastern", "southwestern", "southeastern", "town", "city", "village", "province",
    ]

    /// Lowercase verbs after a name that make it a person (`Abramoff said`).
    static let speechVerbs: Set<String> = ["said", "says", "told", "added", "stated", "wrote", "asked", "argued"]
}

extension Lexicon {
    /// GeoNames country names (see `Generated/Lexicon+GeoNames.swift`), parsed once.
    static let geoCountries: Set<String> = lines(geoNamesCountryTable)
    /// GeoNames US states and continents, parsed once.
    static let geoRegions: Set<String> = lines(geoNamesRegionTable)
    /// GeoNames cities, parsed once.
    static let geoCities: Set<String> = lines(geoNamesCityTable)

    private static func lines(_ table: String) -> Set<String> {
        Set(table.split(separator: "\n").map(String.init))
    }

    /// Whether a lowercased name is a country, region or city in the hand-written or GeoNames lists. A GeoNames
    /// city that is also a common given name (`Victoria`, `David`) does not count.
    static func isPlace(_ name: String) -> Bool {
        if countries.contains(name) || cities.contains(name) || geoCountries.contains(name)
            || geoRegions.contains(name)
        {
            return true
        }
        return geoCities.contains(name) && !givenNames.contains(name)
    }
}

extension Lexicon {
    /// Lowercase nouns for places: `the town of X`, `X province` make X a place.
    static let placeNouns: Set<String> = [
        "town", "city", "village", "province", "region", "capital", "district", "county", "island", "port",
        "valley", "area", "suburb", "neighborhood", "neighbourhood", "state", "oblast", "governorate", "township",
        "municipality", "enclave", "republic", "territory", "prefecture", "camp", "airport", "border", "hometown",
    ]

    /// Lowercase nouns for organisations: `X party`, `X television` make X an organisation.
    static let orgNouns: Set<String> = [
        "party", "alliance", "coalition", "movement", "television", "radio", "newspaper", "company", "firm",
        "corporation", "agency", "network", "bank", "airline", "militia", "faction", "organization", "organisation",
        "group", "channel", "daily", "weekly", "magazine", "broadcaster", "insurer", "carmaker", "automaker",
    ]
}

extension Lexicon {
    /// The most words (whitespace-separated parts) of any name in the gazetteers that ``EntityExtractor`` looks
    /// names up in: knownOrgs, the places of ``isPlace(_:)`` and the demonyms. A run of more name tokens than
    /// this cannot be found there, so lookups of longer runs are skipped, which keeps the search for a known
    /// leading part of a run linear in the run's length.
    static let longestKnownName: Int = {
        var longest = 1
        for set in [knownOrgs, countries, cities, geoCountries, geoRegions, geoCities, demonyms] {
            for name in set {
                let words = 1 + name.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 1 : 0) }
                longest = max(longest, words)
            }
        }
        return longest
    }()
}
