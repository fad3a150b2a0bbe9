import NIOCore

/// What arrives on a Precis connection: the peer's preface once, then frames.
public enum InboundFrame: Sendable, Hashable {
    /// A well-formed preface; its version may still be unsupported.
    case preface(Preface)
    /// The first bytes were not a Precis preface; they are handed over so that the receiver
    /// can say why (an HTTP request, a TLS handshake). Nothing more is decoded.
    case invalidPreface(ByteBuffer)
    /// The payload of one frame.
    case frame(ByteBuffer)
    /// A frame header announced more than the limit; nothing more is decoded.
    case oversizedFrame(length: UInt32, limit: Int)
}

/// Splits a byte stream into the preface and length-prefixed frames.
///
/// The length is checked against `maxFrameBytes` from the 4-byte header alone, before any of the
/// payload is buffered, so a hostile length never makes the receiver allocate.
public struct PrecisFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = InboundFrame

    private enum State {
        case awaitingPreface
        case frames
        case stopped
    }

    public let maxFrameBytes: Int
    private var state: State

    /// - Parameters:
    ///   - maxFrameBytes: the largest frame payload accepted.
    ///   - expectPreface: whether the stream starts with the peer's preface.
    public init(maxFrameBytes: Int, expectPreface: Bool = true) {
        self.maxFrameBytes = maxFrameBytes
        self.state = expectPreface ? .awaitingPreface : .frames
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> InboundFrame? {
        switch state {
        case .stopped:
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return nil
        case .awaitingPreface:
            guard let bytes = buffer.getSlice(at: buffer.readerIndex, length: Preface.byteCount) else {
                return nil
            }
            guard bytes.readableBytesView.prefix(Preface.magic.count).elementsEqual(Preface.magic) else {
                state = .stopped
                let seen = buffer.readSlice(length: buffer.readableBytes)!
                return .invalidPreface(seen)
            }
            buffer.moveReaderIndex(forwardBy: Preface.byteCount)
            state = .frames
            return .preface(Preface(major: bytes.getInteger(at: bytes.readerIndex + 6)!, minor: bytes.getInteger(at: bytes.readerIndex + 7)!))
        case .frames:
            guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return nil }
            guard Int(length) <= maxFrameBytes else {
                state = .stopped
                buffer.moveReaderIndex(to: buffer.writerIndex)
                return .oversizedFrame(length: length, limit: maxFrameBytes)
            }
            guard buffer.readableBytes >= 4 + Int(length) else { return nil }
            buffer.moveReaderIndex(forwardBy: 4)
            return .frame(buffer.readSlice(length: Int(length))!)
        }
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> InboundFrame? {
        try decode(buffer: &buffer)
    }
}
