import NIOCore
import NIOPosix
import PrecisWire

/// A bare TCP connection that sends whatever bytes a test wants and reads what comes back,
/// for checking how the server answers malformed input.
struct RawConnection {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    static func withConnection<T: Sendable>(
        port: Int,
        _ body: (inout RawConnectionIO) async throws -> T
    ) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var io = RawConnectionIO(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&io)
        }
    }
}

struct RawConnectionIO {
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending = ByteBuffer()
    private(set) var closedByPeer = false

    init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.inbound = inbound
        self.outbound = outbound
    }

    mutating func send(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    mutating func sendPreface(_ preface: Preface = .current) async throws {
        var buffer = ByteBuffer()
        preface.write(to: &buffer)
        try await outbound.write(buffer)
    }

    /// Sends `payload` as one frame (4-byte length first).
    mutating func sendFrame(_ payload: [UInt8]) async throws {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(payload.count))
        buffer.writeBytes(payload)
        try await outbound.write(buffer)
    }

    mutating func send(_ request: Request) async throws {
        var buffer = ByteBuffer()
        try buffer.writeFrame(request)
        try await outbound.write(buffer)
    }

    /// Reads until `count` bytes are there; nil if the peer closed first.
    mutating func read(_ count: Int) async throws -> ByteBuffer? {
        while pending.readableBytes < count {
            guard let chunk = try await nextChunk() else { return nil }
            pending.writeImmutableBuffer(chunk)
        }
        return pending.readSlice(length: count)
    }

    private mutating func nextChunk() async throws -> ByteBuffer? {
        do {
            if let chunk = try await inbound.next() { return chunk }
        } catch let error as IOError where error.errnoCode == ECONNRESET {
        } catch is ChannelError {
        }
        closedByPeer = true
        return nil
    }

    mutating func expectServerPreface() async throws -> Preface? {
        guard let bytes = try await read(Preface.byteCount) else { return nil }
        let view = Array(bytes.readableBytesView)
        guard Array(view.prefix(6)) == Preface.magic else { return nil }
        return Preface(major: view[6], minor: view[7])
    }

    mutating func readResponse() async throws -> Response? {
        guard let header = try await read(4), let length = header.getInteger(at: header.readerIndex, as: UInt32.self),
            let payload = try await read(Int(length))
        else { return nil }
        return try Response(decoding: payload)
    }

    /// Everything until the peer closes the connection.
    mutating func readToEnd() async throws -> [UInt8] {
        while let chunk = try await nextChunk() { pending.writeImmutableBuffer(chunk) }
        return Array(pending.readableBytesView)
    }
}
