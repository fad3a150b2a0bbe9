import NIOCore
import PrecisClient
import PrecisWire
import Testing

/// Connection slots go to clients that speak: at the limit, the oldest connection that has not
/// sent its preface makes room for a new one.
@Suite struct ConnectionSlotTests {
    @Test func silentSocketsDoNotLockClientsOutAtTheLimit() async throws {
        try await withTestServer({
            $0.maxConnections = 2
            $0.prefaceTimeout = .seconds(60)
        }) { port in
            try await RawConnection.withConnection(port: port) { oldest in
                // Accepted connections are numbered on their own event loops: let the first be
                // numbered before the second connects.
                try await Task.sleep(for: .milliseconds(200))
                try await RawConnection.withConnection(port: port) { _ in
                    try await Task.sleep(for: .milliseconds(200))  // both accepted, neither speaks
                    let client = testClient(port: port, connections: 1)
                    #expect(try await client.ping([7]) == [7])
                    await client.close()
                }
                // The oldest silent socket gave up its slot: closed without a byte, long before
                // its preface timeout.
                #expect(try await oldest.readToEnd().isEmpty)
                #expect(oldest.closedByPeer)
            }
        }
    }
}
