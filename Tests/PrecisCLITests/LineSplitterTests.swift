import PrecisCLIKit
import PropertyBased
import Testing

@Suite struct LineSplitterTests {
    /// Every line, as a string or as "<too long N>", fed in chunks of `chunk` bytes.
    func split(_ text: [UInt8], chunk: Int, max: Int = 1 << 20) -> [String] {
        var splitter = LineSplitter(maxLineBytes: max)
        var lines: [String] = []
        func take(_ number: Int, _ line: LineSplitter.Line) {
            #expect(number == lines.count + 1)
            switch line {
            case .bytes(let bytes): lines.append(String(decoding: bytes, as: UTF8.self))
            case .tooLong(let count): lines.append("<too long \(count)>")
            }
        }
        for start in stride(from: 0, to: text.count, by: chunk) {
            Array(text[start..<min(start + chunk, text.count)]).withUnsafeBufferPointer { splitter.feed($0, take) }
        }
        splitter.finish(take)
        return lines
    }

    @Test func crlfAndLFEndLinesAlikeInAnyChunking() async {
        await propertyCheck(input: Gen.int(in: 1...40)) { chunk in
            let text = Array("one\r\ntwo\n\r\nthree\r\n\nfour".utf8)
            #expect(split(text, chunk: chunk) == ["one", "two", "", "three", "", "four"])
        }
    }

    @Test func aLoneCRStaysInTheLine() {
        #expect(split(Array("a\rb\r\n\r".utf8), chunk: 2) == ["a\rb", "\r"])
    }

    @Test func longLinesAreReportedNotKept() {
        let text = Array(("short\n" + String(repeating: "x", count: 50) + "\r\nok\n" + String(repeating: "y", count: 20)).utf8)
        #expect(split(text, chunk: 7, max: 10) == ["short", "<too long 51>", "ok", "<too long 20>"])
        #expect(split(text, chunk: 1000, max: 10) == ["short", "<too long 51>", "ok", "<too long 20>"])
    }

    @Test func emptyInputHasNoLines() {
        #expect(split([], chunk: 3).isEmpty)
        #expect(split(Array("\n".utf8), chunk: 3) == [""])
    }
}
