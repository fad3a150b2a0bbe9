import Testing

@testable import PrecisBenchKit

@Suite struct OpenLoopScheduleTests {
    @Test func requestsAreDueAtFixedIntervals() throws {
        let schedule = try OpenLoopSchedule(rate: 1000)
        #expect(schedule.dueOffset(of: 0) == 0)
        #expect(schedule.dueOffset(of: 1) == 1_000_000)
        #expect(schedule.dueOffset(of: 2500) == 2_500_000_000)
    }

    @Test func fractionalIntervalsDoNotDrift() throws {
        // 3 per second: 333,333,333.3 ns apart; the 3,000th is due at exactly 1,000 s.
        let schedule = try OpenLoopSchedule(rate: 3)
        #expect(schedule.dueOffset(of: 3000) == 1_000_000_000_000)
    }

    @Test func dueCountCountsRequestsAtOrBeforeTheTime() throws {
        let schedule = try OpenLoopSchedule(rate: 100)  // one each 10 ms
        #expect(schedule.dueCount(atElapsed: -1) == 0)
        #expect(schedule.dueCount(atElapsed: 0) == 1)
        #expect(schedule.dueCount(atElapsed: 9_999_999) == 1)
        #expect(schedule.dueCount(atElapsed: 10_000_000) == 2)
        #expect(schedule.dueCount(atElapsed: 1_000_000_000) == 101)
    }

    @Test func aConnectionTakesItsShareOfWhatIsDue() throws {
        let schedule = try OpenLoopSchedule(rate: 1000)  // one each ms
        // Connection 1 of 4 owns 1, 5, 9, …; by 9.5 ms 1, 5 and 9 are due.
        #expect(schedule.due(from: 1, step: 4, atElapsed: 9_500_000, stopElapsed: nil, limit: 100) == [1, 5, 9])
        #expect(schedule.due(from: 1, step: 4, atElapsed: 9_500_000, stopElapsed: nil, limit: 2) == [1, 5])
        // Nothing due at or after the stop time.
        #expect(schedule.due(from: 1, step: 4, atElapsed: 9_500_000, stopElapsed: 9_000_000, limit: 100) == [1, 5])
        #expect(schedule.due(from: 13, step: 4, atElapsed: 9_500_000, stopElapsed: nil, limit: 100) == [])
    }

    @Test func latencyCountsFromTheDueTimeNotTheSendTime() {
        // Due at 1 ms, sent late at 5 ms (the server held the worker), answered at 6 ms: the
        // user waited 5 ms, not 1.
        #expect(OpenLoopSchedule.latency(dueAt: 1_000_000, sentAt: 5_000_000, answeredAt: 6_000_000) == 5_000_000)
        // Sent a hair early: never less than the round trip itself.
        #expect(OpenLoopSchedule.latency(dueAt: 2_000_000, sentAt: 1_990_000, answeredAt: 2_100_000) == 110_000)
    }

    @Test func rejectsRatesThatAreNotPositive() {
        #expect(throws: BenchError.self) { try OpenLoopSchedule(rate: 0) }
        #expect(throws: BenchError.self) { try OpenLoopSchedule(rate: -5) }
        #expect(throws: BenchError.self) { try OpenLoopSchedule(rate: .infinity) }
    }
}
