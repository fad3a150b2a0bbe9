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

    /// The budgets of one connection, from `PrecisServer.Configuration`.
    struct Limits: Equatable {
        /// Requests in flight: no frame is decoded past it.
        var maxInFlight: Int
        /// Bytes of the request frames in flight: no frame is decoded past it (one frame always
        /// may be, whatever its size).
        var maxInFlightBytes: Int = .max
        /// Bytes of answers handed to the channel and not yet written to the socket: an answer
        /// that would go past it (while others wait) is replaced by RESOURCE_EXHAUSTED.
        var maxQueuedAnswerBytes: Int = .max
    }

    private(set) var state: State = .awaitingPreface
    /// The requests in flight, each with the ticket of its dispatch (an answer that comes back
    /// with an old ticket — its deadline passed, and the id was reused since — is dropped) and
    /// the size of its frame.
    private(set) var inFlight: [UInt64: (ticket: UInt64, bytes: Int)] = [:]
    private(set) var inFlightBytes = 0
    /// Bytes of answers in the channel's outbound buffer, not yet written to the socket.
    private(set) var queuedAnswerBytes = 0
    private var nextTicket: UInt64 = 1
    let limits: Limits
    /// Whether this connection arrived past the connection limit and is to be refused.
    private let overCapacity: Bool
    private var writable = true
    /// A `read` the handler held back while reading was paused.
    private var readHeld = false

    init(limits: Limits, overCapacity: Bool = false) {
        self.limits = limits
        self.overCapacity = overCapacity
    }

    init(maxInFlight: Int, overCapacity: Bool = false) {
        self.init(limits: Limits(maxInFlight: maxInFlight), overCapacity: overCapacity)
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

    mutating func requestReceived(id: UInt64, bytes: Int = 0) -> RequestAction {
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
        inFlight[id] = (ticket, bytes)
        inFlightBytes += bytes
        return .dispatch(ticket: ticket)
    }

    enum FinishAction: Equatable {
        /// The request had been answered already (its deadline passed): drop this answer.
        case drop
        /// Write the answer (then decode what is buffered, and see `readResumable`); close after
        /// it if `close`.
        case write(close: Bool)
    }

    /// The answer of a dispatched request is ready (or its deadline passed: answered either way).
    mutating func requestFinished(id: UInt64, ticket: UInt64) -> FinishAction {
        guard let entry = inFlight[id], entry.ticket == ticket else { return .drop }
        inFlight[id] = nil
        inFlightBytes -= entry.bytes
        return .write(close: state == .draining && inFlight.isEmpty && !offloadedDecodePending)
    }

    // MARK: reading and writing

    /// Whether another frame may be decoded from what has been read: not past the in-flight
    /// budgets (in requests and in bytes), and not once the connection is closing. Frames not
    /// decoded stay in the read buffer, and the socket is not read meanwhile.
    var canDecode: Bool {
        state != .closed && !offloadedDecodePending && inFlight.count < limits.maxInFlight
            && (inFlightBytes < limits.maxInFlightBytes || inFlight.isEmpty)
    }

    /// Whether the socket should not be read: the in-flight budget is spent, the write buffer is
    /// over its high-water mark, or the connection is closing.
    var isReadPaused: Bool { !canDecode || !writable }

    /// Whether a held read should go out now (after answers went out and what was buffered has
    /// been decoded).
    mutating func readResumable() -> Bool {
        !isReadPaused && takeHeldRead()
    }

    /// A large frame is being decoded away from the event loop: nothing else is decoded until
    /// it is done, so requests are taken in order.
    private(set) var offloadedDecodePending = false

    mutating func offloadedDecodeStarted() {
        offloadedDecodePending = true
    }

    mutating func offloadedDecodeFinished() {
        offloadedDecodePending = false
    }

    /// The server gives up on the connection after a fatal error (a frame over the limit, a
    /// stalled frame, a refused preface): nothing more is read or decoded; it closes once its
    /// last answer is written or its linger runs out.
    mutating func fatalErrorOccurred() {
        state = .closed
    }

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
        inFlightBytes = 0
    }

    // MARK: the output budget

    enum AnswerAction: Equatable {
        /// Hand the answer to the channel; call `answerWritten` once the socket has taken it.
        case write
        /// Send this error (with the request's id) instead: the answer does not fit the budget.
        case refuse(WireError)
    }

    /// An answer of `bytes` is ready for request `id`. It is written if the connection's queued
    /// answers leave room for it (a connection with nothing queued always has room for one
    /// answer, whatever its size) and `reserveGlobal` can reserve its bytes in the budget shared
    /// by all connections; otherwise it is replaced by RESOURCE_EXHAUSTED, as Redis drops a
    /// client past its output-buffer limit and Envoy's overload manager sheds requests, so a
    /// client that does not read cannot make the server hold its answers without bound.
    mutating func answerReady(id: UInt64, bytes: Int, reserveGlobal: () -> Bool) -> AnswerAction {
        if queuedAnswerBytes > 0 && queuedAnswerBytes + bytes > limits.maxQueuedAnswerBytes {
            return .refuse(
                WireError(
                    code: .resourceExhausted,
                    message: "answer of \(bytes) bytes not sent: \(queuedAnswerBytes) bytes of earlier answers on this "
                        + "connection are still unread (limit \(limits.maxQueuedAnswerBytes)); read the answers",
                    requestID: id
                )
            )
        }
        guard reserveGlobal() else {
            return .refuse(
                WireError(
                    code: .resourceExhausted,
                    message: "answer of \(bytes) bytes not sent: the server's output budget is spent on answers "
                        + "clients have not read; retry later",
                    requestID: id
                )
            )
        }
        queuedAnswerBytes += bytes
        return .write
    }

    /// Whether the unread answers are at the budget: work not started yet for this connection is
    /// answered RESOURCE_EXHAUSTED rather than computed into an answer that would be refused.
    var isBacklogged: Bool { queuedAnswerBytes >= limits.maxQueuedAnswerBytes }

    /// The socket took (or the closing channel dropped) an answer that `answerReady` let through.
    mutating func answerWritten(bytes: Int) {
        queuedAnswerBytes -= bytes
    }
}
