import CoreMetrics
import Logging
import NIOCore
import NIOEmbedded
import PrecisEngine
import PrecisWire
import Testing

@testable import PrecisServer

/// The connection handler on an `EmbeddedChannel`, with the embedded loop's fake clock: timers
/// fire when the test advances time, and nothing sleeps.
///
/// Document work dispatched here never comes back: a worker skips work whose deadline has passed
/// by the real clock, and deadlines here count on the embedded clock, which starts at zero. So a
/// parse request stays in flight until the test advances time past its deadline, when the
/// handler answers DEADLINE_EXCEEDED: a stand-in for work that takes as long as the test wants.
@Suite struct ServerConnectionHandlerTests {
    static let engine = Engine()

    private func makeChannel(
        budget: OutputBudget? = nil,
        heldDecodes: HeldDecodes? = nil,
        _ configure: (inout PrecisServer.Configuration) -> Void = { _ in }
    ) throws -> (EmbeddedChannel, ServerConnectionHandler, FakeSocket) {
        var configuration = PrecisServer.Configuration.defaults
        configuration.workers = 1
        configure(&configuration)
        let metrics = ServerMetrics(factory: NOOPMetricsHandler.instance)
        let router = RequestRouter(
            engine: Self.engine, configuration: configuration, startedAt: .now(), metrics: metrics,
            rejections: RejectionLog(perSecond: configuration.rejectionLogRate, burst: configuration.rejectionLogBurst)
        )
        let handler = ServerConnectionHandler(
            router: router,
            pool: WorkerPool(threads: 1, limit: 1024),
            outputBudget: budget ?? OutputBudget(limit: configuration.maxUnreadBytes),
            overCapacity: false,
            logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            decodeElsewhere: heldDecodes?.decode ?? ServerConnectionHandler.decodeOnThreadPool
        )
        let counter = FakeSocket()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(counter)
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.connect(to: .init(ipAddress: "127.0.0.1", port: 1)).wait()
        return (channel, handler, counter)
    }

    private func preface() -> ByteBuffer {
        var buffer = ByteBuffer()
        Preface.current.write(to: &buffer)
        return buffer
    }

    private func parseFrame(id: UInt64, timeoutMs: UInt32) throws -> ByteBuffer {
        var buffer = ByteBuffer()
        let document = PrecisWire.Document(text: "One sentence.")
        try buffer.writeFrame(Request(id: id, timeoutMs: timeoutMs, operation: .parse(ParseRequest(document: document))))
        return buffer
    }

    /// Every response written so far (after the server's preface).
    private func responses(_ channel: EmbeddedChannel, skipPreface: inout Bool) throws -> [Response] {
        var all = ByteBuffer()
        while var chunk = try channel.readOutbound(as: ByteBuffer.self) { all.writeBuffer(&chunk) }
        return try Self.decodeResponses(&all, skipPreface: &skipPreface)
    }

    static func decodeResponses(_ all: inout ByteBuffer, skipPreface: inout Bool) throws -> [Response] {
        if skipPreface {
            all.moveReaderIndex(forwardBy: Preface.byteCount)
            skipPreface = false
        }
        var result: [Response] = []
        while let length = all.readInteger(as: UInt32.self), let payload = all.readSlice(length: Int(length)) {
            result.append(try Response(decoding: payload))
        }
        return result
    }

    @Test func framesBeyondTheInFlightLimitStayUndecodedUntilAnswersGoOut() throws {
        let (channel, handler, counter) = try makeChannel { $0.maxInFlightPerConnection = 4 }
        var bytes = preface()
        for id in 1...10 { var frame = try parseFrame(id: UInt64(id), timeoutMs: 1000); bytes.writeBuffer(&frame) }
        try channel.writeInbound(bytes)  // ten frames in one read
        #expect(handler.machine.inFlight.count == 4)
        let readsBefore = counter.reads
        channel.read()
        #expect(counter.reads == readsBefore)  // the socket is not read while frames wait
        var skip = true
        #expect(try responses(channel, skipPreface: &skip).isEmpty)

        // The four deadlines pass: four answers, and four more frames are decoded.
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1000))
        #expect(try responses(channel, skipPreface: &skip).map(\.id) .sorted() == [1, 2, 3, 4])
        #expect(handler.machine.inFlight.count == 4)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1000))
        #expect(handler.machine.inFlight.count == 2)  // the last two; nothing left to decode
        #expect(counter.reads == readsBefore + 1)  // the held read went out
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1000))
        let last = try responses(channel, skipPreface: &skip)
        #expect(last.count == 6)
        #expect(last.allSatisfy { $0.status?.code == .deadlineExceeded })
        _ = try? channel.finish()
    }

    @Test func aFrameMustBeWholeWithinTheFrameTimeoutOfItsFirstByte() throws {
        let (channel, _, _) = try makeChannel { $0.frameTimeout = .seconds(10) }
        try channel.writeInbound(preface())
        var frame = ByteBuffer()
        try frame.writeFrame(Request(id: 3, operation: .ping(PingRequest(payload: [1, 2, 3]))))
        // One byte every 3 s: each gap is well inside the timeout, the whole frame is not.
        for _ in 0..<4 {
            try channel.writeInbound(frame.readSlice(length: 1)!)
            channel.embeddedEventLoop.advanceTime(by: .seconds(3))
        }
        #expect(channel.isActive == false)
        var skip = true
        let answers = try responses(channel, skipPreface: &skip)
        #expect(answers.count == 1)
        #expect(answers.first?.id == 0)
        #expect(answers.first?.status?.code == .deadlineExceeded)
        _ = try? channel.finish()
    }

    @Test func atItsMaximumAgeAConnectionGetsAGoAwayAndClosesAtTheGrace() throws {
        let (channel, _, _) = try makeChannel {
            $0.maxConnectionAge = .seconds(10)
            $0.maxConnectionAgeGrace = .seconds(5)
        }
        try channel.writeInbound(preface())
        try channel.writeInbound(try parseFrame(id: 1, timeoutMs: 60_000))  // stays in flight
        var skip = true
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(8_900))  // under 10 s - 10%
        #expect(try responses(channel, skipPreface: &skip).isEmpty)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(2_200))  // past 10 s + 10%
        let notice = try responses(channel, skipPreface: &skip)
        #expect(notice.count == 1)
        guard case .goAway(let goAway)? = notice.first?.body else {
            Issue.record("no GoAway: \(notice)")
            return
        }
        #expect(goAway.graceMs == 5_000)
        #expect(channel.isActive)  // the parse is still in flight
        // The notice went at 9-11 s (the jitter), so the close comes at 14-16 s.
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(2_800))  // 13.9 s
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(2_200))  // 16.1 s
        #expect(!channel.isActive)
        _ = try? channel.finish()
    }

    @Test func withoutAMaximumAgeAConnectionIsKept() throws {
        let (channel, _, _) = try makeChannel()
        try channel.writeInbound(preface())
        try channel.writeInbound(try parseFrame(id: 1, timeoutMs: 3_600_000))
        channel.embeddedEventLoop.advanceTime(by: .minutes(30))
        var skip = true
        #expect(try responses(channel, skipPreface: &skip).isEmpty)
        #expect(channel.isActive)
        _ = try? channel.finish()
    }

    @Test func aCancelAnswersItsRequestCancelledAtOnceAndNothingElse() throws {
        let (channel, _, _) = try makeChannel()
        try channel.writeInbound(preface())
        try channel.writeInbound(try parseFrame(id: 5, timeoutMs: 60_000))  // stays in flight
        var cancels = ByteBuffer()
        try cancels.writeFrame(Request(id: 5, operation: .cancel(CancelRequest())))
        try cancels.writeFrame(Request(id: 99, operation: .cancel(CancelRequest())))  // not in flight
        try channel.writeInbound(cancels)
        channel.embeddedEventLoop.run()
        var skip = true
        let answers = try responses(channel, skipPreface: &skip)
        #expect(answers.map(\.id) == [5])
        #expect(answers.first?.status?.code == .cancelled)
        // The id is free again, and the deadline of the cancelled request answers nothing more.
        try channel.writeInbound(try parseFrame(id: 5, timeoutMs: 1_000))
        channel.embeddedEventLoop.advanceTime(by: .seconds(61))
        let later = try responses(channel, skipPreface: &skip)
        #expect(later.map(\.id) == [5])
        #expect(later.first?.status?.code == .deadlineExceeded)
        _ = try? channel.finish()
    }

    @Test func aBusyConnectionIsKeptAndAnIdleOneGetsAGoingAwayNoticeThenTheClose() throws {
        let (channel, _, _) = try makeChannel { $0.idleTimeout = .milliseconds(400) }
        try channel.writeInbound(preface())
        var skip = true
        // A ping every 100 ms for longer than the idle timeout: each answered, no notice.
        for id in 1...8 {
            var frame = ByteBuffer()
            try frame.writeFrame(Request(id: UInt64(id), operation: .ping(PingRequest())))
            try channel.writeInbound(frame)
            channel.embeddedEventLoop.advanceTime(by: .milliseconds(100))
            #expect(try responses(channel, skipPreface: &skip).map(\.id) == [UInt64(id)])
        }
        // Then silent: a going-away notice once the timeout has passed since the last ping.
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(250))
        #expect(try responses(channel, skipPreface: &skip).isEmpty)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(100))
        let notice = try responses(channel, skipPreface: &skip)
        #expect(notice.map(\.id) == [0])
        #expect(notice.first?.status?.code == .unavailable)
        if case .goAway? = notice.first?.body {} else { Issue.record("expected a going-away notice, got \(notice)") }
        // Nothing in flight: closed within the one-second linger.
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
        _ = try? channel.finish()
    }

    @Test func aPeerStalledMidFrameGetsAnIDZeroAnswerBeforeTheClose() throws {
        let (channel, _, _) = try makeChannel { $0.frameTimeout = .seconds(2) }
        try channel.writeInbound(preface())
        try channel.writeInbound(ByteBuffer(bytes: [0, 0]))  // half a length
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
        var skip = true
        let answers = try responses(channel, skipPreface: &skip)
        #expect(answers.map(\.id) == [0])
        #expect(answers.first?.status?.code == .deadlineExceeded)
        _ = try? channel.finish()
    }

    @Test func afterAnOversizedFrameNothingMoreIsRead() throws {
        let (channel, handler, counter) = try makeChannel { $0.maxFrameBytes = 1000 }
        try channel.writeInbound(preface())
        let before = counter.reads
        channel.read()
        #expect(counter.reads == before + 1)
        var header = ByteBuffer()
        header.writeInteger(UInt32(0xFFFF_FFF0))
        try channel.writeInbound(header)
        #expect(handler.machine.state == .closed)
        channel.read()
        #expect(counter.reads == before + 1)  // not forwarded: no more bytes are taken in
        _ = try? channel.finish()
    }

    @Test func afterAFatalErrorTheConnectionClosesWithinTheLingerEvenIfTheClientNeverReads() throws {
        let (channel, _, socket) = try makeChannel {
            $0.maxFrameBytes = 1000
            $0.closeLinger = .seconds(2)
        }
        try channel.writeInbound(preface())
        socket.holdWrites = true  // from now on nothing the server writes is ever read
        var header = ByteBuffer()
        header.writeInteger(UInt32(0xFFFF_FFF0))
        try channel.writeInbound(header)
        var skip = false
        let answers = try Self.decodeResponses(&socket.held, skipPreface: &skip)
        #expect(answers.map(\.status?.code) == [.resourceExhausted])
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
        _ = try? channel.finish()
    }

    @Test func largeFramesAreDecodedElsewhereAndTheFramesBehindThemWait() throws {
        let held = HeldDecodes()
        let (channel, handler, _) = try makeChannel(heldDecodes: held) { $0.offloadDecodeBytes = 1000 }
        var bytes = preface()
        try bytes.writeFrame(Request(id: 1, operation: .ping(PingRequest(payload: [UInt8](repeating: 1, count: 2000)))))
        try bytes.writeFrame(Request(id: 2, operation: .ping(PingRequest(payload: [2]))))
        bytes.writeInteger(UInt32(1500))
        bytes.writeBytes([UInt8](repeating: 0xFF, count: 1500))  // large and undecodable
        try channel.writeInbound(bytes)
        var skip = true
        #expect(held.pending.count == 1)  // the large ping went elsewhere
        #expect(try responses(channel, skipPreface: &skip).isEmpty)  // the small one waits behind it
        #expect(!handler.machine.canDecode)
        held.completeAll()
        channel.embeddedEventLoop.run()
        #expect(try responses(channel, skipPreface: &skip).map(\.id) == [1, 2])
        #expect(held.pending.count == 1)  // the undecodable frame
        held.completeAll()
        channel.embeddedEventLoop.run()
        let last = try responses(channel, skipPreface: &skip)
        #expect(last.map(\.id) == [0])
        #expect(last.first?.status?.code == .invalidArgument)
        #expect(handler.machine.canDecode)
        _ = try? channel.finish()
    }

    @Test func whileTheServersUnreadBudgetIsSpentNewDocumentWorkIsRefused() throws {
        let budget = OutputBudget(limit: 1000)
        #expect(budget.tryReserve(5000))  // another connection's unread answer
        let (channel, handler, _) = try makeChannel(budget: budget)
        var bytes = preface()
        var parse = try parseFrame(id: 4, timeoutMs: 60_000)
        bytes.writeBuffer(&parse)
        try bytes.writeFrame(Request(id: 5, operation: .ping(PingRequest(payload: [5]))))
        try channel.writeInbound(bytes)
        var skip = true
        let answers = try responses(channel, skipPreface: &skip)
        #expect(answers.map(\.id) == [4, 5])
        #expect(answers.map { $0.status?.code ?? .ok } == [.resourceExhausted, .ok])
        #expect(handler.machine.inFlight.isEmpty)
        budget.release(5000)
        _ = try? channel.finish()
    }

    @Test func answersPastTheUnreadBudgetAreReplacedByResourceExhausted() throws {
        let (channel, handler, socket) = try makeChannel {
            $0.maxUnreadBytesPerConnection = 10_000
            $0.maxInFlightPerConnection = 8
        }
        try channel.writeInbound(preface())
        _ = try channel.readOutbound(as: ByteBuffer.self)  // the server's preface
        socket.holdWrites = true
        var frames = ByteBuffer()
        for id in 1...3 { var frame = try parseFrame(id: UInt64(id), timeoutMs: 60_000); frames.writeBuffer(&frame) }
        try channel.writeInbound(frames)
        #expect(handler.machine.inFlight.count == 3)
        // The workers' answers come back, 8,000 bytes each (a stand-in for a parse with tokens).
        func answer(_ id: UInt64) throws {
            var frame = ByteBuffer()
            try frame.writeFrame(Response(id: id, status: Status(code: .ok), body: .ping(PingResponse(payload: [UInt8](repeating: 1, count: 8000)))))
            let ticket = try #require(handler.machine.inFlight[id]?.ticket)
            let outcome = RequestOutcome(.parse, .ok, nanoseconds: 0)
            handler.finish(id: id, ticket: ticket, answer: .encoded(frame), outcome: outcome)
        }
        try answer(1)  // nothing queued: it goes out
        try answer(2)  // 8,000 unread + 8,000 > 10,000: refused
        var skip = false
        let first = try Self.decodeResponses(&socket.held, skipPreface: &skip)
        #expect(first.map(\.id) == [1, 2])
        #expect(first.map(\.status?.code) == [.ok, .resourceExhausted])
        #expect(handler.machine.queuedAnswerBytes > 8000)
        socket.releaseWrites()  // the client reads
        #expect(handler.machine.queuedAnswerBytes == 0)
        try answer(3)
        let second = try Self.decodeResponses(&socket.held, skipPreface: &skip)
        #expect(second.map(\.status?.code) == [.ok])
        _ = try? channel.finish()
    }
}

/// Decodes held until the test lets them finish, as a thread pool that has not got to them yet
/// would. Only touched on the test's thread (the embedded event loop runs there), hence the
/// unchecked `Sendable`.
final class HeldDecodes: @unchecked Sendable {
    private(set) var pending: [(ByteBuffer, EventLoopPromise<Result<Request, WireError>>)] = []

    var decode: ServerConnectionHandler.DecodeElsewhere {
        { payload, eventLoop in
            let promise = eventLoop.makePromise(of: Result<Request, WireError>.self)
            self.pending.append((payload, promise))
            return promise.futureResult
        }
    }

    func completeAll() {
        let now = pending
        pending = []
        for (payload, promise) in now {
            promise.succeed(Result { () throws(WireError) -> Request in try Request(decoding: payload) })
        }
    }
}

/// Stands for the socket under the handler: counts the reads the handler lets through and, when
/// `holdWrites` is set, takes writes without ever completing them, like a socket whose peer
/// never reads (the bytes are kept in `held` for the test to look at).
final class FakeSocket: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    private(set) var reads = 0
    var holdWrites = false
    var held = ByteBuffer()
    private var heldPromises: [EventLoopPromise<Void>?] = []

    func read(context: ChannelHandlerContext) {
        reads += 1
        context.read()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard holdWrites else {
            context.write(data, promise: promise)
            return
        }
        var bytes = unwrapOutboundIn(data)
        held.writeBuffer(&bytes)
        heldPromises.append(promise)
    }

    /// The peer reads at last: every held write completes.
    func releaseWrites() {
        let promises = heldPromises
        heldPromises = []
        for promise in promises { promise?.succeed() }
    }
}
