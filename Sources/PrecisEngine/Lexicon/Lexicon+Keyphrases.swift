extension Lexicon {
    /// English words that end or split a keyphrase candidate, beyond ``stopWords``: auxiliaries and frequent
    /// verbs, pronoun-like and quantity words, vague adjectives and adverbs that an editor would cut from a
    /// topic phrase ("the proposed method" → "method", "very large" → nothing). Written for this project.
    static let keyphraseStopWords: Set<String> = stopWords.union([
        // verbs and auxiliaries
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "done",
        "can", "cannot", "could", "shall", "should", "will", "would", "may", "might", "must", "need", "needs",
        "use", "uses", "used", "using", "show", "shows", "showed", "shown", "present", "presents", "presented",
        "describe", "describes", "described", "propose", "proposes", "proposed", "consider", "considers",
        "considered", "discuss", "discusses", "discussed", "give", "gives", "given", "gave", "provide",
        "provides", "provided", "allow", "allows", "allowed", "require", "requires", "required", "obtain",
        "obtains", "obtained", "develop", "develops", "developed", "apply", "applies", "applied", "base", "based",
        "derive", "derived", "find", "finds", "found", "see", "seen", "seem", "seems", "seemed", "appear",
        "appears", "appeared", "become", "becomes", "became", "include", "includes", "included", "contain",
        "contains", "contained", "make", "makes", "making", "take", "takes", "taken", "taking", "put", "puts",
        "set", "sets", "let", "lets", "want", "wants", "wanted", "know", "knows", "known", "knew", "think",
        "thinks", "thought", "believe", "believes", "believed", "say", "saying", "says", "tell", "tells",
        "telling", "call", "calls", "called", "keep", "keeps", "kept", "try", "tries", "tried", "trying", "help",
        "helps", "helped", "feel", "feels", "felt", "leave", "leaves", "left", "seek", "seeks", "sought",
        "deal", "deals", "dealt", "lead", "leads", "led", "bring", "brings", "brought", "hold", "holds", "held",
        "turn", "turns", "turned", "look", "looks", "looked", "ask", "asks", "expect", "expects", "expected",
        "aim", "aims", "aimed", "able", "unable", "due", "according", "regarding", "concerning", "following",
        "follows", "followed", "yield", "yields", "yielded", "achieve", "achieves", "achieved", "investigate",
        "investigates", "investigated", "introduce", "introduces", "introduced", "demonstrate", "demonstrates",
        "demonstrated", "report", "reported", "reports", "suggest", "suggests", "suggested", "indicate",
        "indicates", "indicated", "illustrate", "illustrates", "illustrated", "examine", "examines", "examined",
        "compare", "compares", "compared", "study", "studied", "studies", "address", "addresses", "addressed",
        "explore", "explores", "explored", "evaluate", "evaluates", "evaluated", "establish", "established",
        "improve", "improves", "improved", "reduce", "reduces", "reduced", "increase", "increases", "increased",
        "get", "gets", "getting", "goes", "gone", "began", "begin", "begins", "started", "start", "starts",
        "continue", "continues", "continued", "remain", "remains", "remained", "added", "adds", "says",
        "announced", "confirmed", "declined", "agreed", "warned", "claimed", "insisted", "revealed",
        // pronoun-like, quantity and vague words
        "it", "its", "this", "that", "these", "those", "such", "which", "what", "whose", "something", "anything",
        "nothing", "everything", "someone", "anyone", "everyone", "nobody", "everybody", "somebody", "one",
        "ones", "all", "both", "either", "neither", "each", "every", "several", "various", "many", "much", "more",
        "most", "less", "least", "few", "fewer", "some", "any", "other", "others", "another", "same", "different",
        "certain", "particular", "specific", "general", "main", "major", "key", "important", "possible",
        "available", "good", "better", "best", "bad", "worse", "worst", "great", "greater", "large", "larger",
        "largest", "small", "smaller", "smallest", "high", "higher", "low", "lower", "big", "little", "long",
        "short", "new", "novel", "recent", "recently", "current", "currently", "previous", "previously",
        "present", "future", "past", "early", "earlier", "late", "later", "latest", "first", "second", "third",
        "last", "next", "final", "finally", "whole", "full", "real", "simple", "simply", "even", "ever", "never",
        "always", "often", "sometimes", "usually", "also", "only", "just", "very", "quite", "rather", "really",
        "still", "yet", "already", "almost", "nearly", "about", "around", "approximately", "thus", "hence",
        "therefore", "however", "moreover", "furthermore", "although", "though", "whereas", "while", "whether",
        "paper", "article", "result", "results", "way", "ways", "thing", "things", "lot", "lots", "kind", "kinds",
        "sort", "case", "cases", "fact", "example", "order", "terms", "term", "point", "percent",
        "per", "cent", "mr", "mrs", "ms", "dr", "sir", "including", "via", "etc", "within", "without", "across",
        "along", "behind", "beyond", "despite", "towards", "toward", "onto", "amid", "amongst", "whilst",
        "here", "there", "where", "when", "why", "how", "who", "whom", "now", "then", "today", "yesterday",
        "tomorrow", "tonight", "ago", "thereby", "whereby", "week", "weeks", "month", "months", "year", "years", "day", "days", "time",
        "times", "hour", "hours", "minute", "minutes", "people", "thousands", "hundreds", "millions", "dozens",
        "lot", "well", "like", "unlike", "yes", "oh", "ok", "okay", "mostly", "particularly", "especially",
        "possibly", "probably", "perhaps", "maybe", "certainly", "clearly", "actually", "indeed", "instead",
        "likely", "unlikely", "far", "further", "less", "enough", "too", "so", "up", "down", "out", "off",
    ])

    /// English nouns too general to stand alone as a key phrase; they still count inside longer phrases
    /// ("control system", "data protection").
    static let genericNouns: Set<String> = [
        "system", "systems", "model", "models", "method", "methods", "approach", "approaches", "technique",
        "techniques", "algorithm", "algorithms", "data", "problem", "problems", "process", "processes", "scheme",
        "schemes", "structure", "structures", "concept", "concepts", "framework", "analysis", "application",
        "applications", "information", "study", "level", "levels", "value", "values", "set", "sets", "number",
        "issue", "issues", "aspect", "aspects", "factor", "factors", "area", "areas", "field", "fields",
        "performance", "quality", "impact", "effect", "effects", "role", "use", "need", "needs", "thing", "man",
        "woman", "men", "women", "person", "group", "groups", "country", "world", "officials", "official",
        "report", "statement", "move", "plan", "plans", "deal", "news", "story", "place", "side", "end", "line",
    ]

    /// Words after which an English word is a verb: subject pronouns, modals and the infinitive `to`.
    static let verbCues: Set<String> = [
        "i", "we", "they", "he", "she", "who", "to", "will", "would", "can", "could", "should", "shall", "may",
        "might", "must", "cannot", "not", "do", "does", "did", "we'll", "they'll", "didn't", "don't", "doesn't", "won't", "can't",
    ]

    /// English words ending in `-ly` that are nouns, not adverbs.
    static let lyNouns: Set<String> = [
        "family", "supply", "reply", "assembly", "anomaly", "monopoly", "ally", "rally", "belly", "jelly", "fly",
        "bully", "lily", "butterfly", "firefly", "dragonfly", "homily", "italy", "july", "poly", "melancholy",
        "panoply", "oligopoly", "duopoly", "gadfly", "housefly",
    ]

    /// Frequent verbs, prepositions and adverbs of other languages that the language profiles leave out, by ISO
    /// 639-1 code; added to the profile's function words to end keyphrase candidates.
    static let keyphraseExtraStopWords: [String: Set<String>] = [
        "es": [
            "ante", "bajo", "tras", "según", "durante", "contra", "hacia", "será", "serán", "sería", "fueron",
            "había", "han", "ha", "dijo", "dice", "afirmó", "aseguró", "explicó", "puede", "pueden", "tiene",
            "tienen", "hace", "hizo", "otro", "otra", "otros", "otras", "cada", "todos", "todas", "mismo", "misma",
            "así", "aún", "solo", "sólo", "ahora", "después", "antes", "mientras", "nos", "ni", "esto", "eso",
            "estas", "esos", "esas", "aquí", "allí", "donde", "cual", "cuales", "quien", "quienes", "qué",
        ],
        "fr": [
            "selon", "après", "avant", "pendant", "contre", "vers", "chez", "sous", "entre", "sera", "seront",
            "serait", "était", "étaient", "fait", "peut", "peuvent", "doit", "dit", "déclaré", "très", "tout",
            "tous", "toute", "toutes", "autre", "autres", "même", "ainsi", "encore", "déjà", "aujourd'hui", "lors",
            "dont", "où", "ni", "on", "y", "leurs", "notre", "nos", "votre", "vos",
        ],
        "de": [
            "sei", "seien", "wurden", "worden", "wird", "kann", "können", "muss", "müssen", "soll", "sollen",
            "gegen", "ohne", "unter", "zwischen", "seit", "während", "bereits", "jetzt", "heute", "sagte", "sagt",
            "diese", "dieser", "dieses", "diesen", "jede", "jeder", "alle", "einige", "viele", "sehr", "hier",
            "dort", "ihre", "ihr", "ihren", "seine", "sein", "seinen", "uns", "man", "nun", "bis", "ab",
        ],
        "it": [
            "secondo", "dopo", "prima", "durante", "contro", "verso", "sarà", "saranno", "sarebbe", "stati",
            "stata", "può", "possono", "deve", "detto", "ha detto", "molto", "tutto", "tutti", "altro", "altri",
            "ancora", "già", "oggi", "dove", "cui", "chi", "nei", "negli", "nelle", "sul", "sulla", "dalla",
        ],
        "pt": [
            "segundo", "após", "antes", "durante", "contra", "sobre", "será", "serão", "seria", "eram", "pode",
            "podem", "deve", "disse", "afirmou", "todo", "todos", "toda", "todas", "outro", "outros", "outra",
            "ainda", "hoje", "onde", "cujo", "quem", "nem", "isso", "isto", "essa", "esse", "este", "esta",
        ],
        "nl": [
            "volgens", "na", "tijdens", "tegen", "onder", "tussen", "sinds", "zal", "zullen", "zou", "waren",
            "moet", "moeten", "kunnen", "zei", "zegt", "alle", "veel", "zeer", "nu", "hier", "daar", "hun",
            "haar", "zich", "ons", "wat", "wie", "waar", "wordt", "geweest",
        ],
    ]

    /// English words ending in `-s` that are not plurals.
    static let singularS: Set<String> = [
        "news", "series", "species", "always", "perhaps", "whereas", "thus", "has", "was", "does", "is", "its",
        "this", "his", "hers", "yours", "ours", "less", "unless", "across", "gas", "lens", "bus", "canvas",
        "chaos", "status", "bias", "atlas", "alias", "campus", "census", "virus", "focus", "consensus", "corpus",
    ]

    /// Words that join two keyphrase parts in a Latin-script language ("degree of freedom", "reforma de
    /// pensiones") when the joined phrase recurs. By ISO 639-1 code.
    static let keyphraseConnectors: [String: Set<String>] = [
        "en": ["of"], "fr": ["de", "du", "des", "d'"], "es": ["de", "del"], "it": ["di", "del", "della", "dei"],
        "pt": ["de", "do", "da", "dos", "das"], "nl": ["van"], "de": ["von", "der"],
    ]
}

/// What an English word is to the keyphrase extractor; several can hold.
struct KeyphraseWordClass: OptionSet, Sendable {
    let rawValue: UInt16
    static let stop = Self(rawValue: 1)
    static let function = Self(rawValue: 2)
    static let generic = Self(rawValue: 4)
    static let singularS = Self(rawValue: 8)
    static let honorific = Self(rawValue: 16)
    static let verbCue = Self(rawValue: 32)
    /// An `-ly` word that is not an adverb.
    static let lyNoun = Self(rawValue: 64)
}

extension Lexicon {
    /// Every English word list the keyphrase extractor consults, merged into one byte-keyed table of
    /// ``KeyphraseWordClass`` bits, so a new word costs one lookup.
    static let englishKeyphraseClasses: WordTable = {
        var classes: [String: KeyphraseWordClass] = [:]
        func mark(_ words: some Sequence<String>, _ kind: KeyphraseWordClass) {
            for word in words { classes[word, default: []].insert(kind) }
        }
        mark(keyphraseStopWords, .stop)
        mark(numberWords.keys, .stop)
        mark(scaleWords.keys, .stop)
        mark(functionWords, .function)
        mark(genericNouns, .generic)
        mark(singularS, .singularS)
        mark(honorifics, .honorific)
        mark(verbCues, .verbCue)
        mark(lyNouns, .lyNoun)
        var table = WordTable(capacity: classes.count)
        for (word, kind) in classes.sorted(by: { $0.key < $1.key }) { table.insert(Array(word.utf8)[...], Int(kind.rawValue)) }
        return table
    }()
}
