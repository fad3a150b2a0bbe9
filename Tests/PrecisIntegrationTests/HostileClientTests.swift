import Logging
import NIOCore
import PrecisClient
import PrecisWire
import Synchronization
import Testing

/// What one client cannot do to the server any more (issue 25): hold a worker past its deadline,
/// keep the server up after SIGTERM, starve another connection, forge or flood log lines. One
/// test at a time: each keeps a worker busy on purpose.
@Suite(.serialized) struct HostileClientTests {
    final class Counter: Sendable {
        private let count = Atomic<Int>(0)
        var value: Int { count.load(ordering: .relaxed) }
        func increment() { count.add(1, ordering: .relaxed) }
    }

    /// About `bytes` of short Title Case lines (`Bazu Temo`): linear but slow work for the parser,
    /// many seconds of one worker at 1.5 MB in a debug build.
    static func shortLines(bytes: Int) -> Document {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let consonants = Array("bdfgklmnprstvz")
        let vowels = Array("aeiou")
        func word() -> String {
            var word = ""
            for _ in 0..<(2 + next() % 3) {
                word.append(consonants[next() % consonants.count])
                word.append(vowels[next() % vowels.count])
            }
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        var text = ""
        while text.utf8.count < bytes { text += word() + " " + word() + "\n" }
        return Document(text: text, format: .text)
    }

    static let heavy = shortLines(bytes: 1_500_000)

    /// Waits (up to `seconds`) until the server reports `queued` requests queued or running.
    private static func waitForQueued(_ client: PrecisClient, _ predicate: (UInt32) -> Bool, seconds: Int) async throws -> Bool {
        for _ in 0..<(seconds * 50) {
            if predicate(try await client.info().queued) { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// Work past its deadline stops and frees its worker at once (it used to run to the end,
    /// holding the worker while later requests timed out in the queue).
    @Test func workPastItsDeadlineFreesItsWorker() async throws {
        try await withTestServer({ $0.workers = 1 }) { port in
            let client = testClient(port: port, connections: 1)
            do {
                _ = try await client.analyze(Self.heavy, timeout: .milliseconds(300))
                Issue.record("1.5 MB of short lines analysed within 300 ms")
            } catch let error as PrecisError {
                #expect(error.code == .deadlineExceeded)
            }
            #expect(try await Self.waitForQueued(client, { $0 == 0 }, seconds: 5), "the worker is still busy")
            _ = try await client.parse(Document("A small document. Two sentences."), timeout: .seconds(5))
            await client.close()
        }
    }

    /// Cancelling the task of a call tells the server (`Request{id, cancel}`): the running work
    /// stops and frees its worker, and the work queued behind it runs.
    @Test func aCancelledCallFreesItsWorker() async throws {
        try await withTestServer({ $0.workers = 1 }) { port in
            let client = testClient(port: port, connections: 1)
            let call = Task { try await client.analyze(Self.heavy, timeout: .seconds(120)) }
            #expect(try await Self.waitForQueued(client, { $0 == 1 }, seconds: 10))
            try await Task.sleep(for: .milliseconds(100))  // the work is running
            call.cancel()
            await #expect(throws: PrecisError.self) { _ = try await call.value }
            #expect(try await Self.waitForQueued(client, { $0 == 0 }, seconds: 5), "the worker is still busy")
            _ = try await client.parse(Document("A small document. Two sentences."), timeout: .seconds(5))
            await client.close()
        }
    }

    /// A graceful shutdown while a worker is busy ends soon after the grace period: the running
    /// work is interrupted instead of being waited for.
    @Test func shutdownDoesNotWaitForBusyWorkers() async throws {
        let client = Mutex<PrecisClient?>(nil)
        let started = Mutex<ContinuousClock.Instant?>(nil)
        let logs = LogCapture()
        try await withTestServer(logger: logs.logger, {
            $0.workers = 1
            $0.shutdownGrace = .milliseconds(500)
        }) { port in
            let busy = testClient(port: port, connections: 1)
            client.withLock { $0 = busy }
            Task { _ = try? await busy.analyze(Self.heavy, timeout: .seconds(120)) }
            #expect(try await Self.waitForQueued(busy, { $0 == 1 }, seconds: 5))
            try await Task.sleep(for: .milliseconds(100))  // the work is running
            started.withLock { $0 = .now }
        }
        let took = ContinuousClock.now - started.withLock { $0! }
        // Uninterrupted, the work runs for tens of seconds in a debug build; the bound leaves room
        // for a machine so busy that the event loops themselves run late.
        #expect(took < .seconds(20), "shutdown took \(took) with a 500 ms grace")
        // The work stopped when interrupted: the server did not have to leave without it.
        #expect(!logs.snapshot().contains { $0.contains("workers still busy") }, "\(logs.snapshot())")
        await client.withLock { $0 }?.close()
    }

    /// A small request from a second connection is not queued behind everything the first one
    /// sent: the worker takes turns between connections.
    @Test func aSecondConnectionIsNotStarvedByTheFirst() async throws {
        try await withTestServer({ $0.workers = 1 }) { port in
            let hog = testClient(port: port, connections: 1)
            let other = testClient(port: port, connections: 1)
            let answered = Counter()
            let document = Document(String(repeating: "The council met again on Tuesday and talked about the bridge. ", count: 2_000))
            let hogs = Task {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            _ = try? await hog.summarize(document, timeout: .seconds(120))
                            answered.increment()
                        }
                    }
                }
            }
            #expect(try await Self.waitForQueued(other, { $0 >= 8 }, seconds: 10), "the hog's requests did not queue up")
            _ = try await other.parse(Document("A small document. Two sentences."), timeout: .seconds(120))
            let before = answered.value
            #expect(before <= 3, "\(before) of the first connection's 12 requests were answered before the second's one")
            await hog.close()
            await hogs.value
            await other.close()
        }
    }

    /// Client text in a status message and in the log is escaped and cut short.
    @Test func clientTextCannotForgeLogLines() async throws {
        let logs = LogCapture()
        try await withTestServer(logger: logs.logger) { port in
            let client = testClient(port: port, connections: 1)
            let forged = "x\r\n2026-01-01T00:00:00+0000 critical precisd: FORGED\u{1B}[31m" + String(repeating: "y", count: 100_000)
            do {
                _ = try await client.extract(Document("Hi."), options: ExtractOptions(referenceDate: forged))
                Issue.record("a reference date of 100 KB was accepted")
            } catch let error as PrecisError {
                #expect(error.code == .invalidArgument)
                #expect(error.message.contains("x\\r\\n2026-01-01"))
                #expect(!error.message.contains("\n") && !error.message.contains("\u{1B}"))
                #expect(error.message.utf8.count < 300)
            }
            let lines = await logs.linesAfter(0)
            #expect(lines.contains { $0.contains("reference_date") })
            #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\r") && $0.utf8.count < 600 })
            await client.close()
        }
    }

    /// A flood of rejected frames is answered frame by frame but logged within the budget.
    @Test func rejectedFramesAreLoggedWithinABudget() async throws {
        let logs = LogCapture()
        try await withTestServer(logger: logs.logger, {
            $0.rejectionLogBurst = 5
            $0.rejectionLogRate = 1
        }) { port in
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                #expect(try await io.expectServerPreface() == .current)
                try await io.send([UInt8](repeating: 0, count: 4 * 2000))  // 2,000 zero-length frames
                for _ in 0..<2000 {
                    let answer = try #require(try await io.readResponse())
                    #expect(answer.status?.code == .invalidArgument && answer.id == 0)
                }
            }
            let lines = logs.snapshot().filter { $0.contains("rejecting") }
            #expect(lines.count >= 5 && lines.count <= 8, "\(lines.count) lines for 2,000 rejected frames: \(lines.prefix(10))")
        }
    }

    /// Refusals for load (a full queue) are logged as warnings, within their own budget: the
    /// first few, then a line a second that says how many were left out.
    @Test func refusalsForLoadAreLoggedWithinTheirOwnBudget() async throws {
        let logs = LogCapture()
        let started = ContinuousClock.now
        try await withTestServer(logger: logs.logger, {
            $0.workers = 1
            $0.maxQueuedRequests = 1
        }) { port in
            let document = PrecisWire.Document(text: String(repeating: "The council met again on Tuesday about the bridge. ", count: 4_000))
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                #expect(try await io.expectServerPreface() == .current)
                var frames = ByteBuffer()
                for id in 1...300 {
                    try frames.writeFrame(Request(id: UInt64(id), operation: .parse(ParseRequest(document: document))))
                }
                try await io.send(Array(frames.readableBytesView))
                var refused = 0
                for _ in 1...300 {
                    let answer = try #require(try await io.readResponse())
                    if answer.status?.code == .resourceExhausted { refused += 1 }
                }
                #expect(refused > 20)
            }
            let lines = logs.snapshot().filter { $0.contains("refusing request: server is busy") }
            // The burst of 10, then at most one a second for as long as the test ran (longer when
            // parallel suites starve it).
            let seconds = Int((ContinuousClock.now - started).components.seconds)
            #expect(lines.count >= 10 && lines.count <= 11 + seconds, "\(lines.count) lines in \(seconds) s: \(lines.prefix(12))")
            #expect(lines.allSatisfy { $0.hasPrefix("warning") }, "\(lines.prefix(3))")
        }
    }
}
