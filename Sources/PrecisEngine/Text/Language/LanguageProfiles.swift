/// Function-word profiles of Latin-script languages: the most frequent short words of running text, which
/// make up 30–50 % of the words of any prose in that language. Lowercase.
enum LanguageProfiles {
    static let latin: [(code: String, words: Set<String>)] = [
        ("en", Lexicon.functionWords),
        ("de", [
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den", "des", "mit", "sich",
            "auf", "für", "von", "zu", "im", "auch", "es", "sie", "er", "wir", "ich", "war", "wird", "werden", "hat",
            "haben", "bei", "nach", "aus", "um", "wie", "noch", "aber", "oder", "wenn", "dass", "nur", "über",
            "vor", "durch", "sind", "so", "zum", "zur", "einer", "eines", "als", "am", "kann", "schon", "mehr",
        ]),
        ("fr", [
            "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "en", "que", "qui", "dans", "pour",
            "pas", "sur", "au", "aux", "ce", "cette", "il", "elle", "ils", "nous", "vous", "avec", "plus", "par",
            "sont", "ont", "mais", "ou", "se", "sa", "son", "ses", "leur", "été", "être", "avait", "comme", "aussi",
            "à", "où", "d'un", "d'une", "c'est", "qu'il", "l'", "n'est",
        ]),
        ("es", [
            "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "con", "para",
            "no", "se", "su", "sus", "al", "lo", "como", "más", "pero", "fue", "ha", "han", "este", "esta", "son",
            "también", "entre", "sobre", "hasta", "muy", "sin", "ya", "cuando", "donde", "porque", "le", "les",
            "era", "está", "están", "hay", "desde", "todo", "ser",
        ]),
        ("it", [
            "il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "che", "e", "è", "un", "una",
            "per", "con", "non", "in", "nel", "nella", "sono", "si", "da", "dal", "alla", "al", "come", "anche",
            "più", "ma", "ha", "hanno", "questo", "questa", "suo", "sua", "era", "essere", "stato", "tra", "fra",
            "molto", "dopo", "quando", "perché", "ci", "ne", "degli",
        ]),
        ("pt", [
            "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "no", "na", "nos", "nas", "um",
            "uma", "para", "com", "não", "por", "se", "mais", "é", "foi", "são", "como", "mas", "ao", "aos", "pelo",
            "pela", "seu", "sua", "também", "está", "ele", "ela", "eles", "já", "ou", "quando", "muito", "entre",
            "há", "ser", "tem", "até",
        ]),
        ("nl", [
            "de", "het", "een", "en", "van", "is", "niet", "dat", "die", "in", "op", "te", "met", "voor", "zijn",
            "er", "aan", "ook", "als", "maar", "om", "bij", "dan", "nog", "wel", "naar", "uit", "door", "ze", "hij",
            "zij", "wij", "ik", "was", "werd", "wordt", "heeft", "hebben", "kan", "over", "tot", "geen", "dit",
            "deze", "of", "al", "worden", "meer",
        ]),
    ]
}
