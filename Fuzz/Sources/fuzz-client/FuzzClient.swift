import FuzzSupport
import NIOCore
import PrecisClient
import PrecisWire

/// Arbitrary bytes as what a server sends a client: the frame decoder the client uses (preface
/// first), then `ClientInbound`, which decides what each frame means for the calls waiting. A
/// broken or hostile server may end the connection; it must never crash the caller. Invariants:
/// answers carry a call's id (never 0), and after a fatal frame the client reads nothing more.
@main
enum FuzzClient {
    static func main() {
        exit(runFuzzer { data, count in
            let bytes = fuzzInput(data, count)
            // Half the inputs get a valid preface in front, so that frames are reached.
            var stream = ByteBuffer()
            if bytes.first.map({ $0 & 1 == 0 }) ?? false {
                Preface.current.write(to: &stream)
                stream.writeBytes(bytes.dropFirst())
            } else {
                stream.writeBytes(bytes)
            }
            var decoder = PrecisFrameDecoder(maxFrameBytes: 1 << 16, expectPreface: true)
            var inbound = ClientInbound()
            while let frame = try? decoder.decode(buffer: &stream) {
                switch inbound.receive(frame) {
                case .answer(let id, _):
                    if id == 0 { fatalError("an answer to call 0") }
                    if !inbound.sawPreface { fatalError("an answer before the preface") }
                case .fatal:
                    return 0
                case .none, .goAway:
                    continue
                }
            }
            return 0
        })
    }
}

#if canImport(Glibc)
import Glibc
#endif
