import PrecisWire
import Testing

@testable import PrecisServer

@Suite struct ConnectionStateMachineTests {
    private func open(maxInFlight: Int = 4) -> ConnectionStateMachine {
        var machine = ConnectionStateMachine(maxInFlight: maxInFlight)
        #expect(machine.prefaceReceived(.current) == .accept)
        return machine
    }

    private func ticket(_ action: ConnectionStateMachine.RequestAction) -> UInt64? {
        if case .dispatch(let ticket) = action { return ticket }
        return nil
    }

    @Test func compatiblePrefaceIsAccepted() {
        var machine = ConnectionStateMachine(maxInFlight: 1)
        #expect(machine.prefaceReceived(Preface(major: 1, minor: 9)) == .accept)
        #expect(machine.state == .active)
    }

    @Test func otherMajorVersionIsRefused() {
        var machine = ConnectionStateMachine(maxInFlight: 1)
        guard case .refuse(let code, let message) = machine.prefaceReceived(Preface(major: 2, minor: 0)) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(code == .failedPrecondition)
        #expect(message.contains("2.0"))
        #expect(machine.state == .closed)
    }

    @Test func connectionOverTheLimitIsRefusedAfterItsPreface() {
        var machine = ConnectionStateMachine(maxInFlight: 1, overCapacity: true)
        guard case .refuse(let code, _) = machine.prefaceReceived(.current) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(code == .resourceExhausted)
    }

    @Test func idZeroAndDuplicateIDsAreRejected() {
        var machine = open()
        guard case .reject(let zero) = machine.requestReceived(id: 0) else { Issue.record("id 0 accepted"); return }
        #expect(zero.code == .invalidArgument)
        #expect(ticket(machine.requestReceived(id: 7)) != nil)
        guard case .reject(let duplicate) = machine.requestReceived(id: 7) else { Issue.record("duplicate accepted"); return }
        #expect(duplicate.code == .invalidArgument)
        #expect(duplicate.requestID == 7)
    }

    @Test func answersMayComeBackInAnyOrder() {
        var machine = open()
        let a = ticket(machine.requestReceived(id: 1))!
        let b = ticket(machine.requestReceived(id: 2))!
        #expect(machine.requestFinished(id: 2, ticket: b) == .write(close: false))
        #expect(machine.requestFinished(id: 1, ticket: a) == .write(close: false))
        #expect(machine.inFlight.isEmpty)
    }

    @Test func lateAnswerForAReusedIDIsDropped() {
        var machine = open()
        let first = ticket(machine.requestReceived(id: 5))!
        // The deadline answered it; the client reuses id 5.
        #expect(machine.requestFinished(id: 5, ticket: first) == .write(close: false))
        let second = ticket(machine.requestReceived(id: 5))!
        // The first request's work finishes late: dropped, the second is still in flight.
        #expect(machine.requestFinished(id: 5, ticket: first) == .drop)
        #expect(machine.requestFinished(id: 5, ticket: second) == .write(close: false))
    }

    @Test func readingPausesAtTheInFlightLimitAndResumes() {
        var machine = open(maxInFlight: 2)
        let a = ticket(machine.requestReceived(id: 1))!
        let r1 = machine.readRequested()
        #expect(r1)
        _ = machine.requestReceived(id: 2)
        #expect(machine.isReadPaused)
        let r2 = machine.readRequested()
        #expect(!r2)  // held back
        #expect(machine.requestFinished(id: 1, ticket: a) == .write(close: false))
        let resumed = machine.readResumable()
        #expect(resumed)  // the held read goes out
        let r3 = machine.readRequested()
        #expect(r3)
    }

    @Test func decodingStopsAtTheInFlightBudgetInRequestsAndInBytes() {
        var machine = ConnectionStateMachine(limits: .init(maxInFlight: 3, maxInFlightBytes: 100))
        #expect(machine.canDecode)  // the preface
        #expect(machine.prefaceReceived(.current) == .accept)
        let a = ticket(machine.requestReceived(id: 1, bytes: 60))!
        #expect(machine.canDecode)
        _ = machine.requestReceived(id: 2, bytes: 60)
        #expect(!machine.canDecode)  // 120 bytes in flight, over 100
        #expect(machine.isReadPaused)
        #expect(machine.requestFinished(id: 1, ticket: a) == .write(close: false))
        #expect(machine.canDecode)
        _ = machine.requestReceived(id: 3, bytes: 1)
        _ = machine.requestReceived(id: 4, bytes: 1)
        #expect(!machine.canDecode)  // three requests: the count limit
    }

    @Test func oneFrameIsAlwaysTakenWhateverItsSize() {
        var machine = ConnectionStateMachine(limits: .init(maxInFlight: 3, maxInFlightBytes: 100))
        #expect(machine.prefaceReceived(.current) == .accept)
        let a = ticket(machine.requestReceived(id: 1, bytes: 5000))!
        #expect(!machine.canDecode)
        #expect(machine.requestFinished(id: 1, ticket: a) == .write(close: false))
        #expect(machine.canDecode)
        #expect(machine.inFlightBytes == 0)
    }

    @Test func aFatalErrorStopsReadingAndDecoding() {
        var machine = open()
        let before = machine.readRequested()
        #expect(before)
        machine.fatalErrorOccurred()
        #expect(!machine.canDecode)
        let after = machine.readRequested()
        #expect(!after)
        let resumed = machine.readResumable()
        #expect(!resumed)
    }

    @Test func answersPastTheConnectionsUnreadBudgetAreRefused() {
        var machine = ConnectionStateMachine(limits: .init(maxInFlight: 8, maxQueuedAnswerBytes: 1000))
        // Nothing queued: one answer goes out whatever its size.
        #expect(machine.answerReady(id: 1, bytes: 5000, reserveGlobal: { true }) == .write)
        #expect(machine.isBacklogged)  // work not started yet is not run
        guard case .refuse(let error) = machine.answerReady(id: 2, bytes: 10, reserveGlobal: { true }) else {
            Issue.record("an answer past the budget was let through")
            return
        }
        #expect(error.code == .resourceExhausted)
        #expect(error.requestID == 2)
        machine.answerWritten(bytes: 5000)
        #expect(machine.queuedAnswerBytes == 0)
        #expect(!machine.isBacklogged)
        #expect(machine.answerReady(id: 3, bytes: 600, reserveGlobal: { true }) == .write)
        #expect(machine.answerReady(id: 4, bytes: 400, reserveGlobal: { true }) == .write)
        guard case .refuse = machine.answerReady(id: 5, bytes: 1, reserveGlobal: { true }) else {
            Issue.record("an answer past the budget was let through")
            return
        }
    }

    @Test func answersPastTheServersUnreadBudgetAreRefused() {
        var machine = open()
        guard case .refuse(let error) = machine.answerReady(id: 7, bytes: 10, reserveGlobal: { false }) else {
            Issue.record("an answer past the global budget was let through")
            return
        }
        #expect(error.code == .resourceExhausted)
        #expect(error.requestID == 7)
        #expect(machine.queuedAnswerBytes == 0)
    }

    @Test func theGlobalBudgetReservesAndReleases() {
        let budget = OutputBudget(limit: 100)
        #expect(budget.tryReserve(500))  // nothing queued: one answer always fits
        #expect(!budget.tryReserve(1))
        #expect(budget.isSpent)
        budget.release(500)
        #expect(budget.tryReserve(60))
        #expect(budget.tryReserve(40))
        #expect(!budget.tryReserve(1))
        budget.release(100)
        #expect(budget.queuedBytes == 0)
        #expect(!budget.isSpent)
    }

    @Test func unwritableChannelPausesReading() {
        var machine = open()
        let r4 = machine.writabilityChanged(isWritable: false)
        #expect(!r4)
        let r5 = machine.readRequested()
        #expect(!r5)
        let r6 = machine.writabilityChanged(isWritable: true)
        #expect(r6)  // the held read goes out
        let r7 = machine.writabilityChanged(isWritable: true)
        #expect(!r7)  // only once
    }

    @Test func drainingAnswersInFlightRefusesNewAndClosesAtTheEnd() {
        var machine = open()
        let a = ticket(machine.requestReceived(id: 1))!
        #expect(machine.beginDrain() == .goAway(closeNow: false))
        guard case .reject(let error) = machine.requestReceived(id: 2) else { Issue.record("accepted while draining"); return }
        #expect(error.code == .unavailable)
        #expect(machine.requestFinished(id: 1, ticket: a) == .write(close: true))
        #expect(machine.beginDrain() == .none)
    }

    @Test func drainingWaitsForALargeFrameStillBeingDecoded() {
        var machine = open()
        let a = ticket(machine.requestReceived(id: 1))!
        #expect(machine.beginDrain() == .goAway(closeNow: false))
        machine.offloadedDecodeStarted()
        #expect(!machine.canDecode)
        #expect(machine.requestFinished(id: 1, ticket: a) == .write(close: false))
        machine.offloadedDecodeFinished()
        #expect(machine.canDecode)
    }

    @Test func drainingAnIdleConnectionClosesAtOnce() {
        var machine = open()
        #expect(machine.beginDrain() == .goAway(closeNow: true))
        var fresh = ConnectionStateMachine(maxInFlight: 1)
        #expect(fresh.beginDrain() == .close)
    }

    @Test func idleTimeoutSparesAConnectionWithWorkInFlight() {
        var machine = open()
        _ = machine.requestReceived(id: 1)
        #expect(machine.idleTimeoutFired() == .none)
        var idle = open()
        #expect(idle.idleTimeoutFired() == .goAway(closeNow: true))
    }
}
