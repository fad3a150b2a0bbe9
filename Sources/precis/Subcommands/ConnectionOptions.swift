import ArgumentParser
import NIOCore
import PrecisClient
import PrecisWire

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the server is and how long to wait for it; shared by every subcommand.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Server address as host:port (overrides PRECIS_ADDRESS).", valueName: "host:port"))
    var address: String?

    @Option(name: .long, help: "Server host (default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "Server port (default 7450).")
    var port: Int?

    @Option(name: .long, help: ArgumentHelp("How long to wait for each answer, e.g. 500ms, 5s, 2m.", valueName: "duration"))
    var timeout: String = "30s"

    func validate() throws {
        if let port, !(0...65535).contains(port) {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
        if TimeAmount(parsing: timeout) == nil {
            throw ValidationError("--timeout must be a duration like 500ms, 5s or 2m, got \"\(timeout)\"")
        }
        _ = try endpoint()
    }

    var timeoutAmount: TimeAmount { TimeAmount(parsing: timeout) ?? .seconds(30) }

    func endpoint() throws -> PrecisClient.Endpoint {
        var host = "127.0.0.1"
        var port = 7450
        let fromEnvironment = getenv("PRECIS_ADDRESS").map { String(cString: $0) }
        if let address = address ?? fromEnvironment, !address.isEmpty {
            guard let parsed = Self.parse(address) else {
                let source = self.address != nil ? "--address" : "PRECIS_ADDRESS"
                throw ValidationError("\(source) must be host:port, got \"\(address)\"")
            }
            (host, port) = parsed
        }
        if let h = self.host { host = h }
        if let p = self.port { port = p }
        return PrecisClient.Endpoint(host: host, port: port)
    }

    /// `host:port`, `[v6]:port` or `:port`.
    static func parse(_ address: String) -> (String, Int)? {
        PrecisClient.Endpoint(parsing: address).map { ($0.host, $0.port) }
    }

    func withClient<T: Sendable>(connections: Int = 1, _ body: (PrecisClient) async throws -> T) async throws -> T {
        let endpoint = try endpoint()
        var configuration = PrecisClient.Configuration()
        configuration.connections = connections
        configuration.defaultTimeout = timeoutAmount
        configuration.connectTimeout = min(timeoutAmount, .seconds(5))
        return try await withPrecisClient(host: endpoint.host, port: endpoint.port, configuration: configuration, body)
    }
}

/// How the answer is printed.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the response as JSON (proto3 JSON mapping, lowerCamelCase field names).")
    var json = false
}
