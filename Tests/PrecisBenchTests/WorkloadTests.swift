import Foundation
import PrecisWire
import Testing

@testable import PrecisBenchKit

@Suite struct WorkloadTests {
    @Test func pingCarriesThePayloadSize() throws {
        let workload = try Workload(mix: OperationMix(parsing: "ping"), documents: [], payloadBytes: 3072)
        guard case .ping(let ping) = workload.request(at: 7) else {
            Issue.record("not a ping")
            return
        }
        #expect(ping.payload.count == 3072)
    }

    @Test func documentOperationsNeedDocuments() throws {
        #expect(throws: BenchError.self) { try Workload(mix: OperationMix(parsing: "summarize"), documents: [], payloadBytes: 0) }
    }

    @Test func everyOperationMeetsEveryDocument() throws {
        let workload = try Workload(mix: OperationMix(parsing: "mix=summarize:1,extract:1"), documents: ["one", "two", "three"], payloadBytes: 0)
        var seen: Set<String> = []
        for index in 0..<6 {
            switch workload.request(at: index) {
            case .summarize(let request): seen.insert("summarize " + (request.document?.text ?? ""))
            case .extract(let request): seen.insert("extract " + (request.document?.text ?? ""))
            default: Issue.record("unexpected operation")
            }
        }
        #expect(seen.count == 6)
    }

    @Test func loadsJSONLTextFields() throws {
        let documents = try BenchInput.parseJSONL("{\"id\":1,\"text\":\"First story.\"}\n\n{\"id\":\"b\",\"text\":\"Second.\"}\n")
        #expect(documents == ["First story.", "Second."])
        #expect(try BenchInput.parseJSONL("{\"text\":\"One.\"}\r\n\r\n{\"text\":\"Two.\"}\r\n") == ["One.", "Two."])
        #expect(throws: BenchError.self) { try BenchInput.parseJSONL("{\"id\":1}") }
        #expect(throws: BenchError.self) { try BenchInput.parseJSONL("not json") }
    }

    @Test func loadsAFileADirectoryAndJSONL() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("precis-bench-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "A plain story about a bridge.".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "{\"text\":\"One line.\"}\n{\"text\":\"Another line.\"}\n".write(to: directory.appendingPathComponent("b.jsonl"), atomically: true, encoding: .utf8)
        try "hidden".write(to: directory.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        #expect(try BenchInput.load(directory.appendingPathComponent("a.txt").path) == ["A plain story about a bridge."])
        #expect(try BenchInput.load(directory.appendingPathComponent("b.jsonl").path).count == 2)
        #expect(try BenchInput.load(directory.path) == ["A plain story about a bridge.", "One line.", "Another line."])
        #expect(throws: BenchError.self) { try BenchInput.load(directory.appendingPathComponent("missing").path) }
    }

    @Test func readsCPUTimeFromProcStat() {
        // utime 250 and stime 50 ticks at 100 per second: 3 s. The name holds ") (".
        let line = "1234 (pre) (cisd) S 1 1234 1234 0 -1 4194560 500 0 0 0 250 50 0 0 20 0 3 0 100 1000 200"
        #expect(ProcessUsage.parseStatCPUSeconds(line, ticksPerSecond: 100) == 3)
        #expect(ProcessUsage.parseStatCPUSeconds("garbage", ticksPerSecond: 100) == nil)
    }
}
