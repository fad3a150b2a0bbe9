/// Small word lists used by the v0 heuristics. All entries are lowercase unless noted.
enum Lexicon {
    /// About 120 common English function words; used for language detection, stop words and sentence starts.
    static let functionWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must",
        "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
        "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
        "with", "would", "you", "your", "yours", "yet", "since", "among", "within", "without", "upon", "though",
    ]

    /// Function words plus frequent verbs and fillers that carry little topic.
    static let stopWords: Set<String> = functionWords.union([
        "said", "says", "say", "told", "tell", "added", "asked", "according", "including", "also", "like",
        "get", "got", "make", "made", "many", "much", "well", "even", "still", "around", "last", "next", "new",
        "one", "two", "three", "first", "second", "per", "cent", "percent", "mr", "mrs", "ms", "dr", "year",
        "years", "week", "weeks", "month", "months", "day", "days", "time", "yesterday", "today", "tomorrow",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "whether", "already",
        "every", "another", "away", "back", "going", "go", "went", "come", "came", "take", "took", "it's",
        "don't", "didn't", "won't", "can't", "isn't", "wasn't", "there's", "that's", "he's", "she's", "they're",
    ])

    /// Abbreviations written with a final period (matched case-sensitively, period omitted).
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm",
        "Rev", "Hon", "Pres", "St", "Mt", "Ft", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "No", "Nos",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd",
        "Rd", "Dept", "Univ", "vs", "etc", "approx", "est", "fig", "Fig", "vol", "Vol", "pp", "cf", "al",
    ]

    /// Abbreviations that precede a name or number and so never end a sentence.
    static let titleAbbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm",
        "Rev", "Hon", "Pres", "St", "Mt", "Ft", "No", "Nos", "vs", "fig", "Fig", "vol", "Vol", "pp", "cf",
    ]

    /// Time abbreviations (period omitted), which end a sentence before any capitalised word.
    static let timeAbbreviations: Set<String> = ["a.m", "p.m", "A.M", "P.M"]

    /// Month abbreviations (period omitted), which end a sentence before a capitalised word rather than a day.
    static let monthAbbreviations: Set<String> = [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]

    /// Words that, with a period, introduce a number (`p. 55`, `fig. 3`); lowercase, period omitted.
    static let numberAbbreviations: Set<String> = [
        "p", "pp", "no", "nos", "vol", "vols", "fig", "figs", "para", "paras", "ch", "chap", "art", "arts", "sec",
        "sect", "tel", "ext", "ref", "pt", "pts", "op", "ed", "eq", "nr", "n",
    ]

    /// Short lines that are navigation or advertising rather than text (compared lowercased, whole line).
    static let boilerplateLines: Set<String> = [
        "advertisement", "advertisements", "sponsored", "sponsored content", "scroll for next",
        "scroll for next article", "scroll to continue with content", "skip advertisement", "skip to main content",
        "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
        "subscribe", "subscribe now", "subscribe to our newsletter", "sign up", "sign up for our newsletter",
        "continue reading", "continue reading below", "click here", "follow us", "back to top", "print",
        "story continues below advertisement", "related", "related articles", "most read", "comments",
    ]

    /// Prefixes of short lines that point elsewhere (compared lowercased).
    static let boilerplatePrefixes: [String] = ["read more:", "read also:", "related:", "see also:", "watch:"]

    /// Verbs that introduce reported speech.
    static let reportingVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "explained", "stated", "wrote",
        "writes", "declared", "insisted", "warned", "replied", "noted", "argued", "claimed", "announced",
        "confirmed", "admitted", "recalled", "suggested", "continued", "acknowledged", "remarked", "stressed",
    ]

    /// Pronouns that can stand for a speaker.
    static let speakerPronouns: Set<String> = ["he", "she", "they", "we", "i"]
}
