import Foundation
import NIOCore
import NIOPosix
import PrecisClient
import PrecisWire
import Synchronization

/// Runs a plan: `connections` clients of one connection each (each on its own event loop, where
/// its closed-loop workers run too), `depth` workers on each, every
/// worker sending one request at a time through PrecisClient (so the client library's own
/// pipelining is what is measured) — or, with `batch` > 1, `depth / batch` workers on each,
/// every worker sending `batch` requests at a time through `PrecisClient.callBatch`.
public enum BenchRunner {
    public static func run(_ plan: BenchPlan) async throws -> BenchResult {
        // Connection i lives on event loop i (round-robin), and so do the closed-loop workers
        // that load it (`EventLoopTaskExecutor`): no thread hop per call.
        let loops = (0..<plan.connections).map { _ in MultiThreadedEventLoopGroup.singleton.next() }
        let executors = loops.map { EventLoopTaskExecutor($0) }
        let clients = (0..<plan.connections).map { index in
            var configuration = PrecisClient.Configuration()
            configuration.connections = 1
            configuration.defaultTimeout = plan.timeout
            // A load tool counts failures; it does not hide them behind a retry.
            configuration.retryOnConnectionLoss = false
            return PrecisClient(endpoints: [plan.endpoints[index % plan.endpoints.count]], configuration: configuration, eventLoopGroup: loops[index])
        }
        defer {
            Task { for client in clients { await client.close() } }
        }
        // Open every connection before the clock starts.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients {
                group.addTask {
                    do throws(PrecisError) {
                        _ = try await client.ping()
                    } catch {
                        throw BenchError("cannot reach \(client.endpoints[0]): \(error)")
                    }
                }
            }
            try await group.waitForAll()
        }

        let run = RunState(plan: plan)
        let progress = plan.progress ? Task { await run.reportProgress() } : nil
        let startUsage = Task { await run.sampleAtMeasurementStart() }
        let statistics = await withTaskGroup(of: BenchStatistics.self) { group in
            for (share, client) in clients.enumerated() {
                let executor = executors[share]
                if plan.rate != nil {
                    // The pacer stays on the global pool: on the connection's event loop it woke
                    // behind every burst of answers it had to read first, and the open loop's
                    // latency at 82,000 pings/s went from p50 0.26–0.37 ms to 0.56–0.64.
                    group.addTask { await run.pace(client: client, on: loops[share], share: share, of: clients.count) }
                } else if plan.batch > 1 {
                    for _ in 0..<max(1, plan.depth / plan.batch) {
                        group.addTask(executorPreference: executor) { await run.workInBatches(client: client) }
                    }
                } else {
                    for _ in 0..<plan.depth {
                        group.addTask(executorPreference: executor) { await run.work(client: client) }
                    }
                }
            }
            var total = BenchStatistics()
            for await partial in group { total.merge(partial) }
            return total
        }
        let finished = RunState.now()
        progress?.cancel()
        let start = await startUsage.value
        let end = ProcessUsage.sample(serverPID: plan.serverPID)
        for client in clients { await client.close() }

        let seconds = Double(max(finished - run.measureFrom, 1)) / 1e9
        func delta(_ a: Int?, _ b: Int?) -> Int? {
            guard let a, let b else { return nil }
            return b - a
        }
        let report = BenchReport(
            setup: plan.setup,
            statistics: statistics,
            durationSeconds: seconds,
            bytesSent: delta(start.bytesWritten, end.bytesWritten),
            bytesReceived: delta(start.bytesRead, end.bytesRead),
            clientCPUSeconds: end.cpuSeconds - start.cpuSeconds,
            serverCPUSeconds: start.serverCPUSeconds.flatMap { s in end.serverCPUSeconds.map { $0 - s } }
        )
        return BenchResult(report: report, statistics: statistics)
    }
}

/// What the workers of one run share: the request counter, the clock, the stop rule.
final class RunState: Sendable {
    let plan: BenchPlan
    let schedule: OpenLoopSchedule?
    /// Nanoseconds (monotonic) at which the run started, measuring starts, and sending stops.
    let startedAt: Int64
    let measureFrom: Int64
    let stopAt: Int64?
    private let next = Atomic<Int>(0)
    private let measuredIssued = Atomic<Int>(0)
    /// For the progress line: what was answered since the last line.
    private let interval = Mutex(BenchStatistics())
    private let showsProgress: Bool

    init(plan: BenchPlan) {
        self.plan = plan
        schedule = plan.rate.flatMap { try? OpenLoopSchedule(rate: $0) }
        let started = Self.now()
        let measureFrom = started + plan.warmup.nanoseconds
        startedAt = started
        self.measureFrom = measureFrom
        stopAt = plan.duration.map { measureFrom + $0.nanoseconds }
        showsProgress = plan.progress
    }

    static func now() -> Int64 { Int64(NIODeadline.now().uptimeNanoseconds) }

    /// The open-loop pacer wakes at most this often (nanoseconds) and sends everything due by
    /// then at once. Each latency still counts from its request's due time, so the wait is in the
    /// figures; but waking for every request cost the generator so much CPU on a 2-core machine
    /// that its own scheduling stalls showed in the tail: at 122,000 pings/s of 3 KB, p99 went from
    /// 1.7–3.5 ms to 0.7–1.3 ms with this step.
    static let pacerStep: Int64 = 200_000

    /// Waits until `deadline` on an event loop's timer (the loop of the pacer's connection).
    /// `Task.sleep` woke open-loop workers milliseconds late on a busy machine, and an open loop
    /// counts that lateness as latency.
    static func sleep(until deadline: Int64, on loop: any EventLoop) async {
        let wake = loop.scheduleTask(deadline: .uptimeNanoseconds(UInt64(deadline))) {}
        try? await wake.futureResult.get()
    }

    func sampleAtMeasurementStart() async -> ProcessUsage {
        let wait = measureFrom - Self.now()
        if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait)) }
        return ProcessUsage.sample(serverPID: plan.serverPID)
    }

    /// One worker (closed loop): one request at a time until the run is over; returns what it
    /// measured.
    func work(client: PrecisClient) async -> BenchStatistics {
        var statistics = BenchStatistics()
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            let sentAt = Self.now()
            if let stopAt, sentAt >= stopAt { break }
            let measured = sentAt >= measureFrom
            if measured, let limit = plan.requests, measuredIssued.add(1, ordering: .relaxed).oldValue >= limit { break }
            let result: Result<Response, PrecisError>
            do throws(PrecisError) {
                result = .success(try await client.call(plan.workload.request(at: index)))
            } catch {
                result = .failure(error)
            }
            let answeredAt = Self.now()
            let latency = answeredAt - sentAt
            if measured { Self.record(result, latency: latency, into: &statistics) }
            if showsProgress { interval.withLock { Self.record(result, latency: latency, into: &$0) } }
            if case .failure(let error) = result, error.isConnectFailure {
                // Nothing to measure against; don't spin.
                try? await Task.sleep(nanoseconds: 10_000_000)
            }
        }
        return statistics
    }

    /// The open loop for one connection: its share of the timetable (request `share`,
    /// `share + shares`, …). When requests fall due it sends all of them at once (one write, one
    /// hop), at most `depth` in flight; each latency counts from the request's due time. One
    /// timer and one task per send instead of a task per request in flight: the generator's own
    /// wake-ups were most of its CPU and added to the latency it measured.
    func pace(client: PrecisClient, on loop: any EventLoop, share: Int, of shares: Int) async -> BenchStatistics {
        guard let schedule else { return BenchStatistics() }
        let inFlight = InFlight()
        let measuredStatistics = SharedStatistics()
        let stopElapsed = stopAt.map { $0 - startedAt }
        await withDiscardingTaskGroup { group in
            var next = share
            var stopping = false
            var lastWake: Int64 = 0
            while !stopping {
                let dueAt = startedAt + schedule.dueOffset(of: next)
                if let stopAt, dueAt >= stopAt { break }
                // Wake when the next request is due, but no sooner than `pacerStep` after the
                // last wake; everything due by then leaves together.
                let wakeAt = max(dueAt, lastWake + Self.pacerStep)
                if wakeAt > Self.now() { await Self.sleep(until: wakeAt, on: loop) }
                lastWake = Self.now()
                let room = plan.depth - inFlight.count
                guard room > 0 else {
                    // Every slot is busy: wait for one; the due times keep counting.
                    await Self.sleep(until: Self.now() + 50_000, on: loop)
                    continue
                }
                var indices = schedule.due(from: next, step: shares, atElapsed: Self.now() - startedAt, stopElapsed: stopElapsed, limit: room)
                guard let last = indices.last else { continue }
                next = last + shares
                if let limit = plan.requests {
                    let measured = indices.filter { startedAt + schedule.dueOffset(of: $0) >= measureFrom }.count
                    if measured > 0 {
                        let issued = measuredIssued.add(measured, ordering: .relaxed).oldValue
                        if issued >= limit { break }
                        if issued + measured > limit {
                            indices.removeLast(issued + measured - limit)
                            stopping = true
                        }
                    }
                }
                inFlight.add(indices.count)
                let sentAt = Self.now()
                let batch = indices
                group.addTask {
                    let answers = await client.callBatch(batch.map { self.plan.workload.request(at: $0) })
                    inFlight.add(-batch.count)
                    let timed = zip(batch, answers).map { index, answer in
                        let due = self.startedAt + schedule.dueOffset(of: index)
                        let latency = OpenLoopSchedule.latency(dueAt: due, sentAt: sentAt, answeredAt: Int64(answer.receivedAt.uptimeNanoseconds))
                        return (due >= self.measureFrom, latency, answer.result)
                    }
                    measuredStatistics.value.withLock { statistics in
                        for (measured, latency, result) in timed where measured { Self.record(result, latency: latency, into: &statistics) }
                    }
                    if self.showsProgress {
                        self.interval.withLock { statistics in
                            for (_, latency, result) in timed { Self.record(result, latency: latency, into: &statistics) }
                        }
                    }
                    if answers.contains(where: { if case .failure(let error) = $0.result { error.isConnectFailure } else { false } }) {
                        // Nothing to measure against; don't spin.
                        try? await Task.sleep(nanoseconds: 10_000_000)
                    }
                }
            }
        }
        return measuredStatistics.value.withLock { $0 }
    }

    /// One batch worker (closed loop): `plan.batch` requests in one write, then the next batch
    /// once all are answered. Each request's latency runs from the batch's send to its own answer.
    func workInBatches(client: PrecisClient) async -> BenchStatistics {
        var statistics = BenchStatistics()
        while true {
            let first = next.add(plan.batch, ordering: .relaxed).oldValue
            let sentAt = Self.now()
            if let stopAt, sentAt >= stopAt { break }
            let measured = sentAt >= measureFrom
            var count = plan.batch
            if measured, let limit = plan.requests {
                let issued = measuredIssued.add(plan.batch, ordering: .relaxed).oldValue
                if issued >= limit { break }
                count = min(count, limit - issued)
            }
            let operations = (0..<count).map { plan.workload.request(at: first + $0) }
            let answers = await client.callBatch(operations)
            var connectFailure = false
            let record = { (statistics: inout BenchStatistics) in
                for answer in answers {
                    let latency = max(0, Int64(answer.receivedAt.uptimeNanoseconds) - sentAt)
                    Self.record(answer.result, latency: latency, into: &statistics)
                }
            }
            if measured { record(&statistics) }
            if showsProgress { interval.withLock { record(&$0) } }
            for answer in answers {
                if case .failure(let error) = answer.result, error.isConnectFailure { connectFailure = true }
            }
            if connectFailure { try? await Task.sleep(nanoseconds: 10_000_000) }
        }
        return statistics
    }

    private static func record(_ result: Result<Response, PrecisError>, latency: Int64, into statistics: inout BenchStatistics) {
        switch result {
        case .success(let response): statistics.recordSuccess(latencyNanoseconds: latency, serverMicros: response.serverMicros)
        case .failure(let error): statistics.recordFailure(latencyNanoseconds: latency, code: error.code)
        }
    }

    /// Each second, a line on standard error: requests/s, p50, p99, errors of that second.
    func reportProgress() async {
        guard showsProgress else { return }
        var second = 0
        var last = Self.now()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 1_000_000_000)
            if Task.isCancelled { break }
            let now = Self.now()
            let window = interval.withLock { stats in
                let copy = stats
                stats = BenchStatistics()
                return copy
            }
            second += 1
            let rate = Double(window.requests) / (Double(now - last) / 1e9)
            last = now
            let phase = now < measureFrom ? " (warm-up)" : ""
            let line: String
            if window.requests == 0 {
                line = "\(second)s\(phase): no answers"
            } else {
                line = "\(second)s\(phase): \(Formatting.count(Int(rate.rounded()))) req/s, p50 \(Formatting.micros(window.latency.valueAtPercentile(50))), "
                    + "p99 \(Formatting.micros(window.latency.valueAtPercentile(99))), errors \(Formatting.count(window.errors))"
            }
            StandardError.write(line + "\n")
        }
    }
}

/// Requests in flight on one open-loop connection.
final class InFlight: Sendable {
    private let value = Atomic<Int>(0)
    var count: Int { value.load(ordering: .relaxed) }
    func add(_ delta: Int) { value.add(delta, ordering: .relaxed) }
}

/// Statistics that the sends of one open-loop connection record into as their answers come.
final class SharedStatistics: Sendable {
    let value = Mutex(BenchStatistics())
}

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
