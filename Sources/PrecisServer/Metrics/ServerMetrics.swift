import CoreMetrics
import NIOCore
import PrecisWire
import Synchronization

/// What the server counts, resolved once: every handle a request touches is created at start-up
/// (one counter per operation and status, one timer per operation), so recording a request costs
/// a few atomic adds and one histogram update, with no lookup and no allocation.
///
/// The handles come from any swift-metrics `MetricsFactory`; `precisd --metrics-port` uses
/// swift-prometheus and serves them on `/metrics`. The few numbers `info` reports (connections,
/// in-flight, requests) are also kept in atomics here, whatever the factory.
/// Every name is listed in docs/OPERATIONS.md.
final class ServerMetrics: Sendable {
    /// The operation of a request, as an index into the per-operation handles.
    enum Operation: Int, CaseIterable, Sendable {
        case ping, info, parse, summarize, extract, analyze, health
        /// No operation, or one this server does not know.
        case none

        init(_ operation: Request.Operation?) {
            switch operation {
            case .ping: self = .ping
            case .info: self = .info
            case .parse: self = .parse
            case .summarize: self = .summarize
            case .extract: self = .extract
            case .analyze: self = .analyze
            case .health: self = .health
            case .cancel: self = .none  // not an operation; counted nowhere (the cancelled request is)
            case nil: self = .none
            }
        }

        var label: String { self == .none ? "none" : "\(self)" }
    }

    /// Why a frame was refused before it reached an operation.
    enum Rejection: Int, CaseIterable, Sendable {
        /// Not a `Request` the codec accepts (bad protobuf, bad UTF-8, id 0 ...).
        case undecodable
        /// Longer than `maxFrameBytes`; the connection is closed.
        case oversized
        /// Decoded, but refused by the connection's rules (duplicate id, shutting down ...).
        case refused

        var label: String { "\(self)" }
    }

    /// Status codes with a counter: index = the code's number (0...14); gaps are nil.
    private static let codes: [StatusCode] = [
        .ok, .cancelled, .invalidArgument, .deadlineExceeded, .resourceExhausted, .failedPrecondition,
        .unimplemented, .internal, .unavailable,
    ]
    private static let codeSlots = 15

    private let requests: [Counter?]
    private let latency: [Timer]
    private let queueWait: [Timer]
    private let runTime: [Timer]
    private let rejected: [Counter]
    let bytesReceived: Counter
    let bytesSent: Counter
    private let connectionsAccepted: Counter
    private let connectionsRefused: Counter
    private let connectionsGauge: Gauge
    private let inFlightGauge: Gauge
    private let queueGauge: Gauge
    private let uptimeGauge: Gauge

    private let openConnections = Atomic<Int>(0)
    private let inFlightCount = Atomic<Int>(0)
    private let answered = Atomic<UInt64>(0)
    let startedAt: NIODeadline
    /// Requests waiting for or running on a worker (the worker pool's count).
    private let queueDepth: @Sendable () -> Int

    init(factory: any MetricsFactory, startedAt: NIODeadline = .now(), queueDepth: @escaping @Sendable () -> Int = { 0 }) {
        self.startedAt = startedAt
        self.queueDepth = queueDepth
        var requests = [Counter?](repeating: nil, count: Operation.allCases.count * Self.codeSlots)
        for operation in Operation.allCases {
            for code in Self.codes {
                requests[operation.rawValue * Self.codeSlots + Int(code.rawValue)] = Counter(
                    label: "precis_requests_total",
                    dimensions: [("operation", operation.label), ("status", code.protoName ?? "\(code.rawValue)")],
                    factory: factory
                )
            }
        }
        self.requests = requests
        self.latency = Operation.allCases.map {
            Timer(label: Self.durationLabel, dimensions: [("operation", $0.label)], factory: factory)
        }
        self.queueWait = Operation.allCases.map {
            Timer(label: Self.queueWaitLabel, dimensions: [("operation", $0.label)], factory: factory)
        }
        self.runTime = Operation.allCases.map {
            Timer(label: Self.runLabel, dimensions: [("operation", $0.label)], factory: factory)
        }
        self.rejected = Rejection.allCases.map {
            Counter(label: "precis_frames_rejected_total", dimensions: [("reason", $0.label)], factory: factory)
        }
        self.bytesReceived = Counter(label: "precis_bytes_received_total", factory: factory)
        self.bytesSent = Counter(label: "precis_bytes_sent_total", factory: factory)
        self.connectionsAccepted = Counter(label: "precis_connections_total", factory: factory)
        self.connectionsRefused = Counter(label: "precis_connections_refused_total", factory: factory)
        self.connectionsGauge = Gauge(label: "precis_connections_open", factory: factory)
        self.inFlightGauge = Gauge(label: "precis_requests_in_flight", factory: factory)
        self.queueGauge = Gauge(label: "precis_queue_depth", factory: factory)
        self.uptimeGauge = Gauge(label: "precis_uptime_seconds", factory: factory)
    }

    static let durationLabel = "precis_request_duration_seconds"
    static let queueWaitLabel = "precis_queue_wait_seconds"
    static let runLabel = "precis_run_seconds"
    /// The histograms, which share the latency buckets.
    static let histogramLabels = [durationLabel, queueWaitLabel, runLabel]

    // MARK: events (hot path)

    /// A request was accepted on a connection and is now in flight.
    @inline(__always)
    func requestStarted() {
        inFlightCount.add(1, ordering: .relaxed)
    }

    /// A request that `requestStarted` counted was answered with `code`. `nanoseconds` is its
    /// latency, or nil when it never ran (refused as busy).
    func requestFinished(_ operation: Operation, code: StatusCode, nanoseconds: Int64?) {
        inFlightCount.subtract(1, ordering: .relaxed)
        requestAnswered(operation, code: code)
        if let nanoseconds { latency[operation.rawValue].recordNanoseconds(nanoseconds) }
    }

    /// A worker took a request after it waited `waited` nanoseconds in the queue, and ran it for
    /// `ran` (engine work only: the split of `precis_request_duration_seconds`).
    func workDone(_ operation: Operation, waited: Int64, ran: Int64) {
        queueWait[operation.rawValue].recordNanoseconds(waited)
        runTime[operation.rawValue].recordNanoseconds(ran)
    }

    /// Requests still in flight on a connection that closed: nobody will answer them.
    func requestsAbandoned(_ count: Int) {
        guard count > 0 else { return }
        inFlightCount.subtract(count, ordering: .relaxed)
    }

    /// A request answered at once without being in flight (refused by the connection's rules).
    func requestAnswered(_ operation: Operation, code: StatusCode) {
        answered.add(1, ordering: .relaxed)
        let raw = Int(code.rawValue)
        guard raw >= 0, raw < Self.codeSlots else { return }
        requests[operation.rawValue * Self.codeSlots + raw]?.increment()
    }

    func frameRejected(_ reason: Rejection) {
        rejected[reason.rawValue].increment()
    }

    func connectionOpened(refused: Bool) {
        openConnections.add(1, ordering: .relaxed)
        connectionsAccepted.increment()
        if refused { connectionsRefused.increment() }
    }

    func connectionClosed() {
        openConnections.subtract(1, ordering: .relaxed)
    }

    // MARK: reading

    var connections: Int { openConnections.load(ordering: .relaxed) }
    var inFlight: Int { max(0, inFlightCount.load(ordering: .relaxed)) }
    var requestsTotal: UInt64 { answered.load(ordering: .relaxed) }
    var queued: Int { queueDepth() }

    /// Sets the gauges from the live numbers; called before each scrape, not per request.
    func sampleGauges() {
        connectionsGauge.record(connections)
        inFlightGauge.record(inFlight)
        queueGauge.record(queued)
        uptimeGauge.record(Double((NIODeadline.now() - startedAt).nanoseconds) / 1e9)
    }
}
