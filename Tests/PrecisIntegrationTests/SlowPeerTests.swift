import NIOCore
import NIOPosix
import PrecisClient
import PrecisWire
import Testing

/// Peers that are slow or stop halfway hold no more than their connection, and not for long.
@Suite struct SlowPeerTests {
    @Test func connectionWithoutAPrefaceIsClosed() async throws {
        try await withTestServer({ $0.prefaceTimeout = .milliseconds(300) }) { port in
            try await RawConnection.withConnection(port: port) { io in
                // Half a preface, then nothing. On a loaded machine the timeout may already have closed
                // the connection before these bytes go out; the outcome checked below is the same.
                try? await io.send(Array("PREC".utf8))
                let rest = try await io.readToEnd()
                #expect(rest.isEmpty)
                #expect(io.closedByPeer)
            }
        }
    }

    @Test func connectionStalledMidFrameGetsAnIDZeroAnswerAndIsClosed() async throws {
        try await withTestServer({ $0.frameTimeout = .milliseconds(300) }) { port in
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                #expect(try await io.expectServerPreface() == .current)
                try await io.send([0, 0, 0, 100] + [UInt8](repeating: 0x08, count: 10))  // 10 of 100 bytes
                let answer = try #require(try await io.readResponse())
                #expect(answer.id == 0)
                #expect(answer.status?.code == .deadlineExceeded)
                #expect(try await io.readToEnd().isEmpty)
                #expect(io.closedByPeer)
            }
        }
    }

    @Test func aDribbledFrameIsClosedAtItsDeadline() async throws {
        try await withTestServer({ $0.frameTimeout = .milliseconds(400) }) { port in
            try await RawConnection.withConnection(port: port) { io in
                try await io.sendPreface()
                #expect(try await io.expectServerPreface() == .current)
                var frame = ByteBuffer()
                try frame.writeFrame(Request(id: 9, operation: .ping(PingRequest(payload: [UInt8](repeating: 9, count: 40)))))
                // One byte every 100 ms: never silent for the timeout, but the whole frame would
                // take 4.6 s, far past its deadline of 400 ms after the first byte.
                for byte in frame.readableBytesView {
                    do {
                        try await io.send([byte])
                    } catch {
                        break  // the server closed the connection
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
                let answer = try #require(try await io.readResponse())
                #expect(answer.id == 0)
                #expect(answer.status?.code == .deadlineExceeded)
                #expect(try await io.readToEnd().isEmpty)
                #expect(io.closedByPeer)
            }
        }
    }

    @Test func clientThatNeverReadsIsPushedBackNotBuffered() async throws {
        try await withTestServer { port in
            let client = testClient(port: port, connections: 1)
            // Pings with 60 KB payloads, written as fast as the connection takes them, never read.
            var request = ByteBuffer()
            try request.writeFrame(Request(id: 1, operation: .ping(PingRequest(payload: [UInt8](repeating: 7, count: 60_000)))))
            let frame = request
            let written = try await RawConnection.withConnection(port: port) { io -> Int in
                var total = 0
                let start = NIODeadline.now()
                try await io.sendPreface()
                let outbound = io.outbound
                // Each write waits while the channel is not writable; once the server stops
                // reading, the socket buffers fill and the writes stop completing.
                while NIODeadline.now() - start < .seconds(5), total < 2_000_000_000 {
                    let sent = try await withThrowingTaskGroup(of: Bool.self) { group in
                        group.addTask {
                            // The same ping again and again: a ping is answered at once, so its
                            // id is free again by the time the next copy is read.
                            try await outbound.write(frame)
                            return true
                        }
                        group.addTask {
                            try await Task.sleep(for: .seconds(1))
                            return false
                        }
                        let first = try await group.next()!
                        group.cancelAll()
                        return first
                    }
                    if !sent { break }
                    total += frame.readableBytes
                }
                return total
            }
            // The server stopped reading long before it could have buffered everything sent.
            #expect(written < 200_000_000)
            // Meanwhile, everyone else is served.
            #expect(try await client.ping([1]) == [1])
            await client.close()
        }
    }
}
