import ArgumentParser
import PrecisCLIKit
import PrecisClient
import PrecisWire

struct Health: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask whether the server takes new work: SERVING, NOT_SERVING (starting or overloaded) or DRAINING.",
        discussion: """
            Prints the status and the server's reason. Exits 0 only when the server is SERVING, \
            1 when it answers NOT_SERVING or DRAINING, and 3 to 6 as for every command when \
            there is no answer (for probes: `precis health --timeout 1s`).
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let health = try await connection.withClient { client in try await client.health() }
        if output.json {
            print(health.jsonString(pretty: true))
        } else {
            print("\(Self.name(health.status)): \(health.reason)")
        }
        guard health.status == .serving else { throw CLIFailure(status: .failed, message: "") }
    }

    static func name(_ status: HealthResponse.ServingStatus) -> String {
        switch status {
        case .serving: "SERVING"
        case .notServing: "NOT_SERVING"
        case .draining: "DRAINING"
        case .unspecified: "UNSPECIFIED"
        case .unrecognized(let raw): "status \(raw)"
        }
    }
}
