import NIOCore
import NIOPosix
import PrecisClient
import PrecisWire
import Testing

/// A peer that answers the preface and then never answers a call.
private final class SilentPeer: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: Preface.byteCount)
        Preface.current.write(to: &buffer)
        context.writeAndFlush(NIOAny(buffer), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}

/// The client's own deadlines: a call the server never answers fails with DEADLINE_EXCEEDED at
/// its timeout, whatever the timeouts of the other calls on the same connection.
@Suite struct ClientDeadlineTests {
    @Test func eachCallFailsAtItsOwnDeadlineShortestFirst() async throws {
        let (server, port) = try await startPeer { SilentPeer() }
        let client = PrecisClient(host: "127.0.0.1", port: port, configuration: .init(connections: 1, retryOnConnectionLoss: false))
        let order = try await withThrowingTaskGroup(of: String.self) { group in
            // The long call goes first, so the connection's timer is armed for it; the short one
            // must move the timer earlier.
            group.addTask {
                do throws(PrecisError) {
                    _ = try await client.ping(timeout: .seconds(60))
                    Issue.record("a silent peer answered")
                } catch {
                    // Cancelled below once the short call is over, so the test does not wait a minute.
                    #expect(error.code == .cancelled)
                }
                return "long"
            }
            try await Task.sleep(for: .milliseconds(100))
            group.addTask {
                let sent = ContinuousClock.now
                do throws(PrecisError) {
                    _ = try await client.ping(timeout: .milliseconds(200))
                    Issue.record("a silent peer answered")
                } catch {
                    #expect(error.code == .deadlineExceeded)
                    #expect(error.message.contains("200 ms"))
                }
                // Long before the 60 s call's deadline: the timer was moved earlier for it. (The
                // bound is loose: parallel tests can starve the thread pool for seconds.)
                #expect(ContinuousClock.now - sent < .seconds(30))
                return "short"
            }
            var order: [String] = []
            order.append(try await group.next()!)
            group.cancelAll()
            for try await finished in group { order.append(finished) }
            return order
        }
        #expect(order == ["short", "long"])
        await client.close()
        try await server.close()
    }

    @Test func cancellingTheTaskEndsItsCallsAtOnce() async throws {
        let (server, port) = try await startPeer { SilentPeer() }
        let client = PrecisClient(host: "127.0.0.1", port: port, configuration: .init(connections: 1, retryOnConnectionLoss: false))
        let started = ContinuousClock.now
        let single = Task { () -> StatusCode? in
            do throws(PrecisError) {
                _ = try await client.ping(timeout: .seconds(30))
                return nil
            } catch {
                return error.code
            }
        }
        let batch = Task { await client.callBatch([.ping(PingRequest()), .info(InfoRequest())], timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        single.cancel()
        batch.cancel()
        #expect(await single.value == .cancelled)
        let answers = await batch.value
        #expect(failureCodes(answers) == Array(repeating: .cancelled, count: 2))
        // CANCELLED, not DEADLINE_EXCEEDED: the calls ended with their tasks, long before their
        // 30-second deadlines (the bound is loose: parallel tests can starve the thread pool).
        #expect(ContinuousClock.now - started < .seconds(25))
        await client.close()
        try await server.close()
    }
}
