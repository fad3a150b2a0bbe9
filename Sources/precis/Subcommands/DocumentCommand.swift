import ArgumentParser
import Foundation
import PrecisCLIKit
import PrecisClient
import PrecisWire

/// Where the document comes from; shared by parse, summarize, extract and analyze.
struct DocumentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The document to read; - or nothing reads standard input.", valueName: "FILE"))
    var file: String?

    @Option(name: .long, help: "The document text itself, instead of FILE.")
    var text: String?

    @Option(name: .long, help: "How to read the document: auto (sniff: HTML when it looks like a page), text, markdown or html. With --jsonl a line's own \"format\" wins.")
    var format: String = "auto"

    @Flag(name: .long, help: "Read JSON lines {\"id\": ..., \"text\": ...[, \"format\": ...][, \"reference_date\": \"YYYY-MM-DD\"]}; write one JSON line per input, in input order.")
    var jsonl = false

    @Option(name: .long, help: "With --jsonl: requests in flight at once (1-1024).")
    var concurrency: Int = 32

    func validate() throws {
        if text != nil && file != nil { throw ValidationError("give either FILE or --text, not both") }
        if text != nil && jsonl { throw ValidationError("--jsonl reads FILE or standard input, not --text") }
        if documentFormat == nil {
            throw ValidationError("--format must be auto, text, markdown or html, got \"\(format)\"")
        }
        if !(1...1024).contains(concurrency) { throw ValidationError("--concurrency must be between 1 and 1024") }
    }

    var documentFormat: Document.Format? { Self.format(named: format) }

    static func format(named name: String) -> Document.Format? {
        switch name.lowercased() {
        case "auto": .auto
        case "text": .text
        case "markdown", "md": .markdown
        case "html", "htm": .html
        default: nil
        }
    }

    /// The raw bytes of FILE or standard input.
    func readInput() throws -> Data {
        if file == nil || file == "-", FileInput.standardInputIsTerminal {
            printError("precis: reading the document from the terminal; end it with Ctrl-D (or give FILE or --text)")
        }
        return Data(try FileInput.readAll(path: file))
    }

    func document(_ text: String, format: Document.Format? = nil) -> Document {
        Document(text: text, format: format ?? documentFormat ?? .auto)
    }

    /// The one document of a plain (not --jsonl) call.
    func readDocument() throws -> Document {
        if let text { return document(text) }
        let data = try readInput()
        guard let text = Self.decode(data) else {
            throw CLIFailure(status: .usage, message: "\(file ?? "standard input") is neither UTF-8 nor Windows-1252 text")
        }
        return document(text)
    }

    /// The text of a document's bytes, whatever its format (as the engine's `PageBytes.decode` reads pages): a
    /// byte-order mark decides first (UTF-8, UTF-16 LE or BE); else valid UTF-8 is UTF-8; else the bytes are a
    /// Latin-1 or Windows-1252 file (a page, whatever its <meta charset> says, or a plain .txt) and are read as
    /// Windows-1252, as browsers read both labels. The wire carries UTF-8, so this is transcoded before sending.
    static func decode(_ data: Data) -> String? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return decode(data.dropFirst(3)) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16)
        }
        if let text = String(validating: data, as: UTF8.self) { return text }
        // Foundation refuses the five bytes Windows-1252 leaves undefined; Latin-1 maps every byte (those five
        // become the C1 controls browsers show).
        return String(data: data, encoding: .windowsCP1252) ?? String(data: data, encoding: .isoLatin1)
    }
}

/// A subcommand that sends one document and prints the answer.
protocol DocumentCommand: AsyncParsableCommand {
    var connection: ConnectionOptions { get }
    var output: OutputOptions { get }
    var input: DocumentOptions { get }
    func operation(for document: Document) throws -> Request.Operation
    /// The request for a `--jsonl` line that carries its own `"reference_date"` (`nil`: the flags' one).
    func operation(for document: Document, referenceDate: String?) throws -> Request.Operation
    /// The operation's result message, for --json and --jsonl.
    func result(of response: Response) -> (any JSONWritable)?
    /// The answer for people.
    func render(_ response: Response, document: Document) -> String
}

extension DocumentCommand {
    /// Commands whose requests have no reference date ignore a line's own.
    func operation(for document: Document, referenceDate: String?) throws -> Request.Operation {
        try operation(for: document)
    }

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
