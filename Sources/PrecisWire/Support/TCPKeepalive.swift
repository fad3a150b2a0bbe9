import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TCP keepalive on a connection, as Redis's `tcp-keepalive` does: after `idle` without traffic
/// the kernel sends probes, and a peer that answers none for `timeout` (three probes) is declared
/// dead, which closes the connection. It finds peers that vanished (a host powered off, a
/// network cut, a NAT that dropped the mapping) without a byte of the protocol, on idle
/// connections too; a peer process that is alive but stuck still answers the kernel's probes
/// (deadlines and the idle timeout handle those).
public struct TCPKeepalive: Sendable, Hashable {
    public var idle: TimeAmount
    public var timeout: TimeAmount
    static let probes: CInt = 3

    public init(idle: TimeAmount, timeout: TimeAmount) {
        self.idle = idle
        self.timeout = timeout
    }

    /// The socket options, whole seconds of at least one.
    public var options: [(ChannelOptions.Types.SocketOption, SocketOptionValue)] {
        let seconds: (TimeAmount) -> SocketOptionValue = { SocketOptionValue(max(1, $0.nanoseconds / 1_000_000_000)) }
        var options: [(ChannelOptions.Types.SocketOption, SocketOptionValue)] = [(.socketOption(.so_keepalive), 1)]
        #if os(Linux)
        options += [
            (.tcpOption(.init(rawValue: CInt(TCP_KEEPIDLE))), seconds(idle)),
            (.tcpOption(.init(rawValue: CInt(TCP_KEEPINTVL))), max(1, seconds(timeout) / SocketOptionValue(Self.probes))),
            (.tcpOption(.init(rawValue: CInt(TCP_KEEPCNT))), SocketOptionValue(Self.probes)),
        ]
        #endif
        return options
    }
}
