import PrecisClient

/// The exit codes of `precis`, as `precis --help` and the README list them.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    /// The server answered with an error, or (with --jsonl) some lines failed.
    case failed = 1
    case usage = 2
    case cannotConnect = 3
    /// No answer within --timeout.
    case timeout = 4
    /// The connection closed before the answer: the server stopped, or a load balancer had no backend.
    case connectionLost = 5
    /// The peer at that address does not speak the Precis protocol (or speaks another version).
    case notPrecis = 6

    /// The status for a call that failed with `error`.
    public init(for error: PrecisError) {
        switch error.origin {
        case .cannotConnect: self = .cannotConnect
        case .timeout: self = .timeout
        case .connectionLost: self = .connectionLost
        case .notPrecis: self = .notPrecis
        default: self = .failed
        }
    }

    /// The status of a batch: ok when every line succeeded; when every failure came from the
    /// connection in the same way (all timeouts, say), that way's status; else `failed`.
    public init(for summary: JSONLBatch.Summary) {
        guard summary.failed > 0 else {
            self = .ok
            return
        }
        if summary.unreachable {
            self = .cannotConnect
            return
        }
        if summary.origins.count == 1, let origin = summary.origins.keys.first, origin != .server, origin != .client {
            self = ExitStatus(for: PrecisError(code: .unavailable, message: "", origin: origin))
            return
        }
        self = .failed
    }

    /// One line per code, for `--help`.
    public static let helpText = """
        Exit codes: 0 success; 1 the server answered with an error (with --jsonl: some lines \
        failed); 2 usage error or unreadable input; 3 cannot connect; 4 no answer within \
        --timeout; 5 the connection closed before the answer (server stopped, or a load \
        balancer with no backend); 6 the peer is not a Precis server.
        """
}

/// A failure with a message for people and the exit status it maps to.
public struct CLIFailure: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    public var message: String

    public init(status: ExitStatus, message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}

extension JSONLBatch.Summary {
    /// The summary line for standard error, or nil when there is nothing to say.
    public var report: String? {
        guard failed > 0 || retried > 0 || unreachable else { return nil }
        var parts: [String] = []
        if failed > 0 {
            let kinds = failures.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }
                .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            parts.append("\(failed) of \(lines) lines failed (\(kinds))")
        } else {
            parts.append("all \(lines) lines succeeded")
        }
        if retried > 0 { parts.append("\(retried) lines were retried") }
        if unreachable { parts.append("the server could not be reached, so the other lines were not sent") }
        return parts.joined(separator: "; ")
    }
}
