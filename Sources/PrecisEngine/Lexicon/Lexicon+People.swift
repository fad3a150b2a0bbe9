// Hand-written from general knowledge for this project (no external data); free to use under the project's licence.

extension Lexicon {
    /// Common given names across English, European, Arabic, South Asian, African and East Asian usage, lowercased.
    static let givenNames: Set<String> = [
        "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
        "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
        "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
        "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler", "aaron",
        "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter", "harold", "jeremy",
        "ethan", "carl", "keith", "roger", "gerald", "christian", "terry", "sean", "arthur", "austin", "noah",
        "lawrence", "jesse", "joe", "bryan", "billy", "jordan", "albert", "dylan", "bruce", "willie", "gabriel",
        "alan", "juan", "logan", "wayne", "ralph", "roy", "eugene", "randy", "vincent", "russell", "louis", "philip",
        "bobby", "johnny", "bradley", "bill", "tony", "tom", "jim", "bob", "mike", "dick", "ted", "newt", "rudy",
        "hillary", "condoleezza", "colin", "karl", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara",
        "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly",
        "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca",
        "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela", "emma",
        "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine",
        "maria", "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly", "lauren",
        "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha",
        "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice", "jean", "abigail", "alice",
        "julia", "judy", "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella",
        "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "lori", "condoleeza",
        "madeleine", "jean-claude", "jean-marie", "francois", "nicolas", "jacques", "pierre", "michel", "alain",
        "philippe", "hans", "klaus", "wolfgang", "gerhard", "helmut", "jurgen", "horst", "silvio", "romano",
        "giuseppe", "giovanni", "carlo", "marco", "luigi", "antonio", "francesco", "luis", "carlos", "manuel",
        "jorge", "pedro", "miguel", "alvaro", "hugo", "evo", "luiz", "inacio", "fidel", "raul", "vladimir", "dmitry",
        "dmitri", "sergei", "sergey", "igor", "boris", "mikhail", "viktor", "yulia", "alexei", "nikolai", "ivan",
        "yuri", "leonid", "petro", "volodymyr", "recep", "tayyip", "ahmet", "mehmet", "mustafa", "kemal", "mohammad",
        "mohammed", "muhammad", "mohamed", "mahmoud", "ahmed", "ahmad", "ali", "hassan", "hussein", "hussain", "omar",
        "umar", "abdul", "abdullah", "abdel", "ibrahim", "ismail", "khalid", "khaled", "yousef", "yusuf", "youssef",
        "saeed", "nabil", "salam", "saddam", "tariq", "nouri", "jalal", "moqtada", "ayman", "osama", "usama",
        "hamid", "ashraf", "pervez", "nawaz", "benazir", "asif", "imran", "shaukat", "yousuf", "zalmay", "manmohan",
        "sonia", "rahul", "narendra", "atal", "girija", "ehud", "ariel", "shimon", "tzipi", "yitzhak", "avigdor",
        "amir", "hosni", "anwar", "bashar", "hafez", "muammar", "moammar", "nelson", "thabo", "kofi", "ban",
        "olusegun", "umaru", "goodluck", "ellen", "jiang", "hu", "wen", "xi", "li", "junichiro", "shinzo", "taro",
        "kim", "roh", "lee", "park", "thaksin", "susilo", "megawati", "aung", "barack", "condi", "gordon", "kurt",
        "rahm", "harry", "mitch", "al",
    ]

    /// Organisations known by one name or an acronym, lowercased.
    static let knownOrgs: Set<String> = [
        "nato", "hamas", "hezbollah", "hizbollah", "taliban", "taleban", "al-qaida", "al-qaeda", "al qaeda", "fatah",
        "opec", "interpol", "european union", "united nations", "white house", "pentagon", "kremlin", "congress",
        "parliament", "reuters", "xinhua", "unicef", "unesco", "unhcr", "fifa", "ioc", "imf", "world bank", "cia",
        "fbi", "nasa", "mossad", "idf", "eu", "un", "u.n.", "who", "wto", "asean", "african union", "arab league",
        "red cross", "red crescent", "amnesty international", "human rights watch", "security council",
        "u.n. security council", "google", "microsoft", "apple", "amazon", "facebook", "toyota", "boeing", "airbus",
        "gazprom", "exxon", "shell", "bbc", "cnn", "voa", "al-jazeera", "al jazeera", "associated press", "ap", "afp",
        "itar-tass", "interfax", "farc", "eta", "ira", "plo", "pkk", "lashkar-e-taiba", "jaish-e-mohammed",
        "islamic jihad", "cabinet", "liberal democrats", "lib dems", "social democrats",
        "christian democrats", "free democrats", "labour party", "conservative party", "democratic party",
        "republican party", "green party", "greens", "al-shabab", "al-shabaab", "isis", "isil", "khmer rouge", "supreme court",
        "state department", "duma", "knesset", "politburo", "vatican",
    ]
}

extension Lexicon {
    /// Pronouns that stand for one person, resolved to the person mentioned last.
    static let singularPronouns: Set<String> = ["he", "she"]

    /// Common women's given names, lowercased: `he` does not stand for them.
    static let femaleNames: Set<String> = [
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy",
        "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen",
        "amy", "angela", "shirley", "anna", "ana", "brenda", "pamela", "emma", "nicole", "helen", "samantha",
        "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane",
        "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "lauren", "christina", "joan", "evelyn",
        "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "sara",
        "frances", "kathryn", "janice", "jean", "abigail", "alice", "julia", "judy", "sophia", "grace", "denise",
        "amber", "doris", "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie", "brittany",
        "charlotte", "marie", "kayla", "lori", "madeleine", "hillary", "condoleezza", "condoleeza", "condi",
        "yulia", "sonia", "benazir", "tzipi", "ellen", "megawati", "angela", "theresa", "jane", "kate", "lucy",
        "sophie", "claire", "fiona", "tessa", "harriet", "rosa", "nell", "nancy", "carla", "lena", "marta",
    ]

    /// Common men's given names, lowercased: `she` does not stand for them.
    static let maleNames: Set<String> = givenNames.subtracting(femaleNames).subtracting([
        "kim", "lee", "park", "jean", "ban", "li", "hu", "wen", "xi", "jordan", "kelly", "madison", "alexis",
        "christian", "terry", "jesse", "billy", "bobby", "logan", "dylan", "taylor", "ashley",
    ])
}

extension Lexicon {
    /// Lowercase nouns for people who speak for an organisation (`a BBC spokesman said`): the organisation is
    /// the speaker.
    static let spokespeople: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "official", "officials", "representative", "statement",
        "source", "sources", "lawyer", "lawyers", "aide", "aides", "executive", "economist", "analyst",
    ]
}
