/// Word lists for document structure and language detection. All entries are lowercase.
extension Lexicon {
    /// Whole short lines that are page furniture (compared lowercased, trailing `.:!>»›|` and spaces removed);
    /// extends ``Lexicon/boilerplateLines``.
    static let pageFurnitureLines: Set<String> = [
        "ad", "advert", "promoted", "paid content", "partner content", "scroll down", "scroll to continue",
        "scroll to top", "skip to content", "skip to navigation", "menu", "close", "search", "log in", "login",
        "sign in", "register", "newsletter", "get the newsletter", "sign up now", "subscribe today",
        "subscribe for full access", "share via email", "share via", "copy link", "link copied", "email", "tweet",
        "pin", "save", "save article", "save for later", "listen", "listen to this article", "play", "watch",
        "watch now", "view comments", "show comments", "leave a comment", "add comment", "more", "more on this story",
        "more stories", "top stories", "trending", "trending now", "recommended", "recommended for you",
        "you may also like", "you might also like", "read next", "up next", "next article", "previous article",
        "accept", "accept all", "accept cookies", "reject all", "manage cookies", "cookie settings", "got it",
        "image", "video", "gallery", "enlarge this image", "toggle caption", "hide caption", "expand",
        "topics", "tags", "reprints", "licensing", "print this page", "facebook", "twitter", "linkedin",
        "whatsapp", "reddit", "instagram", "youtube", "x", "follow", "follow us on twitter", "support us",
        "donate", "advertise", "advertise with us", "loading", "loading…", "loading...",
    ]

    /// Prefixes of short lines that are page furniture; extends ``Lexicon/boilerplatePrefixes``.
    static let pageFurniturePrefixes: [String] = [
        "read more", "also read", "read the full", "read next:", "more:", "recommended:", "related coverage",
        "related stories", "related content", "click here to", "tap here to", "sign up for", "subscribe to",
        "follow us on", "follow @", "share this", "share on", "we use cookies", "this site uses cookies",
        "this website uses cookies", "by continuing to use", "by clicking", "your privacy", "© ", "(c) ",
        "copyright ©", "all rights reserved", "download the app", "get the app", "advertisement -",
        "story continues", "article continues", "continue reading", "this article was", "this story was",
        "listen to this", "join our", "enjoyed this article", "like this article", "want more",
        "send us a tip", "have a news tip", "contact us", "photo gallery", "see more", "watch more",
    ]

    /// Words that open a picture credit (`Photo: …`, `Credit …`).
    static let creditOpeners: [String] = [
        "photo:", "photos:", "photo by", "photograph:", "photograph by", "photography:", "image:", "images:",
        "image by", "picture:", "pictures:", "credit:", "credits:", "photo credit:", "image credit:",
        "illustration:", "illustration by", "foto:", "bild:",
    ]

    /// Words that close a picture credit (`… photographer`, `… /Getty Images`).
    static let creditClosers: [String] = [
        "photographer", "photo", "photos", "images", "image", "pictures", "via getty", "getty images",
        "reuters", "afp", "ap", "epa", "pa", "pa media", "pa wire", "shutterstock", "alamy", "handout",
        "afp via getty images", "bloomberg", "the associated press", "associated press", "file photo",
        "illustration", "collection", "archive", "courtesy", "supplied", "ap photo", "epa-efe",
    ]

    /// Agencies that name themselves inside a credit (`Reuters/Jane Doe`, `AP Photo/…`).
    static let creditAgencies: [String] = [
        "reuters/", "ap photo/", "ap/", "afp/", "epa/", "getty images/", "anadolu/", "xinhua/", "ap images/",
    ]

    /// Month names and abbreviations (without the period).
    static let monthWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec",
    ]

    /// Words that may appear in a date line besides months and numbers.
    static let dateWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
        "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "am", "pm", "a.m", "p.m", "at", "on", "of", "the",
        "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "mt", "gmt", "utc", "bst", "cet", "cest",
        "ist", "aest", "jst", "hkt", "sgt", "th", "st", "nd", "rd", "|", "-", "–", "—", "/", "·", "•",
    ]

    /// Words that open a publication-date line.
    static let publishedOpeners: [String] = [
        "published", "updated", "last updated", "first published", "posted", "last modified", "modified",
        "date:", "released", "issued",
    ]

    /// Lowercase words allowed inside a person's name in a byline.
    static let nameParticles: Set<String> = [
        "de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das", "di", "bin",
        "al", "el", "ibn", "ter", "and", "&",
    ]
}
