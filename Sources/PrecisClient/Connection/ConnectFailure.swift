import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sentences for the errors SwiftNIO reports when a connection cannot be opened or fails, so
/// that a person reads "connection refused" rather than `SingleConnectionFailure(… errno: 111)`.
enum ConnectFailure {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first {
                return describe(first.error)
            }
            if error.dnsAError != nil || error.dnsAAAAError != nil {
                return "the host name \(error.host) could not be resolved"
            }
            return "no address to connect to for \(error.host)"
        case let error as IOError:
            return describe(errno: error.errnoCode)
        case let error as ChannelError:
            if case .connectTimeout(let amount) = error {
                return "no answer to the connection attempt within \(amount.nanoseconds / 1_000_000) ms"
            }
            if case .ioOnClosedChannel = error { return "the connection is closed" }
            return "\(error)"
        default:
            return "\(error)"
        }
    }

    static func describe(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: return "connection refused (nothing listens there)"
        case ECONNRESET: return "connection reset by the peer"
        case ETIMEDOUT: return "the connection attempt timed out"
        case EHOSTUNREACH, ENETUNREACH: return "the host cannot be reached"
        case EPIPE: return "the peer closed the connection"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

extension PrecisError {
    static let connectionLost = PrecisError(
        code: .unavailable,
        message: "the connection to the server was lost before it answered",
        origin: .connectionLost
    )

    static let closedBeforePreface = PrecisError(
        code: .unavailable,
        message: "the connection was closed before the server said hello: nothing behind that address speaks Precis (a load balancer with no healthy backend does this)",
        origin: .connectionLost
    )
}
