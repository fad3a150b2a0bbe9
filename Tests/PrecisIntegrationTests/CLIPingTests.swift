import Foundation
import Testing

/// `precis ping` with several addresses, some of them down, run as a user runs it.
@Suite struct CLIPingTests {
    /// A port on 127.0.0.1 where nothing listens (bound, then closed).
    static func downAddress() throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        #expect(bound)
        return "127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
    }

    @Test func sequentialPingNamesTheEndpointThatAnswered() async throws {
        let server = try await ServerProcess()
        let up = "127.0.0.1:\(server.port)"
        let down = try Self.downAddress()
        let result = try await run("precis", ["ping", "--address", "\(down),\(up)", "--count", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("pong from \(up): seq=") }, "\(result.stdout)")
        #expect(!result.stdout.contains(down))
        #expect(result.stderr.contains("no answer from \(down)"))

        let json = try await run("precis", ["ping", "--address", "\(down),\(up)", "--count", "2", "--json"])
        #expect(json.status == 0)
        for line in json.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["endpoint"] as? String == up)
        }
    }

    @Test func floodSkipsADownEndpoint() async throws {
        let server = try await ServerProcess()
        let up = "127.0.0.1:\(server.port)"
        let down = try Self.downAddress()
        let result = try await run(
            "precis", ["ping", "--address", "\(down),\(up)", "--count", "400", "--concurrency", "8", "--connections", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("400 pings of 0 bytes"), "\(result.stdout)")
        #expect(result.stdout.contains("p90") && result.stdout.contains("p99.9"))
        #expect(result.stderr.contains("skipping \(down)"))
    }

    @Test func floodJSONHasPercentiles() async throws {
        let server = try await ServerProcess()
        let up = "127.0.0.1:\(server.port)"
        let down = try Self.downAddress()
        let result = try await run(
            "precis", ["ping", "--address", "\(up),\(down)", "--count", "500", "--concurrency", "4", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["requests"] as? Int == 500)
        let percentiles = try ["p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs"].map { key in
            try #require(object[key] as? Double, "\(key) missing in \(result.stdout)")
        }
        #expect(percentiles[0] > 0)
        #expect(zip(percentiles, percentiles.dropFirst()).allSatisfy { $0 <= $1 }, "\(percentiles)")
        #expect(object["endpoints"] as? [String] == [up])
        #expect(object["skippedEndpoints"] as? [String] == [down])
    }

    @Test func noEndpointAnsweringExitsThree() async throws {
        let first = try Self.downAddress()
        let second = try Self.downAddress()
        let flood = try await run("precis", ["ping", "--address", "\(first),\(second)", "--count", "20", "--concurrency", "4"])
        #expect(flood.status == 3, "\(flood.stderr)")
        #expect(flood.stderr.contains("none of"))
        let sequential = try await run("precis", ["ping", "--address", "\(first),\(second)"])
        #expect(sequential.status == 3, "\(sequential.stderr)")
        #expect(sequential.stdout.isEmpty)
    }
}
