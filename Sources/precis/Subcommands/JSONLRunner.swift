import NIOCore
import PrecisCLIKit
import PrecisClient
import PrecisWire

/// `--jsonl`: the command's side of `JSONLBatch` — how a line becomes a request and an answer
/// becomes JSON — run over FILE or standard input, with a progress line on a terminal and a
/// summary of failed and retried lines on standard error.
struct JSONLRunner<Command: DocumentCommand> {
    let command: Command

    func run() async throws {
        if command.input.file == nil || command.input.file == "-", FileInput.standardInputIsTerminal {
            printError("precis: reading JSON lines from the terminal; end them with Ctrl-D (or give FILE)")
        }
        let input = try FileInput(path: command.input.file)
        var configuration = JSONLBatch.Configuration()
        configuration.concurrency = command.input.concurrency
        configuration.timeout = .nanoseconds(command.connection.timeoutAmount.nanoseconds)
        let command = self.command
        let connections = min(max(2, command.input.concurrency / 16), 8)
        let summary = try await command.connection.withClient(connections: connections) { client in
            let batch = JSONLBatch(
                configuration: configuration,
                makeOperation: { record in
                    var format: Document.Format?
                    if let name = record.format {
                        guard let named = DocumentOptions.format(named: name) else {
                            return .failure(CLIFailure(status: .usage, message: "\"format\" must be auto, text, markdown or html"))
                        }
                        format = named
                    }
                    do {
                        let document = command.input.document(record.text, format: format)
                        return .success(try command.operation(for: document, referenceDate: record.referenceDate))
                    } catch {
                        return .failure(CLIFailure(status: .usage, message: "\(error)"))
                    }
                },
                render: { response in command.result(of: response)?.jsonMembers() ?? "" },
                call: { operation, timeout in
                    do throws(PrecisError) {
                        let response = try await client.call(operation, timeout: .nanoseconds(Int64(timeout.nanoseconds)))
                        return .success(response)
                    } catch {
                        return .failure(error)
                    }
                }
            )
            let progress = ProgressLine.forStandardError()
            let summary = try await batch.run(input: input, output: StandardOutput(), progress: progress.map { line in { line.update($0) } })
            progress?.finish()
            return summary
        }
        if let report = summary.report { printError("precis: \(report)") }
        let status = ExitStatus(for: summary)
        if status != .ok { throw CLIFailure(status: status, message: "") }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000
    }
}
