import NIOCore
import NIOPosix
import PrecisWire
import ServiceLifecycle
import Synchronization

/// An async/await client for Precis.
///
/// Calls are pipelined over a small pool of connections (`Configuration.connections`), spread
/// over the endpoints, opened on first use and opened again after a connection is lost or the
/// server goes away. An endpoint that refuses connections is skipped for a backoff (a circuit
/// breaker per endpoint) and tried again later; a call that loses its connection is retried on
/// another endpoint (every operation is idempotent). Every method throws `PrecisError`, which
/// carries the status code and the server's message.
///
/// ```swift
/// try await withPrecisClient(host: "127.0.0.1", port: 7450) { client in
///     let summary = try await client.summarize(text, options: SummaryOptions(length: .sentences(2)))
/// }
/// ```
public final class PrecisClient: Sendable {
    public let endpoints: [Endpoint]
    public let configuration: Configuration
    private let group: any EventLoopGroup
    private let slots: [Slot]
    private let health: [EndpointHealth]
    private let nextSlot = Atomic<Int>(0)
    private let closed = Atomic<Bool>(false)

    /// - Parameters:
    ///   - endpoints: servers to spread connections over (round-robin).
    ///   - configuration: pool size, timeouts and limits.
    ///   - eventLoopGroup: the I/O threads.
    public init(
        endpoints: [Endpoint],
        configuration: Configuration = .defaults,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        precondition(!endpoints.isEmpty, "PrecisClient needs at least one endpoint")
        self.endpoints = endpoints
        self.configuration = configuration
        self.group = eventLoopGroup
        let health = endpoints.map { _ in
            EndpointHealth(baseBackoff: configuration.endpointBackoff, maxBackoff: configuration.maxEndpointBackoff)
        }
        self.health = health
        self.slots = (0..<max(1, configuration.connections)).map {
            Slot(endpoint: endpoints[$0 % endpoints.count], health: health[$0 % endpoints.count])
        }
    }

    public convenience init(
        host: String = "127.0.0.1",
        port: Int = ProtocolDefaults.port,
        configuration: Configuration = .defaults,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.init(endpoints: [Endpoint(host: host, port: port)], configuration: configuration, eventLoopGroup: eventLoopGroup)
    }

    /// Sends any request (its id is chosen by the client) and returns the response when its
    /// status is OK.
    ///
    /// - Parameter timeout: how long to wait; the server abandons the work after it too.
    public func call(_ operation: Request.Operation, timeout: TimeAmount? = nil) async throws(PrecisError) -> Response {
        let request = Request(operation: operation)
        let timeout = timeout ?? configuration.defaultTimeout
        let attempts = configuration.retryOnConnectionLoss ? max(2, endpoints.count) : 1
        var failedEndpoints: [Endpoint] = []
        var attempt = 0
        while true {
            attempt += 1
            let (endpoint, picked) = await self.connection(avoiding: failedEndpoints)
            let response: Response
            do throws(PrecisError) {
                response = try await picked.get().call(request, timeout: timeout)
                if let status = response.status, status.code != .ok {
                    throw PrecisError(status)
                }
            } catch {
                if error.code == .unavailable && attempt < attempts {
                    failedEndpoints.append(endpoint)
                    continue
                }
                throw error
            }
            return response
        }
    }

    /// Sends many requests at once over one connection, in one write, and returns every answer
    /// in the order of `operations` (a status other than OK is a failure, one call at a time:
    /// the others are unaffected). Cheaper per call than `call` for bulk work: one hop to the
    /// connection's event loop and one wake-up for the whole batch. Calls that lose their
    /// connection are retried together on another one, as `call` does.
    ///
    /// - Parameter timeout: the deadline of each call, counted from when the batch is sent.
    public func callBatch(_ operations: [Request.Operation], timeout: TimeAmount? = nil) async -> [BatchAnswer] {
        let timeout = timeout ?? configuration.defaultTimeout
        // Filled by the first attempt; later attempts overwrite the calls they retry.
        var answers: [BatchAnswer] = []
        var remaining = Array(operations.indices)
        var failedEndpoints: [Endpoint] = []
        let attempts = configuration.retryOnConnectionLoss ? max(2, endpoints.count) : 1
        for attempt in 1...attempts where !remaining.isEmpty {
            var received: [BatchAnswer]
            let (endpoint, picked) = await self.connection(avoiding: failedEndpoints)
            switch picked {
            case .success(let connection):
                received = await connection.callBatch(remaining.map { Request(operation: operations[$0]) }, timeout: timeout)
            case .failure(let error):
                received = remaining.map { _ in BatchAnswer(result: .failure(error), receivedAt: .now()) }
            }
            var retry: [Int] = []
            for position in received.indices {
                if case .success(let response) = received[position].result, let status = response.status, status.code != .ok {
                    received[position].result = .failure(PrecisError(status))
                }
                if case .failure(let error) = received[position].result, error.code == .unavailable, attempt < attempts {
                    retry.append(remaining[position])
                }
            }
            if answers.isEmpty {
                answers = received
            } else {
                for (position, index) in remaining.enumerated() { answers[index] = received[position] }
            }
            remaining = retry
            if !retry.isEmpty { failedEndpoints.append(endpoint) }
        }
        return answers
    }

    /// Closes every connection; calls in flight fail with UNAVAILABLE, later calls too.
    public func close() async {
        closed.store(true, ordering: .relaxed)
        for slot in slots {
            if let connection = slot.current() { await connection.close() }
        }
    }

    /// A connection for one attempt of a call, and the endpoint it goes to. A retry passes the
    /// endpoints its earlier attempts failed on, so that it goes elsewhere when it can.
    private func connection(avoiding failed: [Endpoint]) async -> (Endpoint, Result<ClientConnection, PrecisError>) {
        let slot = pickSlot(avoiding: failed)
        guard !closed.load(ordering: .relaxed) else {
            return (slot.endpoint, .failure(PrecisError(code: .unavailable, message: "the client is closed", origin: .client)))
        }
        let access = slot.connection {
            ClientConnection.connect(to: slot.endpoint, configuration: configuration, group: group)
        }
        do {
            switch access {
            case .ready(let connection): return (slot.endpoint, .success(connection))
            case .opening(let attempt):
                // Awaited into a local before the tuple is built: `return (a, try await b)` inside
                // a do/catch is the shape Swift 6.3's optimizer miscompiles in async closures
                // (Tests/PrecisCLITests/ReleaseMiscompileTests.swift).
                let connection = try await attempt.get()
                return (slot.endpoint, .success(connection))
            }
        } catch let error as PrecisError {
            return (slot.endpoint, .failure(error))
        } catch {
            let failure = PrecisError(
                code: .unavailable,
                message: "cannot connect to \(slot.endpoint): \(ConnectFailure.describe(error))",
                origin: .cannotConnect
            )
            return (slot.endpoint, .failure(failure))
        }
    }
}

extension PrecisClient {
    /// The next slot round-robin whose endpoint is healthy (or already has a connection) and
    /// not among `failed`; else the next slot not among `failed`; else the next slot, so calls
    /// fail fast or find a server that came back.
    private func pickSlot(avoiding failed: [Endpoint]) -> Slot {
        let start = nextSlot.add(1, ordering: .relaxed).oldValue
        var fallback: Slot?
        for offset in 0..<slots.count {
            let slot = slots[(start &+ offset) % slots.count]
            guard !failed.contains(slot.endpoint) else { continue }
            if slot.hasUsableConnection || slot.health.isAvailable(at: .now()) { return slot }
            fallback = fallback ?? slot
        }
        return fallback ?? slots[start % slots.count]
    }

    /// One place in the pool: the connection it holds, or the attempt to open it, shared by
    /// every caller that picks this place meanwhile.
    final class Slot: Sendable {
        enum State {
            case idle
            case connecting(EventLoopFuture<ClientConnection>)
            case connected(ClientConnection)
        }

        enum Access {
            case ready(ClientConnection)
            case opening(EventLoopFuture<ClientConnection>)
        }

        let endpoint: Endpoint
        let health: EndpointHealth
        private let state = Mutex<State>(.idle)

        init(endpoint: Endpoint, health: EndpointHealth) {
            self.endpoint = endpoint
            self.health = health
        }

        var hasUsableConnection: Bool {
            state.withLock { state in
                guard case .connected(let connection) = state else { return false }
                return connection.isUsable
            }
        }

        /// The open connection, or the attempt to open one (started by `open` if needed).
        func connection(open: () -> EventLoopFuture<ClientConnection>) -> Access {
            let (access, started) = state.withLock { state -> (Access, Bool) in
                switch state {
                case .connected(let connection) where connection.isUsable:
                    return (.ready(connection), false)
                case .connecting(let future):
                    return (.opening(future), false)
                case .idle, .connected:
                    let future = open()
                    state = .connecting(future)
                    return (.opening(future), true)
                }
            }
            if started, case .opening(let future) = access {
                future.whenComplete { result in
                    switch result {
                    case .success: self.health.succeeded()
                    case .failure: self.health.failed()
                    }
                    self.state.withLock { state in
                        guard case .connecting(let current) = state, current === future else { return }
                        switch result {
                        case .success(let connection): state = .connected(connection)
                        case .failure: state = .idle
                        }
                    }
                }
            }
            return access
        }

        func current() -> ClientConnection? {
            state.withLock { state in
                guard case .connected(let connection) = state else { return nil }
                return connection
            }
        }
    }
}

extension PrecisClient: Service {
    /// Runs until graceful shutdown or cancellation, then closes the connections.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }
}

/// Runs `body` with a client and closes it when `body` returns or throws.
public func withPrecisClient<T: Sendable>(
    host: String = "127.0.0.1",
    port: Int = ProtocolDefaults.port,
    configuration: PrecisClient.Configuration = .defaults,
    _ body: (PrecisClient) async throws -> T
) async throws -> T {
    try await withPrecisClient(endpoints: [PrecisClient.Endpoint(host: host, port: port)], configuration: configuration, body)
}

/// Runs `body` with a client spread over `endpoints` and closes it when `body` returns or throws.
public func withPrecisClient<T: Sendable>(
    endpoints: [PrecisClient.Endpoint],
    configuration: PrecisClient.Configuration = .defaults,
    _ body: (PrecisClient) async throws -> T
) async throws -> T {
    let client = PrecisClient(endpoints: endpoints, configuration: configuration)
    do {
        let result = try await body(client)
        await client.close()
        return result
    } catch {
        await client.close()
        throw error
    }
}
