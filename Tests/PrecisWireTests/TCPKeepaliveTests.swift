import NIOCore
import PrecisWire
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TCPKeepaliveTests {
    @Test func probesStartAfterTheIdleTimeAndThreeMissedOnesEndTheConnection() {
        let options = TCPKeepalive(idle: .minutes(5), timeout: .seconds(30)).options
        #expect(options.first?.1 == 1)  // SO_KEEPALIVE
        #if os(Linux)
        #expect(options.map(\.1) == [1, 300, 10, 3])  // SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT
        #endif
    }

    @Test func secondsAreWholeAndAtLeastOne() {
        #if os(Linux)
        #expect(TCPKeepalive(idle: .milliseconds(200), timeout: .milliseconds(500)).options.map(\.1) == [1, 1, 1, 3])
        #endif
    }
}
