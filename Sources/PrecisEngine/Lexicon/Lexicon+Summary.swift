extension Lexicon {
    /// English sentence openers that lean on the sentence before (a pronoun or a connective): out of context,
    /// in a summary, they leave the reader asking who "he" is or what "but" contrasts.
    static let dependentOpeners: Set<String> = [
        "he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their", "but", "and", "however",
        "also", "meanwhile", "still", "instead", "then", "so", "yet", "that",
    ]

    /// Short lists of very frequent function words for languages other than English, by ISO 639-1 code, used
    /// only to keep them out of summary term vectors. Languages without a list rely on inverse document
    /// frequency alone.
    static let summaryStopWords: [String: Set<String>] = [
        "es": [
            "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "a", "en", "y", "o", "que",
            "por", "para", "con", "sin", "se", "su", "sus", "es", "son", "fue", "ha", "han", "lo", "le", "les",
            "como", "más", "pero", "este", "esta", "estos", "ese", "esa", "muy", "ya", "no", "sí", "también",
        ],
        "fr": [
            "le", "la", "les", "un", "une", "des", "de", "du", "au", "aux", "à", "en", "et", "ou", "que", "qui",
            "par", "pour", "avec", "sans", "se", "sa", "son", "ses", "est", "sont", "été", "a", "ont", "il", "elle",
            "ils", "elles", "ce", "cet", "cette", "ces", "dans", "sur", "plus", "mais", "ne", "pas", "aussi", "l'",
        ],
        "de": [
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder",
            "in", "im", "an", "am", "auf", "aus", "mit", "von", "vom", "zu", "zum", "zur", "für", "ist", "sind",
            "war", "wurde", "hat", "haben", "er", "sie", "es", "sich", "nicht", "auch", "als", "wie", "dass",
        ],
        "it": [
            "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "del", "della", "dei", "a", "al", "in",
            "nel", "e", "o", "che", "per", "con", "su", "si", "è", "sono", "ha", "hanno", "non", "anche", "come",
        ],
        "pt": [
            "o", "a", "os", "as", "um", "uma", "de", "do", "da", "dos", "das", "em", "no", "na", "e", "ou", "que",
            "por", "para", "com", "se", "seu", "sua", "é", "são", "foi", "tem", "não", "também", "como", "mais",
        ],
        "nl": [
            "de", "het", "een", "en", "of", "van", "in", "op", "aan", "met", "voor", "door", "te", "is", "zijn",
            "was", "werd", "heeft", "hij", "zij", "ze", "niet", "ook", "als", "dat", "die", "dit", "er", "om",
        ],
    ]
}
