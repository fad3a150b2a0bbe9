#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress line on standard error for long batches, redrawn at most four times a second and
/// only when standard error is a terminal (never in a pipe or a log).
public final class ProgressLine: @unchecked Sendable {
    private let started = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant
    private var drawn = false

    private init() {
        lastDrawn = started
    }

    /// A progress line, or nil when standard error is not a terminal.
    public static func forStandardError() -> ProgressLine? {
        isatty(2) == 1 ? ProgressLine() : nil
    }

    public func update(_ summary: JSONLBatch.Summary) {
        let now = ContinuousClock.now
        guard now - lastDrawn >= .milliseconds(250), now - started >= .seconds(1) else { return }
        lastDrawn = now
        drawn = true
        let seconds = Double((now - started).components.seconds) + Double((now - started).components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int(Double(summary.answered) / seconds) : 0
        var text = "\r\u{1B}[K\(summary.answered) lines answered, \(summary.failed) failed, \(rate) lines/s"
        if summary.retried > 0 { text += ", \(summary.retried) retried" }
        emit(text)
    }

    /// Clears the line.
    public func finish() {
        if drawn { emit("\r\u{1B}[K") }
    }

    private func emit(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
