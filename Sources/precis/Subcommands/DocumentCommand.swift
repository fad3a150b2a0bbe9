import ArgumentParser
import Foundation
import PrecisClient
import PrecisWire

/// Where the document comes from; shared by parse, summarize, extract and analyze.
struct DocumentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The document to read; - or nothing reads standard input.", valueName: "FILE"))
    var file: String?

    @Option(name: .long, help: "The document text itself, instead of FILE.")
    var text: String?

    @Option(name: .long, help: "How to read the document: auto, text or markdown.")
    var format: String = "auto"

    @Flag(name: .long, help: "Read JSON lines {\"id\": ..., \"text\": ...}; write one JSON line per input, in input order.")
    var jsonl = false

    @Option(name: .long, help: "With --jsonl: requests in flight at once.")
    var concurrency: Int = 32

    func validate() throws {
        if text != nil && file != nil { throw ValidationError("give either FILE or --text, not both") }
        if text != nil && jsonl { throw ValidationError("--jsonl reads FILE or standard input, not --text") }
        if documentFormat == nil { throw ValidationError("--format must be auto, text or markdown, got \"\(format)\"") }
        if !(1...1024).contains(concurrency) { throw ValidationError("--concurrency must be between 1 and 1024") }
    }

    var documentFormat: Document.Format? {
        switch format.lowercased() {
        case "auto": .auto
        case "text": .text
        case "markdown", "md": .markdown
        default: nil
        }
    }

    /// The raw bytes of FILE or standard input.
    func readInput() throws -> Data {
        if let file, file != "-" {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIFailure(status: .usage, message: "cannot read \(file)")
            }
            return data
        }
        return FileHandle.standardInput.readDataToEndOfFile()
    }

    func document(_ text: String) -> Document {
        Document(text: text, format: documentFormat ?? .auto)
    }

    /// The one document of a plain (not --jsonl) call.
    func readDocument() throws -> Document {
        if let text { return document(text) }
        let data = try readInput()
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIFailure(status: .usage, message: "\(file ?? "standard input") is not valid UTF-8 text")
        }
        return document(text)
    }
}

/// A subcommand that sends one document and prints the answer.
protocol DocumentCommand: AsyncParsableCommand {
    var connection: ConnectionOptions { get }
    var output: OutputOptions { get }
    var input: DocumentOptions { get }
    func operation(for document: Document) throws -> Request.Operation
    /// The operation's result message, for --json and --jsonl.
    func result(of response: Response) -> (any JSONWritable)?
    /// The answer for people.
    func render(_ response: Response, document: Document) -> String
}

extension DocumentCommand {
    func run() async throws {
        if input.jsonl {
            try await JSONLRunner(command: self).run()
            return
        }
        let document = try input.readDocument()
        let operation = try operation(for: document)
        let response = try await connection.withClient { client in
            try await client.call(operation)
        }
        if output.json {
            print(result(of: response)?.jsonString(pretty: true) ?? "{}")
        } else {
            print(render(response, document: document), terminator: "")
        }
    }
}
