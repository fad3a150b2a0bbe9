import ArgumentParser
import NIOCore
import PrecisClient
import PrecisWire

struct Ping: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the server answers, and how fast.",
        discussion: "Sends --count pings one after another and prints each round-trip time."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Pings to send.")
    var count: Int = 1

    @Option(name: .long, help: "Bytes of payload each ping carries (echoed back).")
    var payloadBytes: Int = 0

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
        guard (0...(1 << 20)).contains(payloadBytes) else { throw ValidationError("--payload-bytes must be between 0 and 1048576") }
    }

    func run() async throws {
        let payload = (0..<payloadBytes).map { UInt8(truncatingIfNeeded: $0) }
        let endpoint = try connection.endpoint()
        try await connection.withClient { client in
            for sequence in 1...count {
                let started = NIODeadline.now()
                let echoed = try await client.ping(payload)
                let micros = Double((NIODeadline.now() - started).nanoseconds) / 1000
                guard echoed == payload else {
                    throw PrecisError(code: .internal, message: "the server echoed a different payload")
                }
                if output.json {
                    print("{\"seq\":\(sequence),\"bytes\":\(echoed.count),\"micros\":\(Int(micros))}")
                } else {
                    print("pong from \(endpoint): seq=\(sequence) bytes=\(echoed.count) time=\(formatMillis(micros)) ms")
                }
            }
        }
    }
}

func formatMillis(_ micros: Double) -> String {
    let hundredths = Int((micros / 10).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
