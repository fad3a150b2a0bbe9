import Foundation
import PrecisEngine

/// engine-tool articles DIR — reads every `*.html` / `*.html.gz` page in DIR (bytes decoded with
/// ``PageBytes``), parses it as HTML and writes `{"id", "title", "body"}` lines (the id is the file name without
/// its extensions; the body is the article's body blocks, captions left out, one per line), the format of
/// `score_ner.py articles`.
///
/// engine-tool time-articles DIR [--repeat N] — the same pages parsed N times (default 5) after loading them,
/// and one JSON line with pages per second of CPU time.
enum Articles {
    static func run(mode: String, directory: String, repeats: Int) throws {
        let pages = try load(directory)
        let engine = Engine()
        if mode == "articles" {
            for (id, text) in pages {
                let document = try engine.parse(text, format: .html)
                let utf8 = Array(document.text.utf8)
                let body = document.paragraphs.filter(\.kind.isBody).map {
                    String(decoding: utf8[$0.span.start..<$0.span.end], as: UTF8.self)
                }
                EngineTool.emit(["id": id, "title": document.title?.text ?? "", "body": body.joined(separator: "\n")])
            }
            return
        }
        let bytes = pages.reduce(0) { $0 + $1.1.utf8.count }
        let start = clock()
        var paragraphs = 0
        for _ in 0..<repeats {
            for (_, text) in pages { paragraphs += try engine.parse(text, format: .html).paragraphs.count }
        }
        let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
        let count = Double(pages.count * repeats)
        print(
            "{\"system\":\"precis\",\"pages\":\(Int(count)),\"megabytes_per_pass\":\(Double(bytes) / 1e6),"
                + "\"cpu_seconds\":\(seconds),\"pages_per_cpu_second\":\(count / seconds),"
                + "\"paragraphs_per_pass\":\(paragraphs / repeats)}"
        )
    }

    static func load(_ directory: String) throws -> [(String, String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var pages: [(String, String)] = []
        for name in names where name.hasSuffix(".html") || name.hasSuffix(".html.gz") {
            let path = (directory as NSString).appendingPathComponent(name)
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            if name.hasSuffix(".gz") { data = try gunzip(path) }
            let id = String(name.prefix { $0 != "." })
            pages.append((id, PageBytes.decode(Array(data))))
        }
        return pages
    }

    static func gunzip(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
