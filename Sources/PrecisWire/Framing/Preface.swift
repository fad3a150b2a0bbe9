import NIOCore

/// The 8 bytes each side sends first: `PRECIS`, the major and the minor protocol version.
public struct Preface: Sendable, Hashable, CustomStringConvertible {
    public static let magic: [UInt8] = Array("PRECIS".utf8)
    public static let byteCount = 8
    /// The version this build speaks.
    public static let current = Preface(major: 1, minor: 0)

    public var major: UInt8
    public var minor: UInt8

    public init(major: UInt8, minor: UInt8) {
        self.major = major
        self.minor = minor
    }

    public var description: String { "\(major).\(minor)" }

    /// Peers with the same major version understand each other.
    public func isCompatible(with other: Preface) -> Bool { major == other.major }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeBytes(Preface.magic)
        buffer.writeInteger(major)
        buffer.writeInteger(minor)
    }

    /// Whether `bytes`, the first bytes of a connection, look like an HTTP/1 request line or the
    /// HTTP/2 connection preface.
    public static func looksLikeHTTP(_ bytes: ByteBuffer) -> Bool {
        let methods = ["GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE ", "PRI "]
        let head = String(decoding: bytes.readableBytesView.prefix(8), as: UTF8.self)
        return methods.contains { $0.hasPrefix(head) || head.hasPrefix($0) }
    }

    /// Whether `bytes` start like a TLS handshake record (a ClientHello).
    public static func looksLikeTLS(_ bytes: ByteBuffer) -> Bool {
        bytes.readableBytesView.first == 0x16
    }
}
