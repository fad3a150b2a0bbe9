import Logging
import NIOCore
import NIOPosix
import PrecisClient
import PrecisServer
import PrecisWire

/// Runs a server on 127.0.0.1 with a free port for the duration of `body`, then shuts it down
/// gracefully and waits for it to stop.
func withTestServer<T: Sendable>(
    logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ configure: (inout PrecisServer.Configuration) -> Void = { _ in },
    _ body: (_ port: Int) async throws -> T
) async throws -> T {
    var configuration = PrecisServer.Configuration(host: "127.0.0.1", port: 0)
    configuration.shutdownGrace = .seconds(5)
    configure(&configuration)
    let server = PrecisServer(configuration: configuration, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        let port = try await server.listeningAddress().port!
        do {
            let result = try await body(port)
            group.cancelAll()
            try await group.waitForAll()
            return result
        } catch {
            group.cancelAll()
            try? await group.waitForAll()
            throw error
        }
    }
}

/// A client for the test server's port.
func testClient(port: Int, connections: Int = 2) -> PrecisClient {
    PrecisClient(host: "127.0.0.1", port: port, configuration: .init(connections: connections, defaultTimeout: .seconds(20)))
}

/// A short article of our own, with the parts a scraped page has.
enum Article {
    static let text = """
        Local News

        Riverside Council Approves New Footbridge After Long Debate

        Construction will start in March and cost an estimated $4.2 million

        By Jonas E. Whitfield

        The Riverside town council voted 7 to 2 on Tuesday to build a footbridge across the Aller river, ending a dispute that had run for more than three years.

        Mayor Helena Brandt said the bridge would link the old market district with the new housing on the east bank. "People have waited long enough," Brandt said after the vote.

        Opponents argued that the money should go to road repairs. Councillor Peter Olsen called the project "a bridge to nowhere" and warned that costs could rise by 20 percent.

        Engineers from Nordic Span Ltd. expect the work to take eighteen months. The council will publish the final design on its website, www.riverside.example/bridge, next week.

        Advertisement
        """

    static var utf8: [UInt8] { Array(text.utf8) }

    static func slice(_ start: UInt32, _ end: UInt32) -> String {
        String(decoding: utf8[Int(start)..<Int(end)], as: UTF8.self)
    }
}
