// Hand-written from general knowledge for this project (no external data); free to use under the project's licence.

extension Lexicon {
    /// Nationality, ethnic, religious and regional adjectives and nouns (NORP), lowercased, singular.
    /// A plural (`Palestinians`, `Afghans`) is recognised by dropping its `s`.
    static let demonyms: Set<String> = [
        "afghan", "albanian", "algerian", "american", "angolan", "arab", "argentine", "argentinian", "armenian",
        "asian", "australian", "austrian", "azerbaijani", "azeri", "bahraini", "bangladeshi", "belarusian", "belgian",
        "bolivian", "bosnian", "brazilian", "british", "briton", "bulgarian", "burmese", "burundian", "cambodian",
        "cameroonian", "canadian", "chadian", "chilean", "chinese", "colombian", "congolese", "croatian", "croat",
        "cuban", "cypriot", "czech", "danish", "dane", "dutch", "ecuadorian", "egyptian", "emirati", "english",
        "eritrean", "estonian", "ethiopian", "european", "filipino", "finnish", "french", "georgian", "german",
        "ghanaian", "greek", "guatemalan", "haitian", "honduran", "hungarian", "icelandic", "indian", "indonesian",
        "iranian", "iraqi", "irish", "israeli", "italian", "ivorian", "jamaican", "japanese", "jordanian", "kazakh",
        "kenyan", "korean", "kosovar", "kurdish", "kurd", "kuwaiti", "kyrgyz", "laotian", "latvian", "lebanese",
        "liberian", "libyan", "lithuanian", "macedonian", "malaysian", "malian", "maltese", "mauritanian", "mexican",
        "moldovan", "mongolian", "montenegrin", "moroccan", "mozambican", "namibian", "nepali", "nepalese",
        "dutchman", "nicaraguan", "nigerian", "nigerien", "norwegian", "omani", "pakistani", "palestinian",
        "panamanian", "paraguayan", "persian", "peruvian", "polish", "pole", "portuguese", "qatari", "romanian",
        "russian", "rwandan", "saudi", "scottish", "scot", "senegalese", "serbian", "serb", "singaporean", "slovak",
        "slovenian", "somali", "south african", "spanish", "spaniard", "sri lankan", "sudanese", "swedish", "swede",
        "swiss", "syrian", "taiwanese", "tajik", "tanzanian", "thai", "tibetan", "tunisian", "turkish", "turk",
        "turkmen", "ugandan", "ukrainian", "uruguayan", "uzbek", "venezuelan", "vietnamese", "welsh", "yemeni",
        "zambian", "zimbabwean", "african", "latin american", "western", "soviet", "balkan", "caucasian",
        "scandinavian", "baltic", "pashtun", "baluch", "shi'ite", "shiite", "sunni", "muslim", "christian", "jewish",
        "jew", "catholic", "protestant", "hindu", "sikh", "buddhist", "islamist", "islamic", "orthodox", "maoist",
        "republican", "democrat", "democratic", "communist", "socialist", "conservative", "liberal", "labour", "tory", "tories",
        "chechen", "tamil", "sinhalese", "uighur", "uyghur", "hutu", "tutsi", "alawite", "druze", "coptic", "copt",
        "maronite", "yazidi", "bedouin", "berber", "hispanic", "latino", "aboriginal", "inuit", "north korean", "south korean",
        "central american", "south american", "north american", "middle eastern", "yugoslav", "kashmiri", "emirati",
        "sahrawi", "rohingya", "mongol", "eurasian", "southeast asian", "frenchmen", "englishmen", "yemenite", "kurdish", "afrikaner", "zulu", "somalilander", "basque", "catalan", "flemish",
    ]

    /// Whether a lowercased name is a nationality or group word, or its plural.
    static func isDemonym(_ name: String) -> Bool {
        if demonyms.contains(name) { return true }
        guard name.hasSuffix("s"), name.utf8.count > 3 else { return false }
        return demonyms.contains(String(name.dropLast()))
    }
}
