import ArgumentParser
import Foundation
import PrecisCLIKit
import PrecisClient
import PrecisWire

@main
struct Precis: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precis",
        abstract: "Call a Precis server: parse, summarize and extract facts from news text.",
        discussion: """
            Reads a document from FILE (or standard input when FILE is - or absent) and prints \
            the answer as readable text, or as JSON with --json. With --jsonl, each input line \
            is a JSON object {"id": ..., "text": ...}; the lines are sent pipelined and one \
            JSON line per input is written, in input order.

            The server address comes from --address, --host/--port, or the PRECIS_ADDRESS \
            environment variable (host:port); the default is \(ProtocolDefaults.address).

            Examples:
              precis ping
              precis summarize --sentences 2 article.txt
              precis extract --kinds entities,dates --json article.txt
              cat articles.jsonl | precis summarize --jsonl

            \(ExitStatus.helpText)
            """,
        subcommands: [Ping.self, Info.self, Health.self, Parse.self, Summarize.self, Extract.self, Analyze.self]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as PrecisError {
            printError("precis: \(error.code.protoName ?? "error"): \(error.message)")
            Foundation.exit(ExitStatus(for: error).rawValue)
        } catch let error as CLIFailure {
            if !error.message.isEmpty { printError("precis: \(error.message)") }
            Foundation.exit(error.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)
            }
            printError(fullMessage(for: error))
            Foundation.exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}

func printError(_ message: String) {
    var line = message
    if !line.hasSuffix("\n") { line += "\n" }
    FileHandle.standardError.write(Data(line.utf8))
}
