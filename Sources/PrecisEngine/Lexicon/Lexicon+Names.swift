extension Lexicon {
    /// Titles that precede a person's name.
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "president", "minister", "senator", "sen",
        "rep", "representative", "governor", "gov", "gen", "colonel", "col", "captain", "capt", "judge",
        "justice", "mayor", "chancellor", "king", "queen", "prince", "princess", "sheikh", "pope", "sir", "dame",
        "lord", "lady", "commissioner", "secretary", "ambassador", "spokesman", "spokeswoman", "spokesperson",
        "director", "chairman", "chairwoman", "inspector", "sergeant", "sgt", "lt", "lieutenant", "coach",
        "premier", "executive", "councillor", "councilor", "rev", "reverend", "hon", "pres", "cmdr", "adm", "chief",
        "speaker", "advisor", "adviser", "envoy", "chairperson", "spokesperson", "emir", "ayatollah", "cardinal",
        "bishop", "archbishop", "rabbi", "imam", "mullah", "marshal", "brigadier", "major-general", "ceo", "cfo",
        "coo", "chair", "founder", "co-founder", "mp", "mep", "msp", "congressman", "congresswoman", "assemblyman", "treasurer", "superintendent", "sheriff", "provost",
    ]

    /// Last words that mark an organisation.
    static let orgSuffixes: Set<String> = [
        "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "agency", "ministry",
        "department", "university", "college", "institute", "party", "council", "bank", "association",
        "committee", "commission", "foundation", "union", "authority", "organization", "organisation", "court",
        "army", "navy", "police", "federation", "society", "league", "board", "office", "bureau", "service",
        "fund", "trust", "times", "post", "news", "network", "airlines", "airways", "motors", "systems",
        "technologies", "labs", "partners", "holdings", "club", "hospital", "school", "parliament", "congress",
        "senate", "assembly", "government", "administration", "forces", "guard", "embassy", "corps", "movement", "front", "brigade",
        "brigades", "project", "coalition", "alliance", "committees", "guards", "television", "radio", "brotherhood",
        "nations", "organizations", "organisations", "academy", "airline", "institution", "institutions",
    ]

    /// First words that mark an organisation when followed by `of` (`Ministry of Health`).
    static let orgHeads: Set<String> = [
        "ministry", "department", "university", "bank", "bureau", "office", "board", "council", "institute",
        "college", "school", "house", "church", "court", "league", "federation", "union", "organization",
        "organisation", "association", "alliance", "coalition", "commission", "committee", "society", "academy",
        "order", "party", "movement", "front", "agency", "department", "council",
    ]

    /// Lowercase words allowed inside a capitalised name (`Bank of England`, `Osama bin Laden`).
    static let nameConnectors: Set<String> = [
        "of", "bin", "ibn", "bint", "al", "el", "de", "del", "della", "da", "di", "van", "von", "der", "den",
        "la", "le", "du", "dos", "das",
    ]

    /// A few well-known countries, regions and cities.
    static let locations: Set<String> = [
        "united states", "u.s.", "usa", "united kingdom", "u.k.", "uk", "britain", "great britain", "england",
        "scotland", "wales", "ireland", "france", "germany", "italy", "spain", "portugal", "netherlands",
        "belgium", "switzerland", "austria", "poland", "greece", "sweden", "norway", "denmark", "finland",
        "china", "japan", "india", "russia", "ukraine", "canada", "mexico", "brazil", "argentina", "australia",
        "egypt", "israel", "iran", "iraq", "syria", "lebanon", "jordan", "turkey", "qatar", "saudi arabia",
        "nigeria", "kenya", "ethiopia", "south africa", "pakistan", "afghanistan", "indonesia", "south korea",
        "north korea", "korea", "vietnam", "gaza", "europe", "asia", "africa", "london", "paris", "berlin",
        "madrid", "rome", "lisbon", "vienna", "athens", "brussels", "geneva", "washington", "new york",
        "los angeles", "chicago", "toronto", "beijing", "shanghai", "tokyo", "moscow", "kyiv", "delhi",
        "new delhi", "mumbai", "cairo", "doha", "dubai", "jerusalem", "istanbul", "tehran", "baghdad", "sydney",
    ]

    /// Month names and abbreviations.
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Weekday names, 1 for Monday.
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
}

extension Lexicon {
    /// Words that name a government department after a title and `of` (`Secretary of State`, `Minister of
    /// Foreign Affairs`); they are not part of the person's name that follows.
    static let departmentWords: Set<String> = [
        "state", "defense", "defence", "foreign", "affairs", "interior", "justice", "health", "finance", "homeland",
        "security", "education", "energy", "agriculture", "commerce", "labor", "labour", "transportation",
        "transport", "treasury", "trade", "economy", "information", "culture", "environment", "war", "housing",
        "veterans", "industry", "tourism", "communications", "public", "national", "internal", "home", "european",
        "african", "asian", "political", "economic", "military", "planning", "development", "investment", "oil",
        "petroleum", "water", "immigration", "the", "and", "&", "for",
    ]

    /// Capitalised plural subjects of reporting verbs that are not people's names (`Officials said`).
    static let groupSubjects: Set<String> = [
        "officials", "witnesses", "residents", "analysts", "police", "authorities", "critics", "experts", "reports",
        "sources", "doctors", "investigators", "researchers", "scientists", "observers", "militants", "rebels",
        "troops", "soldiers", "protesters", "demonstrators", "lawmakers", "leaders", "organizers", "organisers",
        "officers", "prosecutors", "diplomats", "insurgents", "activists", "students", "workers", "survivors",
        "relatives", "neighbors", "neighbours", "villagers", "parents", "teachers", "voters", "supporters",
        "opponents", "economists", "officers", "spokesmen", "others", "many", "some", "both", "most", "several",
        "forecasters", "medics", "paramedics", "rescuers", "firefighters", "judges", "legislators", "ministers",
        "documents", "polls", "surveys", "studies", "statements", "newspapers", "media", "reporters", "editors",
    ]
}

extension Lexicon {
    /// Words typical of organisation names; a capitalised run of two or more words holding one (and not starting
    /// with a given name) is an organisation (`Popular Resistance Committees`, `National Liberation Army`).
    static let orgWords: Set<String> = [
        "national", "international", "popular", "revolutionary", "democratic", "liberation", "resistance",
        "united", "federal", "royal", "islamic", "socialist", "communist", "republican", "people's", "peoples",
        "world", "global", "central", "human", "rights", "relief", "development", "petroleum", "exporting",
        "olympic", "broadcasting", "press", "media", "energy", "oil", "gas", "airlines", "financial", "securities",
        "exchange", "stock", "industries", "industrial", "telecom", "telecommunications", "pharmaceuticals",
        "electric", "motor", "steel", "chemical", "entertainment", "records", "studios", "pictures", "doctors",
        "without", "borders", "red", "supreme", "constitutional", "electoral", "security", "intelligence",
    ]
}

extension Lexicon {
    /// Last words of names that keep a capitalised `The` (`The Washington Post`, `The Hague`): newspapers,
    /// magazines and a few places.
    static let titledNameEnds: Set<String> = [
        "post", "times", "journal", "herald", "tribune", "guardian", "telegraph", "independent", "economist",
        "observer", "globe", "chronicle", "gazette", "examiner", "star", "sun", "mirror", "express", "atlantic",
        "spectator", "hindu", "nation", "monitor", "inquirer", "hague", "gambia", "bahamas",
    ]
}

extension Lexicon {
    /// Words after a title's hyphen that keep it a title (`Secretary-General`, `President-elect`).
    static let titleTails: Set<String> = ["general", "elect", "designate", "in-chief", "at-large"]

    /// Words before a title that are part of the title, not an organisation (`Deputy`, `Assistant`, `Prime`).
    static let titleModifiers: Set<String> = [
        "vice", "deputy", "assistant", "acting", "former", "senior", "junior", "prime", "first", "second", "chief",
        "general", "executive", "managing", "associate", "principal", "special", "interim", "co", "ex", "lord",
        "under", "attorney", "solicitor", "surgeon", "lieutenant", "major", "staff", "head", "top", "new", "late",
    ]
}

extension Lexicon {
    /// First words that make a capitalised name an event (`Hurricane Katrina`, `Operation Medusa`).
    static let eventHeads: Set<String> = ["operation", "hurricane", "typhoon", "cyclone", "storm", "battle", "siege"]

    /// Last words that make a capitalised name an event (`World Cup`, `Iraq War`, `Davos Summit`).
    static let eventEnds: Set<String> = [
        "war", "games", "olympics", "cup", "championship", "championships", "summit", "festival", "revolution",
        "uprising", "massacre", "marathon", "open", "grand prix", "tournament", "expo", "fair", "crisis",
    ]
}
