import Testing

@testable import PrecisEngine

/// Generated worst cases for every stage (parse, summarize, extract): 8 times the input must cost
/// about 8 times the time, not the 64 times of a quadratic stage. Runs of capitalised words once
/// took seconds per 100 KB (the gazetteer was asked about every leading part of a run), and quotes
/// compared their speaker with every entity.
///
/// Not a speed test: only a ratio of two sizes on the same machine in the same moment is compared.
/// The two sizes are timed in turn, up to five times each, and the fastest of each kept; the small
/// size is run eight times per timing, so both timings last about as long and a busy machine
/// stretches both alike.
/// The bound, 24, is three times the linear ratio and well under the quadratic 64.
@Suite("Growth on worst cases", .serialized)
struct GrowthTests {
    static let small = 12_000
    static let factor = 8
    static let bound = 24.0

    /// Repeats `unit` to `bytes` bytes.
    static func repeated(_ unit: String) -> @Sendable (Int) -> String {
        { bytes in String(repeating: unit, count: bytes / unit.utf8.count + 1) }
    }

    /// Distinct made-up words: `Bazuki Temo …`, capitalised or not, `perLine` to a line (0: one line).
    static func words(capitalised: Bool, perLine: Int = 0) -> @Sendable (Int) -> String {
        { bytes in
            var generator = FuzzTests.SplitMix(state: 11)
            var text = ""
            var count = 0
            while text.utf8.count < bytes {
                var word = ""
                for _ in 0..<(2 + Int(generator.next() % 3)) {
                    word.append(Array("bdfgklmnprstvz")[Int(generator.next() % 14)])
                    word.append(Array("aeiou")[Int(generator.next() % 5)])
                }
                text += (capitalised ? word.prefix(1).uppercased() + word.dropFirst() : word)
                count += 1
                text += perLine > 0 && count % perLine == 0 ? "\n" : " "
            }
            return text
        }
    }

    /// Quotes each attributed to a speaker of its own (`“…,” Bazu Temo said.`).
    static let distinctSpeakers: @Sendable (Int) -> String = { bytes in
        let names = words(capitalised: true)(bytes / 3).split(separator: " ")
        var text = ""
        var index = 0
        while text.utf8.count < bytes, index + 1 < names.count {
            text += "\u{201C}We will go on,\u{201D} \(names[index]) \(names[index + 1]) said. "
            index += 2
        }
        return text
    }

    static let cases: [(name: String, make: @Sendable (Int) -> String)] = [
        ("one name repeated", repeated("John ")),
        ("Title Case without punctuation", words(capitalised: true)),
        ("a title repeated", repeated("President ")),
        ("an acronym repeated", repeated("NATO ")),
        ("an organisation head and of", repeated("Ministry of ")),
        ("hyphenated places", repeated("U.S.-led ")),
        ("a particle name repeated", repeated("al-Hayya ")),
        ("quotes with their own speakers", distinctSpeakers),
        ("quotes by one speaker", repeated("\u{201C}We will go on,\u{201D} John said. ")),
        ("quotes without sentence ends", repeated("\"a b c\" John said ")),
        ("short Title Case lines", words(capitalised: true, perLine: 2)),
        ("lowercase words", words(capitalised: false)),
    ]

    /// Parses, summarizes and extracts `text`.
    static func analyze(_ text: String) -> Duration {
        let engine = Engine()
        let start = ContinuousClock.now
        let document = engine.parse(text)
        _ = try? engine.summarize(document)
        _ = engine.extract(document)
        return ContinuousClock.now - start
    }

    /// The ratio of the fastest timing of `work(large)` to the fastest of `work(small)`, the two
    /// timed in turn (so other work on the machine slows both alike); stops once under the bound,
    /// after at most five turns. The small side is timed over `factor` runs, so both sides last
    /// about as long: on a busy machine a run that fits in one time slice is not stretched the way
    /// a longer one is.
    static func ratio(small: String, large: String, _ work: (String) -> Duration) -> [Double] {
        func smallRun() -> Duration {
            (0..<factor).reduce(Duration.zero) { total, _ in total + work(small) } / factor
        }
        var smallTime = smallRun()
        var ratios: [Double] = []
        for _ in 0..<5 {
            smallTime = min(smallTime, smallRun())
            ratios.append(work(large) / smallTime)
            if ratios.min()! < bound { break }
        }
        return [ratios.min()!] + ratios
    }

    /// The quote stage alone, where the speakers' entities are looked up: with thousands of quotes
    /// and entities that lookup once compared each speaker with every entity, a cost hidden by the
    /// other stages until documents of megabytes.
    @Test func quoteSpeakersAreLookedUpInConstantTime() async {
        let ratios = await offThePool { Self.quoteRatios() }
        for ratio in ratios { #expect(ratio[0] < Self.bound, "8× the quotes took \(ratio)× the time") }
    }

    static func quoteRatios() -> [[Double]] {
        func quotes(_ text: String) -> Duration {
            let document = Engine().parse(text)
            let entities = Engine().extract(document, options: ExtractOptions(kinds: [.entities])).entities
            let context = ExtractionContext(document)
            let start = ContinuousClock.now
            _ = try? QuoteExtractor(context: context, entities: entities).extract()
            return ContinuousClock.now - start
        }
        // One speaker with thousands of mentions (each quote's speaker was checked against all of
        // them), and thousands of speakers each with an entity of their own.
        return [Self.repeated("\"a b c\" John said "), Self.distinctSpeakers].map { make in
            _ = quotes(make(Self.small / 4))
            return Self.ratio(small: make(Self.small), large: make(Self.small * Self.factor), quotes)
        }
    }

    @Test(arguments: cases.indices)
    func growsLinearly(_ index: Int) async {
        let (name, make) = Self.cases[index]
        let ratios = await offThePool {
            _ = Self.analyze(make(Self.small / 4))  // warm up: the gazetteers load on first use
            return Self.ratio(small: make(Self.small), large: make(Self.small * Self.factor), Self.analyze)
        }
        #expect(ratios[0] < Self.bound, "\(name): \(Self.factor)× the input took \(ratios)× the time")
    }
}
