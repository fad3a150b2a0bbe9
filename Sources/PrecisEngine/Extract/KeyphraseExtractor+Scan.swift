extension KeyphraseExtractor {
    /// The words of the document's content sentences, in reading order, with what the candidates and the graph
    /// need to know about each.
    struct Scan {
        let context: ExtractionContext
        /// Whether this is English, where stems merge word forms and word shapes hint at parts of speech.
        var isEnglish: Bool { english }

        /// Whether a name next to a lowercase word ends a candidate (not in German, where nouns are capitalised).
        let splitsByCase: Bool
        private let stops: Set<String>
        private let functions: Set<String>
        private let english: Bool
        private let connectors: Set<String>
        private(set) var words: [Word] = []
        private(set) var occurrences: [Occurrence] = []
        private(set) var stemCount = 0
        private var table = WordTable(capacity: 512)
        private var buffer: [UInt8] = []
        private var stemTable = WordTable(capacity: 512)
        private var stemBuffer: [UInt8] = []
        private var lowercase: [String] = []

        init(context: ExtractionContext, language: String) {
            self.context = context
            let lists = KeyphraseExtractor.stopWords(for: language)
            stops = lists.stop
            functions = lists.function
            english = language == "en" || language == "und"
            connectors = Lexicon.keyphraseConnectors[english ? "en" : language] ?? []
            splitsByCase = language != "de"
        }

        /// Whether occurrence `index` cannot be part of a candidate. A capitalised word inside a name
        /// ("New York", "The Social Network") is a stop word only when it is a function word.
        func isStop(_ index: Int) -> Bool {
            let occurrence = occurrences[index]
            let word = words[Int(occurrence.word)]
            if occurrence.shouted { return word.stop }
            // German capitalises every noun: a lowercase word is a verb, adjective or particle.
            if !splitsByCase, !occurrence.capitalised || occurrence.opening && word.lowercase > word.capitalised {
                return true
            }
            if occurrence.acronym { return false }
            if occurrence.capitalised, !occurrence.opening || word.capitalised > word.lowercase { return word.function }
            return word.stop || word.verb
        }

        /// Whether occurrence `index` reads as part of a name.
        func isName(_ index: Int) -> Bool {
            let occurrence = occurrences[index]
            return occurrence.capitalised && (!occurrence.opening || words[Int(occurrence.word)].proper)
        }

        /// The stem id of occurrence `index`: the graph node it counts for.
        func stem(_ index: Int) -> Int { Int(words[Int(occurrences[index].word)].stem) }

        /// The candidate as first written, with words that are not names lowercased.
        func text(of candidate: Candidate, context: ExtractionContext) -> String {
            let first = candidate.occurrences[0]
            var parts: [String] = []
            for index in first..<(first + candidate.stems.count) {
                let occurrence = occurrences[index]
                if isName(index) || occurrence.acronym || occurrence.mixedCase {
                    parts.append(context.text.string(context.tokens[occurrence.token].span.start..<occurrence.end))
                } else {
                    parts.append(lowercase[Int(occurrence.word)])
                }
            }
            if words[Int(occurrences[first].word)].ideograph { return parts.joined() }
            return parts.joined(separator: " ")
        }

        /// Reads the content sentences in order, stopping at `limit` words (within a sentence when one sentence
        /// is that long: a document without punctuation is one sentence).
        mutating func read(limit: Int = .max) {
            let ranges = context.sentenceRanges(ExtractionContext.isContent)
            for (sentence, range) in ranges.enumerated() where occurrences.count < limit {
                var opening = true
                var previous = -2
                let first = occurrences.count
                defer { if splitsByCase { uncapitaliseTitleCase(from: first) } }
                for index in range {
                    guard occurrences.count < limit else { break }
                    let token = context.tokens[index]
                    guard token.kind == .word || token.kind == .abbreviation else {
                        if token.kind == .punctuation, !context.isPunctuation(index, ",") { opening = true }
                        continue
                    }
                    let joined =
                        previous == index - 1
                        && (context.spaced(index - 1, index) || context.touching(index - 1, index) && isIdeograph(index - 1) && isIdeograph(index))
                    append(index, sentence: sentence, joined: joined, opening: opening)
                    previous = index
                    opening = false
                }
            }
            if stops.isEmpty { markFrequentShortWords() }
            for index in occurrences.indices where occurrences[index].acronym {
                let before = index > 0 && occurrences[index].joined && occurrences[index - 1].acronym
                let after = index + 1 < occurrences.count && occurrences[index + 1].joined && occurrences[index + 1].acronym
                occurrences[index].shouted = before || after
            }
            if english { markVerbs() }
        }

        private mutating func append(_ index: Int, sentence: Int, joined: Bool, opening: Bool) {
            let token = context.tokens[index]
            let bytes = context.text.bytes
            var end = token.span.end
            if token.kind == .abbreviation { end -= 1 }
            var breakAfter = false
            if end - token.span.start > 2, bytes[end - 2] == UInt8(ascii: "'"),
                bytes[end - 1] == UInt8(ascii: "s") || bytes[end - 1] == UInt8(ascii: "S")
            {
                end -= 2
                breakAfter = true
            } else if end - token.span.start > 4, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80, bytes[end - 2] == 0x99,
                bytes[end - 1] == UInt8(ascii: "s")
            {
                end -= 4
                breakAfter = true
            }
            let id = intern(token.span.start..<end)
            let capitalised = context.text.isUppercase(at: token.span.start)
            var acronym = false
            var mixedCase = false
            for position in (token.span.start + 1)..<max(token.span.start + 1, end) where bytes[position] >= 0x41 && bytes[position] <= 0x5A {
                mixedCase = true
                break
            }
            if capitalised, end - token.span.start >= 2 {
                acronym = true
                var letters = 0
                for position in token.span.start..<end {
                    let byte = bytes[position]
                    if byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) {
                        acronym = false
                        break
                    }
                    if byte >= 0x41 && byte <= 0x5A { letters += 1 }
                }
                acronym = acronym && letters >= 2
            }
            if !acronym {
                if !capitalised {
                    words[Int(id)].lowercase += 1
                } else if opening {
                    words[Int(id)].openingCapitalised += 1
                } else {
                    words[Int(id)].capitalised += 1
                }
            }
            occurrences.append(
                Occurrence(
                    word: id, token: index, end: end, sentence: Int32(sentence), joined: joined,
                    breakAfter: breakAfter || token.kind == .abbreviation && !acronym, capitalised: capitalised,
                    acronym: acronym, shouted: false, mixedCase: mixedCase, opening: opening
                )
            )
        }

        /// The id of the lowercased word in `range`, adding it when new. ASCII words are looked up without
        /// building a `String`.
        private mutating func intern(_ range: Range<Int>) -> Int32 {
            let bytes = context.text.bytes
            buffer.removeAll(keepingCapacity: true)
            var ascii = true
            for position in range {
                let byte = bytes[position]
                if byte >= 0x80 {
                    ascii = false
                    break
                }
                buffer.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            if !ascii { buffer = Array(context.text.lowercased(range).utf8) }
            if let id = table.value(buffer[...]) { return Int32(id) }
            let id = Int32(words.count)
            table.insert(buffer[...], Int(id))
            lowercase.append(String(decoding: buffer, as: UTF8.self))
            let first = buffer.first ?? 0
            var short = buffer.count < 2
            if !ascii, buffer.count <= 4 { short = lowercase[Int(id)].unicodeScalars.count < 2 }
            var word: Word
            if english {
                let classes = Lexicon.englishKeyphraseClasses.value(buffer[...]).map { KeyphraseWordClass(rawValue: UInt16($0)) } ?? []
                let stop = classes.contains(.stop) || short || isASCIIDigit(first) || KeyphraseExtractor.isEnglishNonNoun(buffer)
                stemBuffer.removeAll(keepingCapacity: true)
                stemBuffer.append(contentsOf: buffer)
                Stemmer.stem(&stemBuffer)
                word = Word(stem: stemID(stemBuffer), stop: stop, function: classes.contains(.function) || stop && short)
                word.participle = buffer.count >= 5 && Stemmer.hasSuffix(buffer, "ed") && !Stemmer.hasSuffix(buffer, "eed")
                word.generic = classes.contains(.generic)
                word.plural = QuantityExtractor.looksPlural(buffer) && !Stemmer.hasSuffix(buffer, "ics") && !classes.contains(.singularS)
                word.honorific = classes.contains(.honorific)
                word.verbCue = classes.contains(.verbCue)
                word.connector = buffer.count == 2 && buffer[0] == UInt8(ascii: "o") && buffer[1] == UInt8(ascii: "f")
            } else {
                let lower = lowercase[Int(id)]
                let ideograph = !ascii && context.text.classAt(range.lowerBound).0 == .ideograph
                if ideograph { short = false }
                let stop = stops.contains(lower) || short || isASCIIDigit(first) || Lexicon.numberWords[lower] != nil
                word = Word(stem: stemID(buffer), stop: stop, function: functions.contains(lower) || stop && short)
                word.ideograph = ideograph
                word.connector = connectors.contains(lower)
            }
            words.append(word)
            return id
        }

        private mutating func stemID(_ key: [UInt8]) -> Int32 {
            if let known = stemTable.value(key[...]) { return Int32(known) }
            stemTable.insert(key[...], stemCount)
            stemCount += 1
            return Int32(stemCount - 1)
        }

        /// Whether token `index` starts with a CJK ideograph (such text has no spaces between words).
        private func isIdeograph(_ index: Int) -> Bool {
            context.text.classAt(context.tokens[index].span.start).0 == .ideograph
        }

        /// In a headline written in Title Case ("Mossad Refused Ground Operation") capitals say nothing about
        /// names: its words count as sentence openers, judged by how the rest of the document writes them.
        private mutating func uncapitaliseTitleCase(from first: Int) {
            var long = 0
            var capitalised = 0
            for index in first..<occurrences.count where context.tokens[occurrences[index].token].span.count >= 4 {
                long += 1
                if occurrences[index].capitalised, !occurrences[index].acronym { capitalised += 1 }
            }
            guard capitalised >= 3, capitalised * 10 >= long * 8 else { return }
            for index in first..<occurrences.count
            where occurrences[index].capitalised && !occurrences[index].opening && !occurrences[index].acronym {
                occurrences[index].opening = true
                words[Int(occurrences[index].word)].capitalised -= 1
                words[Int(occurrences[index].word)].openingCapitalised += 1
            }
        }

        /// English words that follow a subject pronoun, a modal or `to` in this document ("they control", "to
        /// raise") are verbs here, and end candidates; the word before a trailing past participle ("manoeuvres
        /// executed") is kept.
        private mutating func markVerbs() {
            var evidence = [Int](repeating: 0, count: words.count)
            for index in occurrences.indices.dropFirst() where occurrences[index].joined && !occurrences[index].capitalised {
                if words[Int(occurrences[index - 1].word)].verbCue {
                    evidence[Int(occurrences[index].word)] += 1
                }
            }
            var counts = [Int](repeating: 0, count: words.count)
            for occurrence in occurrences { counts[Int(occurrence.word)] += 1 }
            for id in words.indices where evidence[id] > 0 && evidence[id] * 2 >= counts[id] {
                words[id].verb = true
            }
        }

        /// For a language without a stop list: short words that make up much of the text act as stop words.
        private mutating func markFrequentShortWords() {
            var counts = [Int](repeating: 0, count: words.count)
            for occurrence in occurrences { counts[Int(occurrence.word)] += 1 }
            let threshold = max(3, occurrences.count / 40)
            for id in words.indices
            where counts[id] >= threshold && !words[id].ideograph && lowercase[id].unicodeScalars.count <= 4 {
                words[id].stop = true
                words[id].function = true
            }
        }
    }

    /// The words that end a candidate (`stop`) and the smaller set that ends one even inside a name
    /// (`function`), for an ISO 639-1 code. Languages without lists get empty sets.
    static func stopWords(for language: String) -> (stop: Set<String>, function: Set<String>) {
        if language == "en" || language == "und" {
            return (Lexicon.keyphraseStopWords, Lexicon.functionWords)
        }
        guard let profile = LanguageProfiles.latin.first(where: { $0.code == language }) else { return ([], []) }
        let function = profile.words.union(Lexicon.summaryStopWords[language] ?? [])
        return (function.union(Lexicon.keyphraseExtraStopWords[language] ?? []), function)
    }
}

extension KeyphraseExtractor {
    /// Lowercase English words (UTF-8) that are never part of a topic phrase by their form: contractions
    /// ("doesn't") and `-ly` adverbs ("hopelessly"), except the few `-ly` nouns.
    static func isEnglishNonNoun(_ word: [UInt8]) -> Bool {
        var apostrophe = -1
        for index in word.indices where word[index] == UInt8(ascii: "'") || word[index] == 0x99 && index >= 2 && word[index - 2] == 0xE2 {
            apostrophe = index
        }
        if apostrophe >= 0 {
            let tail = word[(apostrophe + 1)...]
            let before = apostrophe >= 1 ? word[apostrophe - (word[apostrophe] == 0x99 ? 3 : 1)] : 0
            return (before == UInt8(ascii: "n") && tail.elementsEqual("t".utf8)) || tail.elementsEqual("ll".utf8)
                || tail.elementsEqual("re".utf8) || tail.elementsEqual("ve".utf8) || tail.elementsEqual("d".utf8)
                || tail.elementsEqual("m".utf8)
        }
        guard word.count > 4, Stemmer.hasSuffix(word, "ly") else { return false }
        let classes = Lexicon.englishKeyphraseClasses.value(word[...]).map { KeyphraseWordClass(rawValue: UInt16($0)) }
        return !(classes?.contains(.lyNoun) ?? false)
    }
}
