import Foundation
import PrecisCLIKit

/// The documents a run sends (`--input`): a text file (one document), a JSONL file (`.jsonl` or
/// `.ndjson`; one `{"id": ..., "text": ...}` object a line, only `text` is used), or a directory
/// (every visible regular file in it, by name; JSONL files among them give one document a line).
public enum BenchInput {
    public static func load(_ path: String) throws(BenchError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BenchError("--input \(path): no such file or directory")
        }
        var documents: [String] = []
        if isDirectory.boolValue {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
            } catch {
                throw BenchError("--input \(path): cannot list the directory: \(error.localizedDescription)")
            }
            for name in names {
                let file = (path as NSString).appendingPathComponent(name)
                var isSubdirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isSubdirectory), !isSubdirectory.boolValue else { continue }
                documents += try loadFile(file)
            }
        } else {
            documents = try loadFile(path)
        }
        guard !documents.isEmpty else { throw BenchError("--input \(path) holds no documents") }
        return documents
    }

    static func loadFile(_ path: String) throws(BenchError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        guard let text = String(validating: data, as: UTF8.self) else { throw BenchError("\(path) is not valid UTF-8 text") }
        if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
            return try parseJSONL(text, name: path)
        }
        return text.isEmpty ? [] : [text]
    }

    /// The `text` of every non-blank line of a JSONL file (lines end at LF or CRLF; read as
    /// `precis --jsonl` reads them).
    public static func parseJSONL(_ content: String, name: String = "input") throws(BenchError) -> [String] {
        var documents: [String] = []
        var splitter = LineSplitter(maxLineBytes: .max)
        var failure: BenchError?
        func take(_ number: Int, _ line: LineSplitter.Line) {
            guard failure == nil, case .bytes(let bytes) = line, !LineSplitter.isBlank(bytes) else { return }
            switch JSONLRecord.read(bytes, number: number) {
            case .success(let record): documents.append(record.text)
            case .failure(let problem): failure = BenchError("\(name): \(problem.message)")
            }
        }
        var content = content
        content.withUTF8 { splitter.feed($0, take) }
        splitter.finish(take)
        if let failure { throw failure }
        return documents
    }
}
