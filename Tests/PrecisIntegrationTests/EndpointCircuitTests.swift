import NIOCore
import Testing

@testable import PrecisClient

/// The client's circuit breaker per endpoint, as a plain value.
@Suite struct EndpointCircuitTests {
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    @Test func aFailureOpensTheCircuitForTheBackoff() {
        var circuit = EndpointCircuit(baseBackoff: .milliseconds(100), maxBackoff: .seconds(1))
        #expect(circuit.isAvailable(at: start))
        circuit.failed(at: start)
        #expect(!circuit.isAvailable(at: start + .milliseconds(99)))
        #expect(circuit.isAvailable(at: start + .milliseconds(100)))
    }

    @Test func backoffDoublesUpToTheCap() {
        var circuit = EndpointCircuit(baseBackoff: .milliseconds(100), maxBackoff: .milliseconds(350))
        let expected: [Int64] = [100, 200, 350, 350]
        for millis in expected {
            circuit.failed(at: start)
            #expect(!circuit.isAvailable(at: start + .milliseconds(millis - 1)))
            #expect(circuit.isAvailable(at: start + .milliseconds(millis)))
        }
        #expect(circuit.backoff(afterFailures: 1_000) == .milliseconds(350))
    }

    @Test func aSuccessClosesTheCircuitAndResetsTheBackoff() {
        var circuit = EndpointCircuit(baseBackoff: .milliseconds(100), maxBackoff: .seconds(10))
        circuit.failed(at: start)
        circuit.failed(at: start)
        circuit.succeeded()
        #expect(circuit.isAvailable(at: start))
        circuit.failed(at: start)
        #expect(circuit.isAvailable(at: start + .milliseconds(100)))
    }
}
