import ArgumentParser
import PrecisClient
import PrecisWire

struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the server's versions, limits and operations.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let info = try await connection.withClient { client in try await client.info() }
        if output.json {
            print(info.jsonString(pretty: true))
            return
        }
        let limits = info.limits ?? Limits()
        print("""
            server            precisd \(info.serverVersion) (protocol \(info.protocolMajor).\(info.protocolMinor), engine \(info.engineVersion))
            uptime            \(info.uptimeMs / 1000) s
            load              \(info.connections) connections, \(info.inFlight) in flight, \(info.queued) queued, \(info.requestsTotal) answered
            operations        \(info.operations.joined(separator: ", "))
            extract kinds     \(info.extractKinds.joined(separator: ", "))
            summary methods   \(info.summaryAlgorithms.joined(separator: ", ")) (default: model \(info.summaryModel))
            max frame         \(limits.maxFrameBytes) bytes
            max connections   \(limits.maxConnections)
            max in flight     \(limits.maxInFlightPerConnection) per connection
            max queued        \(limits.maxQueuedRequests) requests
            workers           \(limits.workers)
            default timeout   \(limits.defaultTimeoutMs) ms
            idle timeout      \(limits.idleTimeoutMs) ms
            """)
    }
}
