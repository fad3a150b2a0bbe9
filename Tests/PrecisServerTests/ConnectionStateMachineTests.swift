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
        #expect(machine.requestFinished(id: 2, ticket: b) == .write(resumeRead: false, close: false))
        #expect(machine.requestFinished(id: 1, ticket: a) == .write(resumeRead: false, close: false))
        #expect(machine.inFlight.isEmpty)
    }

    @Test func lateAnswerForAReusedIDIsDropped() {
        var machine = open()
        let first = ticket(machine.requestReceived(id: 5))!
        // The deadline answered it; the client reuses id 5.
        #expect(machine.requestFinished(id: 5, ticket: first) == .write(resumeRead: false, close: false))
        let second = ticket(machine.requestReceived(id: 5))!
        // The first request's work finishes late: dropped, the second is still in flight.
        #expect(machine.requestFinished(id: 5, ticket: first) == .drop)
        #expect(machine.requestFinished(id: 5, ticket: second) == .write(resumeRead: false, close: false))
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
        #expect(machine.requestFinished(id: 1, ticket: a) == .write(resumeRead: true, close: false))
        let r3 = machine.readRequested()
        #expect(r3)
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
        #expect(machine.requestFinished(id: 1, ticket: a) == .write(resumeRead: false, close: true))
        #expect(machine.beginDrain() == .none)
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
