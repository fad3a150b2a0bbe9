import Logging
import Synchronization

/// Keeps the server's log lines at `info` and above, for tests that check what it says.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var count: Int { lines.withLock { $0.count } }

    func snapshot() -> [String] { lines.withLock { $0 } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var logger: Logger {
        Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
    }

    /// Waits (up to two seconds) until there are more than `count` lines, and returns the new ones.
    func linesAfter(_ count: Int) async -> [String] {
        for _ in 0..<100 {
            let all = snapshot()
            if all.count > count {
                try? await Task.sleep(for: .milliseconds(50))  // let a second line show, if any
                return Array(snapshot().dropFirst(count))
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return []
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        capture.append("\(event.level) \(event.message)")
    }
}
