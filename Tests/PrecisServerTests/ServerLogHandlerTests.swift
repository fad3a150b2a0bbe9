import Foundation
import Logging
import Synchronization
import Testing

@testable import PrecisServer

/// precisd's log lines: millisecond UTC timestamps, text and JSON, one write per line.
@Suite struct ServerLogHandlerTests {
    @Test func timestampsAreUTCToTheMillisecond() {
        #expect(ServerLogHandler.timestamp(seconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(ServerLogHandler.timestamp(seconds: 1_796_408_040.0071) == "2026-12-04T18:14:00.007Z")
        #expect(ServerLogHandler.timestamp(seconds: 951_782_399.9999) == "2000-02-28T23:59:59.999Z")
    }

    @Test func textLinesCarryTheMetadataSortedBeforeTheSource() {
        let line = ServerLogHandler.line(
            format: .text, time: "T", level: .warning, label: "precisd", source: "PrecisServer",
            message: "refusing request", metadata: ["op": "parse", "id": "7"]
        )
        #expect(line == "T warning precisd: id=7 op=parse [PrecisServer] refusing request\n")
    }

    @Test func jsonLinesAreOneObjectWithTheMetadataBesideTheFixedKeys() throws {
        let line = ServerLogHandler.line(
            format: .json, time: "T", level: .info, label: "precisd", source: "PrecisServer",
            message: "quote \" and\nnewline", metadata: ["conn": "3", "message": "clash"]
        )
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == ["time": "T", "level": "info", "label": "precisd", "source": "PrecisServer", "message": "quote \" and\nnewline", "conn": "3"])
    }

    @Test func eachEventIsOneWrite() {
        let writes = Mutex<[String]>([])
        var handler = ServerLogHandler(label: "precisd", format: .text, level: .info) { bytes in
            writes.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
        }
        handler[metadataKey: "conn"] = "1"
        let logger = Logger(label: "precisd") { _ in handler }
        logger.info("hello", metadata: ["id": "2"])
        logger.debug("not at this level")
        let lines = writes.withLock { $0 }
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix(" info precisd: conn=1 id=2 [PrecisServerTests] hello\n") == true)
    }

    @Test func accessLinesAsTextAndJSON() throws {
        let entry = AccessLog.Entry(
            time: "T", peer: "127.0.0.1:5000", connection: 3, id: 7, operation: "parse", status: "OK",
            bytesIn: 120, bytesOut: 900, queueMicros: 12, runMicros: nil, totalMicros: 400
        )
        #expect(AccessLog.line(entry, format: .text)
            == "T peer=127.0.0.1:5000 conn=3 id=7 op=parse status=OK in=120 out=900 queue_us=12 run_us=- total_us=400\n")
        let json = AccessLog.line(entry, format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["op"] as? String == "parse" && object["in"] as? Int == 120 && object["queue_us"] as? Int == 12)
        #expect(object["run_us"] == nil && object["id"] as? String == "7")
    }
}
