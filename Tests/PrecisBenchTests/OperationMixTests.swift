import Testing

@testable import PrecisBenchKit

@Suite struct OperationMixTests {
    @Test func singleOperation() throws {
        let mix = try OperationMix(parsing: "summarize")
        #expect((0..<5).map { mix.operation(at: $0) } == Array(repeating: .summarize, count: 5))
        #expect(mix.needsDocuments)
        #expect(try !OperationMix(parsing: "ping").needsDocuments)
    }

    @Test func weightedMixKeepsItsProportionsInEveryCycle() throws {
        let mix = try OperationMix(parsing: "mix=ping:1,summarize:3")
        #expect(mix.description == "mix=ping:1,summarize:3")
        let first400 = (0..<400).map { mix.operation(at: $0) }
        #expect(first400.filter { $0 == .ping }.count == 100)
        #expect(first400.filter { $0 == .summarize }.count == 300)
        // Each cycle of 4 holds one ping.
        for start in stride(from: 0, to: 400, by: 4) {
            #expect(first400[start..<start + 4].filter { $0 == .ping }.count == 1)
        }
    }

    @Test func heavyWeightsAreInterleavedNotBunched() throws {
        let mix = try OperationMix(parsing: "mix=ping:5,extract:5")
        let cycle = (0..<10).map { mix.operation(at: $0) }
        // Alternating, not five pings then five extracts.
        for index in 1..<10 {
            #expect(cycle[index] != cycle[index - 1])
        }
    }

    @Test func plainMixIsEveryOperationOnce() throws {
        let mix = try OperationMix(parsing: "mix")
        #expect(Set((0..<5).map { mix.operation(at: $0) }) == Set(BenchOperation.allCases))
    }

    @Test func aNameWithoutWeightWeighsOne() throws {
        let mix = try OperationMix(parsing: "mix=ping,analyze:2")
        let cycle = (0..<3).map { mix.operation(at: $0) }
        #expect(cycle.filter { $0 == .analyze }.count == 2)
    }

    @Test(arguments: ["", "pong", "mix=", "mix=ping:0", "mix=ping:-1", "mix=ping:x", "mix=ping:1,ping:2", "mix=ping:1:2", "mix=info:1"])
    func rejectsBadMixes(_ text: String) {
        #expect(throws: BenchError.self) { try OperationMix(parsing: text) }
    }

    /// The per-operation report files each answer under `operationIndex(at:)`: it must name the
    /// same operation the request was built for.
    @Test func operationIndexNamesTheOperationSent() throws {
        let mix = try OperationMix(parsing: "mix=ping:1,summarize:3,extract:2")
        for index in 0..<100 {
            #expect(mix.weights[mix.operationIndex(at: index)].operation == mix.operation(at: index))
        }
        #expect((0..<6).map { mix.operationIndex(at: $0) }.sorted() == [0, 1, 1, 1, 2, 2])
    }
}
