import Logging
import NIOCore
import Synchronization

/// A token bucket for log lines: `burst` lines at once, then `perSecond` lines a second. Lines
/// over the budget are counted, not written; the next line written reports how many were left out.
/// A pure value with the time passed in, so it is tested without a clock.
struct LogRateLimiter: Sendable {
    let perSecond: Double
    let burst: Double
    private var tokens: Double
    private var last: NIODeadline?
    /// Lines left out since the last one written.
    private(set) var suppressed = 0

    init(perSecond: Int, burst: Int) {
        self.perSecond = Double(max(0, perSecond))
        self.burst = Double(max(1, burst))
        self.tokens = self.burst
    }

    /// Whether a line may be written at `now`; when it may, also how many lines were left out
    /// before it (and the count starts again).
    mutating func admit(at now: NIODeadline) -> (write: Bool, suppressedBefore: Int) {
        if let last, now > last {
            tokens = min(burst, tokens + Double((now - last).nanoseconds) / 1e9 * perSecond)
        }
        last = max(last ?? now, now)
        guard tokens >= 1 else {
            suppressed += 1
            return (false, 0)
        }
        tokens -= 1
        defer { suppressed = 0 }
        return (true, suppressed)
    }
}

/// The server's budget for lines about rejected frames and failed requests, shared by every
/// connection, so that a client sending garbage as fast as it can cannot fill the disk: each
/// rejected frame still gets its answer and is counted in the metrics, but past the budget it is
/// not logged.
final class RejectionLog: Sendable {
    private let limiter: Mutex<LogRateLimiter>

    init(perSecond: Int, burst: Int) {
        self.limiter = Mutex(LogRateLimiter(perSecond: perSecond, burst: burst))
    }

    /// Whether to write one more line now, and how many were left out before it (to report in it).
    func admit() -> (write: Bool, suppressedBefore: Int) {
        let now = NIODeadline.now()
        return limiter.withLock { $0.admit(at: now) }
    }
}

extension RejectionLog {
    /// Logs `message` at info level if the budget allows, with control characters escaped and its
    /// length capped; the line carries `suppressed=N` when N lines were left out before it.
    func info(_ logger: Logger, _ message: @autoclosure () -> String, metadata: Logger.Metadata = [:]) {
        log(.info, logger, message(), metadata: metadata)
    }

    /// The same at any level.
    func log(_ level: Logger.Level, _ logger: Logger, _ message: @autoclosure () -> String, metadata: Logger.Metadata = [:]) {
        guard logger.logLevel <= level else { return }
        let (write, suppressed) = admit()
        guard write else { return }
        var metadata = metadata
        if suppressed > 0 { metadata["suppressed"] = "\(suppressed)" }
        logger.log(level: level, "\(LogText.escaped(message(), limit: 300, quotes: false))", metadata: metadata)
    }
}
