import FuzzSupport
import PrecisCLIKit
import PrecisWire

/// Arbitrary bytes as a `--jsonl` input file, fed to the line splitter in chunks whose size the
/// first byte picks, and every line read as a JSON line. Nothing may crash, hang or read out of
/// bounds. Invariants: one line per LF (and one for a last line without it); an accepted line's
/// id reads back as the same id, and its text, written as JSON and read again, is the same text.
@main
enum FuzzJSONL {
    static func main() {
        exit(runFuzzer { data, count in
            let bytes = fuzzInput(data, count)
            let chunk = Int(bytes.first ?? 1) % 64 + 1
            var splitter = LineSplitter(maxLineBytes: 4096)
            var lines = 0
            func take(_ number: Int, _ line: LineSplitter.Line) {
                lines += 1
                if number != lines { fatalError("line \(number) reported as line \(lines)") }
                guard case .bytes(let line) = line, !LineSplitter.isBlank(line) else { return }
                guard case .success(let record) = JSONLRecord.read(line, number: number) else { return }
                var writer = JSONWriter()
                writer.value(record.text)
                let again = "{\"id\":\(record.id),\"text\":\(writer.output)}"
                var copy = Array(again.utf8)
                let reread = copy.withUnsafeMutableBufferPointer { JSONLRecord.read(UnsafeBufferPointer($0), number: 1) }
                guard case .success(let second) = reread else { fatalError("a record written back does not read: \(again)") }
                if second.id != record.id || second.text != record.text { fatalError("round trip changed \(again)") }
            }
            var start = 0
            while start < bytes.count {
                let end = min(start + chunk, bytes.count)
                splitter.feed(UnsafeBufferPointer(rebasing: bytes[start..<end]), take)
                start = end
            }
            splitter.finish(take)
            let newlines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let expected = newlines + (bytes.last.map { $0 != 0x0A } ?? false ? 1 : 0)
            if lines != expected { fatalError("\(lines) lines, expected \(expected)") }
            return 0
        })
    }
}

#if canImport(Glibc)
import Glibc
#endif
