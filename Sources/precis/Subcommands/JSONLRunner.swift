import Foundation
import PrecisClient
import PrecisWire

/// `--jsonl`: every input line `{"id": ..., "text": ...}` (optionally `"format"`) becomes one request; they are sent
/// pipelined (up to `--concurrency` at once) and one line per input is written, in input
/// order: `{"id": ..., <result fields>}`, or `{"id": ..., "error": {"code", "message"}}`.
struct JSONLRunner<Command: DocumentCommand> {
    let command: Command

    private struct Line: Sendable {
        var number: Int
        var id: String  // the id's JSON text, written back as it came
        var operation: Request.Operation?
        var problem: String?
    }

    func run() async throws {
        let data = try command.input.readInput()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var parsed: [Line] = []
        for (index, raw) in lines.enumerated() where !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            parsed.append(parse(String(raw), number: index + 1))
        }
        var failures = 0
        var connectFailures = 0
        try await command.connection.withClient(connections: 2) { client in
            var results: [Int: String] = [:]
            var nextToPrint = 0
            try await withThrowingTaskGroup(of: (Int, Result<Response, PrecisError>).self) { group in
                var started = 0
                func startNext() {
                    let index = started
                    let line = parsed[index]
                    started += 1
                    let operation = line.operation
                    group.addTask {
                        guard let operation else {
                            return (index, .failure(PrecisError(code: .invalidArgument, message: line.problem ?? "invalid line")))
                        }
                        do throws(PrecisError) {
                            return (index, .success(try await client.call(operation)))
                        } catch {
                            return (index, .failure(error))
                        }
                    }
                }
                while started < min(parsed.count, command.input.concurrency) { startNext() }
                while let (index, result) = try await group.next() {
                    let (text, error) = line(for: parsed[index], result)
                    if let error {
                        failures += 1
                        if error.isConnectFailure { connectFailures += 1 }
                    }
                    results[index] = text
                    while let ready = results.removeValue(forKey: nextToPrint) {
                        print(ready)
                        nextToPrint += 1
                    }
                    if started < parsed.count { startNext() }
                }
            }
        }
        if connectFailures > 0 {
            throw CLIFailure(status: .cannotConnect, message: "cannot connect to the server (\(connectFailures) lines failed)")
        }
        if failures > 0 {
            throw CLIFailure(status: .serverError, message: "\(failures) of \(parsed.count) lines failed")
        }
    }

    private func parse(_ raw: String, number: Int) -> Line {
        guard let object = try? JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any] else {
            return Line(number: number, id: "null", problem: "line \(number) is not a JSON object")
        }
        var id = "null"
        if let value = object["id"], let encoded = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) {
            id = String(decoding: encoded, as: UTF8.self)
        }
        guard let text = object["text"] as? String else {
            return Line(number: number, id: id, problem: "line \(number) has no string field \"text\"")
        }
        var format: Document.Format?
        if let name = object["format"] {
            guard let name = name as? String, let named = DocumentOptions.format(named: name) else {
                return Line(number: number, id: id, problem: "line \(number): \"format\" must be auto, text, markdown or html")
            }
            format = named
        }
        do {
            return Line(number: number, id: id, operation: try command.operation(for: command.input.document(text, format: format)))
        } catch {
            return Line(number: number, id: id, problem: "\(error)")
        }
    }

    /// The output line for one input line and its answer.
    private func line(for line: Line, _ result: Result<Response, PrecisError>) -> (String, PrecisError?) {
        switch result {
        case .success(let response):
            var json = command.result(of: response)?.jsonString() ?? "{}"
            json.removeFirst()  // the result's "{", to put the id first
            return ("{\"id\":\(line.id)" + (json == "}" ? "}" : "," + json), nil)
        case .failure(let error):
            return (errorLine(id: line.id, error), error)
        }
    }

    private func errorLine(id: String, _ error: PrecisError) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("code")
        writer.enumValue(error.code.protoName, error.code.rawValue)
        writer.key("message")
        writer.value(error.message)
        writer.endObject()
        return "{\"id\":\(id),\"error\":\(writer.output)}"
    }
}
