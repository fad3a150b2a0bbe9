/// Finds key phrases: runs of content words ranked by a position-biased word graph (PositionRank).
///
/// Candidates are maximal runs of adjacent words inside a sentence that are not stop words of the document's
/// language (``KeyphraseExtractor/stopWords(for:)``), split at punctuation, numbers, possessives and — outside
/// German, which capitalises every noun — where a name meets a lowercase word ("pop star Michael Buble" →
/// "pop star", "Michael Buble"). Words are stemmed for English, so "decision model" and "decision models" are one
/// candidate. Every content word is a graph node; words within ``Configuration/window`` words of each other in a
/// sentence are linked, and a PageRank biased towards words that appear early and often ranks them. A phrase
/// scores the sum of its words' ranks times √(occurrences / words); a phrase inside a better-ranked one that
/// occurs no more often is dropped. English also drops verbs (words after a pronoun, modal or `to` in the
/// document), `-ly` adverbs, a trailing `-ed` participle, and lone `-ed` words or very general nouns.
struct KeyphraseExtractor {
    let context: ExtractionContext
    var configuration = Configuration()

    /// Tuning for ``KeyphraseExtractor``.
    struct Configuration: Sendable {
        /// Words (stop words included) within which two content words are linked.
        var window = 6
        /// PageRank damping.
        var damping = 0.85
        /// The most PageRank iterations.
        var iterations = 30
        /// PageRank stops early once the scores move less than this in total (L1).
        var tolerance = 1e-4
        /// Words read, from the start: bounds time and memory on very long documents (100,000 words is a
        /// short book; PositionRank weighs the start most anyway).
        var maxWordsRead = 100_000
        /// The longest candidate, in words.
        var maxWords = 4
    }

    /// One distinct lowercased word.
    struct Word {
        var stem: Int32
        var stop: Bool
        var function: Bool
        var capitalised = 0
        var lowercase = 0
        var openingCapitalised = 0
        /// Used as a verb in this document (English only).
        var verb = false
        /// An English `-ed` form: dropped from the end of a phrase ("problems encountered") and never alone.
        var participle = false
        /// An English plural by its ending, which heads and so ends a noun phrase ("sensor nodes | run").
        var plural = false
        /// A title before a name ("Mayor"), left out of a name phrase.
        var honorific = false
        /// A pronoun, modal or `to`, after which an English word is a verb.
        var verbCue = false
        /// One CJK ideograph: a phrase needs several (text in these scripts has no spaces between words).
        var ideograph = false
        /// Joins two parts of a phrase ("degree of freedom", "réforme des retraites").
        var connector = false
        /// An English noun too general to be a key phrase on its own ("system", "data").
        var generic = false

        /// Written with a capital where case means something: more often than not after a sentence opens.
        var proper: Bool { capitalised > lowercase || (capitalised == 0 && lowercase == 0 && openingCapitalised > 0) }
    }

    /// One word token in reading order.
    struct Occurrence {
        var word: Int32
        var token: Int
        /// The end of the word, without a possessive `'s`.
        var end: Int
        var sentence: Int32
        /// Whether only whitespace separates it from the occurrence before, in the same sentence.
        var joined: Bool
        /// Whether a possessive or the like ends any phrase here.
        var breakAfter: Bool
        var capitalised: Bool
        var acronym: Bool
        /// One of several all-capital words in a row (a shouted headline or dateline), which keeps to itself.
        var shouted: Bool
        /// Written with a capital after its first letter ("mMAS", "NuVox"): shown as written.
        var mixedCase: Bool
        var opening: Bool
    }

    struct Candidate {
        var stems: [Int32]
        var occurrences: [Int] = []
        var spans: [TextSpan] = []
        var score = 0.0
        /// Holds a connector word; kept only when it recurs.
        var connected = false
    }

    /// The interrupt is checked between the steps, each bounded by ``Configuration/maxWordsRead``.
    func extract(limit: Int) throws(EngineError) -> [Keyphrase] {
        guard limit > 0 else { return [] }
        var scan = Scan(context: context, language: context.document.language.code)
        scan.read(limit: configuration.maxWordsRead)
        guard !scan.occurrences.isEmpty else { return [] }
        try context.interrupt.check()
        let ranks = rank(scan)
        try context.interrupt.check()
        var candidates = self.candidates(scan)
        try context.interrupt.check()
        for index in candidates.indices {
            let words = candidates[index].stems.reduce(0.0) { $0 + ranks[Int($1)] }
            let length = Double(candidates[index].stems.count)
            candidates[index].score = words * (Double(candidates[index].spans.count) / length).squareRoot()
        }
        return select(candidates, scan: scan, limit: limit)
    }

    /// Maximal runs of content words, keyed by their stems.
    func candidates(_ scan: Scan) -> [Candidate] {
        var candidates: [Candidate] = []
        // Up to four stems below 2¹⁶ pack into one key; longer or rarer ones use the array.
        var byKey: [UInt64: Int] = [:]
        var byStems: [[Int32]: Int] = [:]
        var run: [Int] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            if run.count > 1, let last = run.last, scan.words[Int(scan.occurrences[last].word)].participle,
                !scan.isName(last)
            {
                run.removeLast()
            }
            while run.count > 1, scan.isName(run[0]), scan.isName(run[1]),
                scan.words[Int(scan.occurrences[run[0]].word)].honorific
            {
                run.removeFirst()
            }
            guard !run.isEmpty else { return }
            if !scan.isEnglish {
                addSubphrases()
                return
            }
            if run.count == 1, !scan.isName(run[0]), !scan.occurrences[run[0]].acronym {
                let word = scan.words[Int(scan.occurrences[run[0]].word)]
                if word.participle || word.generic { return }
            }
            add(run.count > configuration.maxWords ? Array(run.suffix(configuration.maxWords)) : run)
        }
        /// Up to four stems below 2¹⁶ packed into one key; 0 when they do not fit.
        func packedKey(_ kept: [Int]) -> UInt64 {
            guard kept.count <= 4 else { return 0 }
            var key: UInt64 = 0
            for occurrence in kept {
                let stem = scan.words[Int(scan.occurrences[occurrence].word)].stem
                guard stem < 0xFFFF else { return 0 }
                key = key << 16 | UInt64(UInt16(truncatingIfNeeded: stem + 1))
            }
            return key
        }
        @discardableResult
        func add(_ kept: [Int]) -> Int {
            let key = packedKey(kept)
            let packable = key != 0
            let slot: Int
            if packable {
                slot = byKey[key] ?? candidates.count
                if slot == candidates.count { byKey[key] = slot }
            } else {
                let stems = kept.map { scan.words[Int(scan.occurrences[$0].word)].stem }
                slot = byStems[stems] ?? candidates.count
                if slot == candidates.count { byStems[stems] = slot }
            }
            if slot == candidates.count {
                candidates.append(Candidate(stems: kept.map { scan.words[Int(scan.occurrences[$0].word)].stem }))
            }
            let first = scan.occurrences[kept[0]]
            let last = scan.occurrences[kept[kept.count - 1]]
            candidates[slot].occurrences.append(kept[0])
            candidates[slot].spans.append(TextSpan(start: context.tokens[first.token].span.start, end: last.end))
            return slot
        }
        // Without English word shapes a run may hold a verb ("pensiones divide"): every part of it is a candidate,
        // and ``select`` keeps a phrase of several words only when it recurs.
        func addSubphrases() {
            for start in run.indices {
                for end in (start + 1)...min(run.count, start + configuration.maxWords) {
                    add(Array(run[start..<end]))
                }
            }
        }
        for (index, occurrence) in scan.occurrences.enumerated() {
            if !occurrence.joined || scan.isStop(index) { flush() }
            guard !scan.isStop(index) else { continue }
            // A title inside or before a name ("Mossad Chief David Barnea") separates it.
            if scan.isName(index), scan.words[Int(occurrence.word)].honorific, index + 1 < scan.occurrences.count,
                scan.occurrences[index + 1].joined, scan.isName(index + 1)
            {
                flush()
                continue
            }
            if let previous = run.last, scan.occurrences[previous].shouted != occurrence.shouted { flush() }
            if scan.splitsByCase, !occurrence.acronym,
                let previous = run.last(where: { !scan.occurrences[$0].acronym }),
                scan.isName(previous) != scan.isName(index)
            {
                flush()
            }
            run.append(index)
            if occurrence.breakAfter || scan.isEnglish && scan.words[Int(occurrence.word)].plural && !scan.isName(index) {
                flush()
            }
        }
        flush()
        // "A of B": one or two words either side of a connector, all in one sentence with spaces only between.
        for (index, occurrence) in scan.occurrences.enumerated()
        where scan.words[Int(occurrence.word)].connector && index > 0 && index + 1 < scan.occurrences.count {
            guard occurrence.joined, scan.occurrences[index + 1].joined, !scan.isStop(index - 1),
                !scan.isStop(index + 1), !scan.occurrences[index - 1].breakAfter
            else { continue }
            let twoBefore = index >= 2 && scan.occurrences[index - 1].joined && !scan.isStop(index - 2)
                && !scan.occurrences[index - 2].breakAfter
            let twoAfter = index + 2 < scan.occurrences.count && scan.occurrences[index + 2].joined
                && !scan.isStop(index + 2) && !scan.occurrences[index + 1].breakAfter
            for left in 1...(twoBefore ? 2 : 1) {
                for right in 1...(twoAfter ? 2 : 1) {
                    candidates[add(Array((index - left)...(index + right)))].connected = true
                }
            }
        }
        return candidates
    }

    /// The best candidates, dropping one that only ever occurs inside a better one.
    func select(_ candidates: [Candidate], scan: Scan, limit: Int) -> [Keyphrase] {
        let order = candidates.indices.sorted { lhs, rhs in
            let (a, b) = (candidates[lhs].score, candidates[rhs].score)
            return a != b ? a > b : candidates[lhs].occurrences[0] < candidates[rhs].occurrences[0]
        }
        guard let best = order.first.map({ candidates[$0].score }), best > 0 else { return [] }
        var chosen: [Int] = []
        var result: [Keyphrase] = []
        for index in order {
            guard result.count < limit else { break }
            let candidate = candidates[index]
            if !scan.isEnglish || candidate.connected, candidate.stems.count > 1, candidate.spans.count < 2 { continue }
            if candidate.stems.count == 1, scan.words[Int(scan.occurrences[candidate.occurrences[0]].word)].ideograph {
                continue
            }
            let covered = chosen.contains { other in
                Self.contains(candidates[other].stems, candidate.stems)
                    && candidates[other].spans.count >= candidate.spans.count
            }
            guard !covered else { continue }
            chosen.append(index)
            result.append(
                Keyphrase(
                    text: scan.text(of: candidate, context: context),
                    score: candidate.score / best,
                    spans: candidate.spans
                )
            )
        }
        return result
    }

    /// Whether `inner` occurs contiguously inside `outer`.
    static func contains(_ outer: [Int32], _ inner: [Int32]) -> Bool {
        guard inner.count <= outer.count else { return false }
        for offset in 0...(outer.count - inner.count) where outer[offset..<(offset + inner.count)].elementsEqual(inner) {
            return true
        }
        return false
    }
}
