import NIOCore
import Testing

@testable import PrecisServer

@Suite struct LogTextTests {
    @Test func controlCharactersCannotStartALine() {
        let forged = "x\r\n2026-01-01T00:00:00+0000 critical precisd: FORGED\u{1B}[2J\u{7F}\u{85}\u{2028}\u{202E}"
        let escaped = LogText.escaped(forged, limit: 200)
        #expect(escaped == "x\\r\\n2026-01-01T00:00:00+0000 critical precisd: FORGED\\u{1B}[2J\\u{7F}\\u{85}\\u{2028}\\u{202E}")
        for value in 0..<0x100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let out = LogText.escaped("a" + String(scalar) + "b")
            #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }, "U+\(value)")
        }
    }

    @Test func plainTextIsKeptAndQuotesAreEscaped() {
        #expect(LogText.escaped("2026-11-24 Zürich €5") == "2026-11-24 Zürich €5")
        #expect(LogText.quoted("say \"hi\" \\o/") == "\"say \\\"hi\\\" \\\\o/\"")
        #expect(LogText.escaped("say \"hi\"\n", quotes: false) == "say \"hi\"\\n")
    }

    @Test func longTextIsCutOnAScalarWithItsLengthSaid() {
        let long = String(repeating: "é", count: 1_000_000)
        let escaped = LogText.escaped(long, limit: 10)
        #expect(escaped == String(repeating: "é", count: 10) + "…(1999980 more bytes)")
        #expect(LogText.escaped("short", limit: 5) == "short")
    }
}

@Suite struct LogRateLimiterTests {
    @Test func aBurstThenTheRateThenTheCountOfWhatWasLeftOut() {
        var limiter = LogRateLimiter(perSecond: 2, burst: 3)
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        for _ in 0..<3 { #expect(limiter.admit(at: start) == (true, 0)) }
        for _ in 0..<1000 { #expect(limiter.admit(at: start).write == false) }
        #expect(limiter.suppressed == 1000)
        // Half a second later one token is back: the line reports the 1000 left out.
        #expect(limiter.admit(at: start + .milliseconds(500)) == (true, 1000))
        #expect(limiter.admit(at: start + .milliseconds(500)).write == false)
        // A long quiet spell refills up to the burst, no more.
        let later = start + .seconds(60)
        for _ in 0..<3 { #expect(limiter.admit(at: later).write) }
        #expect(limiter.admit(at: later).write == false)
    }

    @Test func aRateOfZeroWritesOnlyTheBurst() {
        var limiter = LogRateLimiter(perSecond: 0, burst: 1)
        let start = NIODeadline.uptimeNanoseconds(0)
        #expect(limiter.admit(at: start).write)
        #expect(limiter.admit(at: start + .seconds(3600)).write == false)
    }
}
