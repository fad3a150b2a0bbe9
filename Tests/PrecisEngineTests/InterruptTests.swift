import PrecisEngine
import Testing

@Suite("Interrupting engine work")
struct InterruptTests {
    static let engine = Engine()

    /// About 2 MB of varied text: long enough that no stage is over before a check.
    static let large = LargeDocumentTests.generated(bytes: 2_000_000)

    /// Why `work` was interrupted, or `nil` when it finished.
    private static func reason(_ work: () throws -> Void) -> InterruptReason? {
        do {
            try work()
            return nil
        } catch {
            return (error as? EngineError)?.interruption
        }
    }

    @Test func aRaisedSignalStopsEveryOperation() throws {
        let signal = InterruptSignal()
        signal.raise(.cancelled)
        let interrupt = Interrupt(signal: signal)
        let document = Fixtures.parse(Fixtures.article)
        #expect(Self.reason { _ = try Self.engine.parse(Fixtures.article, format: .text, interrupt: interrupt) } == .cancelled)
        #expect(Self.reason { _ = try Self.engine.parse("<html><p>Hi.</p></html>", format: .html, interrupt: interrupt) } == .cancelled)
        #expect(Self.reason { _ = try Self.engine.summarize(document, interrupt: interrupt) } == .cancelled)
        #expect(Self.reason { _ = try Self.engine.extract(document, interrupt: interrupt) } == .cancelled)
    }

    @Test func aPassedDeadlineIsReportedAsSuch() {
        let interrupt = Interrupt(deadline: .now - .milliseconds(1))
        #expect(Self.reason { _ = try Self.engine.parse(Fixtures.article, format: .auto, interrupt: interrupt) } == .deadline)
        do {
            _ = try Self.engine.extract(Fixtures.parse(Fixtures.article), interrupt: interrupt)
            Issue.record("extract went on past its deadline")
        } catch {
            #expect(error.interruption == .deadline)
            #expect(error.message.contains("deadline"))
        }
    }

    @Test func signalsFollowTheirParentsAndKeepTheirFirstReason() {
        let server = InterruptSignal()
        let connection = InterruptSignal(parent: server)
        let request = InterruptSignal(parent: connection)
        #expect(request.reason == nil)
        server.raise(.shutdown)
        #expect(request.reason == .shutdown)
        #expect(connection.reason == .shutdown)
        let other = InterruptSignal()
        other.raise(.cancelled)
        other.raise(.shutdown)
        #expect(other.reason == .cancelled)
        #expect(Interrupt.none.reason == nil)
    }

    @Test func anInterruptThatNeverFiresChangesNoAnswer() throws {
        let far = Interrupt(deadline: .now + .seconds(3600), signal: InterruptSignal())
        for text in [Fixtures.article, LargeDocumentTests.generated(bytes: 30_000)] {
            // The results are not Equatable; their full descriptions are compared.
            let plain = Self.engine.parse(text)
            let checked = try Self.engine.parse(text, format: .text, interrupt: far)
            #expect(String(reflecting: plain) == String(reflecting: checked))
            let summary = try Self.engine.summarize(plain)
            #expect(String(reflecting: summary) == String(reflecting: try Self.engine.summarize(plain, interrupt: far)))
            let extraction = Self.engine.extract(plain)
            #expect(String(reflecting: extraction) == String(reflecting: try Self.engine.extract(plain, interrupt: far)))
        }
    }

    /// A deadline that passes while the engine is busy stops it at its next check, long before it
    /// would have finished.
    @Test func workStopsSoonAfterTheDeadlinePasses() async throws {
        let (extract, stoppedAfter, full, parse) = await offThePool {
            let document = Self.engine.parse(Self.large)
            let started = ContinuousClock.now
            _ = Self.engine.extract(document)
            let full = ContinuousClock.now - started
            let interruptedAt = ContinuousClock.now
            let extract = Self.reason { _ = try Self.engine.extract(document, interrupt: Interrupt(deadline: .now + .milliseconds(2))) }
            let stoppedAfter = ContinuousClock.now - interruptedAt
            let parse = Self.reason { _ = try Self.engine.parse(Self.large, format: .text, interrupt: Interrupt(deadline: .now + .milliseconds(2))) }
            return (extract, stoppedAfter, full, parse)
        }
        #expect(extract == .deadline)
        #expect(stoppedAfter < full / 4, "stopped after \(stoppedAfter) of \(full)")
        #expect(parse == .deadline)
    }

    /// A signal raised from another thread stops work that is already running.
    @Test func aSignalRaisedElsewhereStopsRunningWork() async throws {
        let document = Self.engine.parse(Self.large)
        let signal = InterruptSignal()
        let work = Task {
            await offThePool {
                Self.reason {
                    // Several passes, so the work is surely running when the signal comes.
                    for _ in 0..<50 { _ = try Self.engine.extract(document, interrupt: Interrupt(signal: signal)) }
                }
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        signal.raise(.cancelled)
        #expect(await work.value == .cancelled)
    }
}
