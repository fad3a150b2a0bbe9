import Testing

@testable import PrecisServer

/// `/proc/self/stat` and `statm` read into the standard process metrics.
@Suite struct ProcessMetricsTests {
    @Test func statFieldsCountFromTheLastParenthesis() throws {
        // An invented process whose command name holds spaces and a parenthesis.
        let stat = "4242 (pre cisd) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 50 0 0 20 0 6 0 1000 679636992 6800 "
            + "18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0"
        let metrics = try #require(ProcessMetrics.parse(
            stat: stat, statm: "165927 6800 3000 1 0 20000 0", ticksPerSecond: 100, pageBytes: 4096,
            bootTime: 1_796_000_000, openFileDescriptors: 19, maxFileDescriptors: 1024
        ))
        #expect(metrics.cpuSeconds == 3.0)  // (250 + 50) ticks
        #expect(metrics.residentBytes == 6800 * 4096)
        #expect(metrics.virtualBytes == 679_636_992)
        #expect(metrics.startTimeSeconds == 1_796_000_010)  // boot + 1000 ticks
        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(text.contains("\nprocess_open_fds 19\n") && text.contains("\nprocess_max_fds 1024\n"))
    }

    @Test func aTruncatedStatIsNotRead() {
        #expect(ProcessMetrics.parse(
            stat: "4242 (precisd) S 1 2 3", statm: "1 2", ticksPerSecond: 100, pageBytes: 4096,
            bootTime: 0, openFileDescriptors: 0, maxFileDescriptors: nil
        ) == nil)
    }

    @Test func helpIsAddedBeforeEachKnownType() {
        let text = Array("# TYPE precis_uptime_seconds gauge\nprecis_uptime_seconds 3\n# TYPE other counter\nother 1\n".utf8)
        #expect(String(decoding: Exposition.withHelp(text), as: UTF8.self)
            == "# HELP precis_uptime_seconds Seconds since the server started.\n# TYPE precis_uptime_seconds gauge\n"
            + "precis_uptime_seconds 3\n# TYPE other counter\nother 1\n")
    }
}
