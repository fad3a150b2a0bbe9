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
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Server address as host:port (overrides PRECIS_ADDRESS); several, comma-separated, spread the connections over them.",
            valueName: "host:port[,host:port...]"
        )
    )
    var address: String?

    @Option(name: .long, help: "Server host (default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "Server port (default \(ProtocolDefaults.port)).")
    var port: Int?

    @Option(name: .long, help: ArgumentHelp("How long to wait for each answer, e.g. 500ms, 5s, 2m.", valueName: "duration"))
    var timeout: String = "30s"

    func validate() throws {
        if let port, !(0...65535).contains(port) {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
        if (TimeAmount(parsing: timeout) ?? .zero) <= .zero {
            throw ValidationError("--timeout must be a duration above 0 like 500ms, 5s or 2m, got \"\(timeout)\"")
        }
        _ = try endpoints()
    }

    var timeoutAmount: TimeAmount { TimeAmount(parsing: timeout) ?? .seconds(30) }

    /// The first (usually the only) endpoint.
    func endpoint() throws -> PrecisClient.Endpoint {
        try endpoints()[0]
    }

    /// Every endpoint of `--address` (or PRECIS_ADDRESS), comma-separated; `--host` and `--port`
    /// override the host and port of each.
    func endpoints() throws -> [PrecisClient.Endpoint] {
        var parsed = [(ProtocolDefaults.host, ProtocolDefaults.port)]
        let fromEnvironment = getenv("PRECIS_ADDRESS").map { String(cString: $0) }
        if let address = address ?? fromEnvironment, !address.isEmpty {
            let parts = address.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            parsed = try parts.map { part in
                guard let endpoint = Self.parse(part.trimmingCharacters(in: .whitespaces)) else {
                    let source = self.address != nil ? "--address" : "PRECIS_ADDRESS"
                    throw ValidationError("\(source) must be host:port (or several, comma-separated), got \"\(address)\"")
                }
                return endpoint
            }
        }
        return parsed.map { PrecisClient.Endpoint(host: self.host ?? $0.0, port: self.port ?? $0.1) }
    }

    /// `host:port`, `[v6]:port` or `:port`.
    static func parse(_ address: String) -> (String, Int)? {
        PrecisClient.Endpoint(parsing: address).map { ($0.host, $0.port) }
    }

    /// With several endpoints, at least one connection each.
    func withClient<T: Sendable>(connections: Int = 1, _ body: (PrecisClient) async throws -> T) async throws -> T {
        let endpoints = try endpoints()
        let configuration = clientConfiguration(connections: max(connections, endpoints.count))
        return try await withPrecisClient(endpoints: endpoints, configuration: configuration, body)
    }

    /// The client settings these options ask for (timeouts), with `connections` connections.
    func clientConfiguration(connections: Int) -> PrecisClient.Configuration {
        var configuration = PrecisClient.Configuration()
        configuration.connections = connections
        configuration.defaultTimeout = timeoutAmount
        configuration.connectTimeout = min(timeoutAmount, .seconds(5))
        return configuration
    }
}

/// How the answer is printed.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the response as JSON (proto3 JSON mapping, lowerCamelCase field names).")
    var json = false
}
