import Synchronization

/// Why engine work stopped before it finished.
public enum InterruptReason: UInt8, Sendable, Hashable, CustomStringConvertible {
    /// The work's deadline passed.
    case deadline = 1
    /// Whoever asked for the work no longer wants it (the caller cancelled, or its connection closed).
    case cancelled = 2
    /// The process is shutting down.
    case shutdown = 3

    public var description: String {
        switch self {
        case .deadline: "deadline"
        case .cancelled: "cancelled"
        case .shutdown: "shutdown"
        }
    }
}

/// A flag that another thread raises to stop engine work: one per server (shutdown), per connection (it
/// closed) or per request (a cancel). A signal also counts as raised when its parent is, so one `raise` on a
/// parent stops the work of every child.
public final class InterruptSignal: Sendable {
    private let raised = Atomic<UInt8>(0)
    /// The signal whose raising this one follows.
    public let parent: InterruptSignal?

    /// Creates a signal that is not raised, following `parent` when given.
    public init(parent: InterruptSignal? = nil) {
        self.parent = parent
    }

    /// Raises the signal; the first reason given is the one reported.
    public func raise(_ reason: InterruptReason) {
        _ = raised.compareExchange(expected: 0, desired: reason.rawValue, ordering: .relaxed)
    }

    /// Why the signal (or an ancestor) was raised, or `nil` when it was not.
    public var reason: InterruptReason? {
        if let own = InterruptReason(rawValue: raised.load(ordering: .relaxed)) { return own }
        return parent?.reason
    }
}

/// What long engine work looks at to know whether to go on: a deadline and a signal.
///
/// The engine checks it between stages (tokens, sentences, each extractor) and every few thousand tokens
/// inside long loops, and throws an ``EngineError`` whose ``EngineError/interruption`` says why. A check
/// costs an atomic load and, with a deadline, a read of the monotonic clock; loops check every
/// ``Interrupt/stride`` steps, so the work stops within a millisecond or so of the reason arising.
public struct Interrupt: Sendable {
    /// Never interrupts.
    public static let none = Interrupt()

    /// Loops check once every this many steps (a power of two).
    public static let stride = 1024

    /// When the work is to stop, on the monotonic clock.
    public var deadline: ContinuousClock.Instant?
    /// A signal raised from another thread.
    public var signal: InterruptSignal?

    /// Creates an interrupt from a deadline, a signal, both or neither.
    public init(deadline: ContinuousClock.Instant? = nil, signal: InterruptSignal? = nil) {
        self.deadline = deadline
        self.signal = signal
    }

    /// Why the work should stop now, or `nil` to go on.
    public var reason: InterruptReason? {
        if let reason = signal?.reason { return reason }
        if let deadline, ContinuousClock.now >= deadline { return .deadline }
        return nil
    }

    /// Throws when the work should stop.
    public func check() throws(EngineError) {
        if let reason { throw EngineError(interruption: reason) }
    }

    /// Throws when the work should stop, looking only at every ``stride``-th `step`.
    @inline(__always)
    func check(at step: Int) throws(EngineError) {
        if step & (Self.stride - 1) == 0 { try check() }
    }

    /// Whether checking can ever throw: without a deadline or a signal, loops need not look.
    var isNone: Bool { deadline == nil && signal == nil }
}

/// Checks an ``Interrupt`` once per ``Interrupt/stride`` units of progress (tokens, bytes) that a loop reports,
/// however unevenly the loop's steps advance.
struct InterruptPacer {
    let interrupt: Interrupt
    private var next = 0

    init(_ interrupt: Interrupt) {
        self.interrupt = interrupt
        self.next = interrupt.isNone ? .max : 0
    }

    /// Throws when the work should stop; looks only once `progress` has moved a stride past the last look.
    @inline(__always)
    mutating func check(progress: Int) throws(EngineError) {
        guard progress >= next else { return }
        next = progress + Interrupt.stride
        try interrupt.check()
    }
}

/// Runs engine work that only an interrupt could stop, with none.
func uninterrupted<Result>(_ work: (Interrupt) throws(EngineError) -> Result) -> Result {
    do {
        return try work(.none)
    } catch {
        preconditionFailure("engine work stopped without an interrupt: \(error)")
    }
}
