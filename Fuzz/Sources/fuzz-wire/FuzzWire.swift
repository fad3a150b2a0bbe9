import FuzzSupport
import NIOCore
import PrecisWire

/// Arbitrary bytes as a connection's inbound stream: the frame decoder, then every frame decoded
/// as a Request and as a Response. A request that decodes must encode again, and encoding what
/// that decodes to must give the same bytes (bytes, not values: a NaN is never equal to itself);
/// nothing may crash, hang or read out of bounds.
@main
enum FuzzWire {
    static func main() {
        exit(runFuzzer { data, count in
            let bytes = fuzzInput(data, count)
            var buffer = ByteBuffer(bytes: bytes)
            var decoder = PrecisFrameDecoder(maxFrameBytes: 1 << 16, expectPreface: bytes.first == UInt8(ascii: "P"))
            while let frame = try? decoder.decode(buffer: &buffer) {
                guard case .frame(let payload) = frame else { continue }
                if let request = try? Request(decoding: payload) {
                    let first = encode(request)
                    guard let decoded = try? Request(decoding: first) else {
                        fatalError("a re-encoded request does not decode")
                    }
                    guard encode(decoded) == first else { fatalError("round trip changed a request") }
                }
                _ = try? Response(decoding: payload)
            }
            return 0
        })
    }
}

/// The encoded message of one frame, without its length.
func encode(_ request: Request) -> ByteBuffer {
    var buffer = ByteBuffer()
    do {
        try buffer.writeFrame(request)
    } catch {
        fatalError("a decoded request failed to encode: \(error)")
    }
    buffer.moveReaderIndex(forwardBy: 4)
    return buffer
}

#if canImport(Glibc)
import Glibc
#endif
