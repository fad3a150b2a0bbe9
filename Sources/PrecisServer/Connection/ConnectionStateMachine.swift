import PrecisWire

/// The rules of one server connection, as a plain value: the handler feeds it events and
/// carries out the actions it returns. No I/O here, so every rule is testable on its own.
struct ConnectionStateMachine {
    enum State: Equatable {
        case awaitingPreface
        case active
        /// Shutting down: requests already received are answered, new ones are refused.
        case draining
        case closed
    }

    private(set) var state: State = .awaitingPreface
    /// The requests in flight, each with the ticket of its dispatch: an answer that comes back
    /// with an old ticket (its deadline passed, and the id was reused since) is dropped.
    private(set) var inFlight: [UInt64: UInt64] = [:]
    private var nextTicket: UInt64 = 1
    private let maxInFlight: Int
    /// Whether this connection arrived past the connection limit and is to be refused.
    private let overCapacity: Bool
    private var writable = true
    /// A `read` the handler held back while reading was paused.
    private var readHeld = false

    init(maxInFlight: Int, overCapacity: Bool = false) {
        self.maxInFlight = maxInFlight
        self.overCapacity = overCapacity
    }

    // MARK: preface

    enum PrefaceAction: Equatable {
        /// Answer with our preface; requests may follow.
        case accept
        /// Answer with our preface, then this error with id 0, then close.
        case refuse(StatusCode, String)
    }

    mutating func prefaceReceived(_ preface: Preface) -> PrefaceAction {
        guard state == .awaitingPreface else { return .refuse(.internal, "preface received twice") }
        guard preface.isCompatible(with: .current) else {
            state = .closed
            return .refuse(
                .failedPrecondition,
                "unsupported protocol version \(preface); this server speaks \(Preface.current.major).x"
            )
        }
        guard !overCapacity else {
            state = .closed
            return .refuse(.resourceExhausted, "server is at its connection limit; try again later")
        }
        state = .active
        return .accept
    }

    // MARK: requests

    enum RequestAction: Equatable {
        /// Run it; its answer comes back through `requestFinished` with this ticket.
        case dispatch(ticket: UInt64)
        /// Answer at once with this error.
        case reject(WireError)
    }

    mutating func requestReceived(id: UInt64) -> RequestAction {
        switch state {
        case .awaitingPreface, .closed:
            return .reject(WireError(code: .failedPrecondition, message: "connection is not open", requestID: id))
        case .draining:
            return .reject(WireError(code: .unavailable, message: "server is shutting down", requestID: id))
        case .active:
            break
        }
        guard id != 0 else {
            return .reject(WireError(code: .invalidArgument, message: "request id 0 is reserved; use ids from 1"))
        }
        guard inFlight[id] == nil else {
            return .reject(WireError(code: .invalidArgument, message: "request id \(id) is already in flight", requestID: id))
        }
        let ticket = nextTicket
        nextTicket += 1
        inFlight[id] = ticket
        return .dispatch(ticket: ticket)
    }

    enum FinishAction: Equatable {
        /// The request had been answered already (its deadline passed): drop this answer.
        case drop
        /// Write the answer; then resume reading if `resumeRead`, close if `close`.
        case write(resumeRead: Bool, close: Bool)
    }

    /// The answer of a dispatched request is ready (or its deadline passed: answered either way).
    mutating func requestFinished(id: UInt64, ticket: UInt64) -> FinishAction {
        let wasPaused = isReadPaused
        guard inFlight[id] == ticket else { return .drop }
        inFlight[id] = nil
        let resume = wasPaused && !isReadPaused && takeHeldRead()
        return .write(resumeRead: resume, close: state == .draining && inFlight.isEmpty)
    }

    // MARK: reading and writing

    var isReadPaused: Bool { inFlight.count >= maxInFlight || !writable }

    /// The channel wants to read: forward it now (true), or hold it until answers go out.
    mutating func readRequested() -> Bool {
        if isReadPaused {
            readHeld = true
            return false
        }
        return true
    }

    /// The write buffer crossed a watermark; returns whether a held read should go out now.
    mutating func writabilityChanged(isWritable: Bool) -> Bool {
        writable = isWritable
        return !isReadPaused && takeHeldRead()
    }

    private mutating func takeHeldRead() -> Bool {
        defer { readHeld = false }
        return readHeld
    }

    // MARK: shutdown

    enum DrainAction: Equatable {
        case none
        /// Send a going-away notice; close at once if nothing is in flight.
        case goAway(closeNow: Bool)
        /// The peer never finished its preface: just close.
        case close
    }

    mutating func beginDrain() -> DrainAction {
        switch state {
        case .awaitingPreface:
            state = .closed
            return .close
        case .active:
            state = .draining
            return .goAway(closeNow: inFlight.isEmpty)
        case .draining, .closed:
            return .none
        }
    }

    /// Idle timer fired: close (with a going-away notice) only if nothing is in flight.
    mutating func idleTimeoutFired() -> DrainAction {
        guard inFlight.isEmpty else { return .none }
        return beginDrain()
    }

    mutating func closed() {
        state = .closed
        inFlight.removeAll()
    }
}
