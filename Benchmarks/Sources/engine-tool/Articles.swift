import Foundation
import PrecisEngine

/// engine-tool articles DIR — reads every `*.html` / `*.html.gz` page in DIR (bytes decoded with
/// ``PageBytes``), parses it as HTML and writes `{"id", "title", "body"}` lines (the id is the file name without
/// its extensions; the body is the article's body blocks, captions left out, one per line), the format of
/// `score_ner.py articles`.
///
/// engine-tool time-articles DIR [--repeat N] — the same pages read N times (default 5) after loading them, and
/// one JSON line with pages per second of CPU time. Each read starts from the page's bytes (gunzipped, as
/// trafilatura_time.py also gives trafilatura): decoding them (``PageBytes``) is timed, as trafilatura's
/// decoding is, then `parse` with format html (libxml2, article finding, and the text pipeline's sentences and
/// tokens over the extracted text).
enum Articles {
    static func run(mode: String, directory: String, repeats: Int) throws {
        let engine = Engine()
        if mode == "articles" {
            for (id, text) in try load(directory) {
                let document = try engine.parse(text, format: .html)
                let utf8 = Array(document.text.utf8)
                let body = document.paragraphs.filter(\.kind.isBody).map {
                    String(decoding: utf8[$0.span.start..<$0.span.end], as: UTF8.self)
                }
                EngineTool.emit(["id": id, "title": document.title?.text ?? "", "body": body.joined(separator: "\n")])
            }
            return
        }
        let raw = try loadBytes(directory)
        let bytes = raw.reduce(0) { $0 + $1.count }
        let start = clock()
        var paragraphs = 0
        for _ in 0..<repeats {
            for page in raw { paragraphs += try engine.parse(PageBytes.decode(page), format: .html).paragraphs.count }
        }
        let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
        let count = Double(raw.count * repeats)
        print(
            "{\"system\":\"precis\",\"pages\":\(Int(count)),\"megabytes_per_pass\":\(Double(bytes) / 1e6),"
                + "\"cpu_seconds\":\(seconds),\"pages_per_cpu_second\":\(count / seconds),"
                + "\"paragraphs_per_pass\":\(paragraphs / repeats)}"
        )
    }

    static func load(_ directory: String) throws -> [(String, String)] {
        try loadNamed(directory).map { ($0.id, PageBytes.decode($0.bytes)) }
    }

    static func loadBytes(_ directory: String) throws -> [[UInt8]] {
        try loadNamed(directory).map(\.bytes)
    }

    /// Every page's id and bytes, gunzipped.
    static func loadNamed(_ directory: String) throws -> [(id: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var pages: [(id: String, bytes: [UInt8])] = []
        for name in names where name.hasSuffix(".html") || name.hasSuffix(".html.gz") {
            let path = (directory as NSString).appendingPathComponent(name)
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            if name.hasSuffix(".gz") { data = try gunzip(path) }
            pages.append((String(name.prefix { $0 != "." }), Array(data)))
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
