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
///
/// What is measured is recorded per connection (a `Shard`, locked only by that connection's
/// workers, which share its event loop, and once a second by the collector): no lock shared by
/// every request. The collector moves each finished second into the run's timeline, which the
/// progress line reads.
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
        // Open every connection before the clock starts (with time to do so whatever --timeout
        // says: a run that measures timeouts of 50 µs still needs a connection first).
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients {
                group.addTask {
                    do throws(PrecisError) {
                        _ = try await client.ping(timeout: .seconds(10))
                    } catch {
                        throw BenchError("cannot reach \(client.endpoints[0]): \(error)")
                    }
                }
            }
            try await group.waitForAll()
        }

        let run = RunState(plan: plan)
        let collector = Task { await run.collectEachSecond() }
        let startUsage = Task { await run.sampleAtMeasurementStart() }
        await withTaskGroup(of: Void.self) { group in
            for (share, client) in clients.enumerated() {
                let executor = executors[share]
                let shard = run.shards[share]
                if plan.rate != nil {
                    // The pacer stays on the global pool: on the connection's event loop it woke
                    // behind every burst of answers it had to read first, and the open loop's
                    // latency at 82,000 pings/s went from p50 0.26–0.37 ms to 0.56–0.64.
                    group.addTask { await run.pace(client: client, shard: shard, on: loops[share], share: share, of: clients.count) }
                } else if plan.batch > 1 {
                    for _ in 0..<max(1, plan.depth / plan.batch) {
                        group.addTask(executorPreference: executor) { await run.workInBatches(client: client, shard: shard) }
                    }
                } else {
                    for _ in 0..<plan.depth {
                        group.addTask(executorPreference: executor) { await run.work(client: client, shard: shard) }
                    }
                }
            }
            await group.waitForAll()
        }
        let finished = RunState.now()
        collector.cancel()
        _ = await collector.value
        let start = await startUsage.value
        let end = ProcessUsage.sample(serverPID: plan.serverPID)
        for client in clients { await client.close() }

        let seconds = Double(max(finished - run.measureFrom, 1)) / 1e9
        func delta(_ a: Int?, _ b: Int?) -> Int? {
            guard let a, let b else { return nil }
            return b - a
        }
        let measurement = Measurement(
            operations: run.finish(),
            timeline: run.timeline.withLock { $0 },
            durationSeconds: seconds,
            bytesSent: delta(start.bytesWritten, end.bytesWritten),
            bytesReceived: delta(start.bytesRead, end.bytesRead),
            clientCPUSeconds: end.cpuSeconds - start.cpuSeconds,
            serverCPUSeconds: start.serverCPUSeconds.flatMap { s in end.serverCPUSeconds.map { $0 - s } }
        )
        return BenchResult(setup: plan.setup, measurement: measurement)
    }
}

/// What one connection's workers record into.
final class Shard: Sendable {
    let record: Mutex<ShardRecord>

    init(operations: Int) {
        record = Mutex(ShardRecord(operations: operations))
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
    let shards: [Shard]
    /// The measured seconds collected so far.
    let timeline = Mutex(Timeline())
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
        shards = (0..<plan.connections).map { _ in Shard(operations: plan.workload.mix.weights.count) }
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

    /// Records one answer: into its operation's statistics when measured, and into the timeline
    /// second it arrived in (warm-up answers only for the progress line).
    @inline(__always)
    private func record(
        _ result: Result<Response, PrecisError>, operation: Int, latency: Int64, answeredAt: Int64, measured: Bool,
        into shard: inout ShardRecord
    ) {
        let micros = BenchStatistics.micros(latency)
        let ok: Bool
        switch result {
        case .success(let response):
            ok = true
            if measured { shard.operations[operation].recordSuccess(micros: micros, serverMicros: response.serverMicros) }
        case .failure(let error):
            ok = false
            if measured { shard.operations[operation].recordFailure(micros: micros, code: error.code) }
        }
        if measured || showsProgress {
            shard.recordTimeline(second: Timeline.second(of: answeredAt - measureFrom, measured: measured), micros: micros, ok: ok)
        }
    }

    /// One worker (closed loop): one request at a time until the run is over.
    func work(client: PrecisClient, shard: Shard) async {
        let mix = plan.workload.mix
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
            let operation = mix.operationIndex(at: index)
            shard.record.withLock {
                record(result, operation: operation, latency: answeredAt - sentAt, answeredAt: answeredAt, measured: measured, into: &$0)
            }
            if case .failure(let error) = result, error.isConnectFailure {
                // Nothing to measure against; don't spin.
                try? await Task.sleep(nanoseconds: 10_000_000)
            }
        }
    }

    /// The open loop for one connection: its share of the timetable (request `share`,
    /// `share + shares`, …). When requests fall due it sends all of them at once (one write, one
    /// hop), at most `depth` in flight; each latency counts from the request's due time. One
    /// timer and one task per send instead of a task per request in flight: the generator's own
    /// wake-ups were most of its CPU and added to the latency it measured.
    func pace(client: PrecisClient, shard: Shard, on loop: any EventLoop, share: Int, of shares: Int) async {
        guard let schedule else { return }
        let inFlight = InFlight()
        let stopElapsed = stopAt.map { $0 - startedAt }
        let mix = plan.workload.mix
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
                    shard.record.withLock { record in
                        for (index, answer) in zip(batch, answers) {
                            let due = self.startedAt + schedule.dueOffset(of: index)
                            let answeredAt = Int64(answer.receivedAt.uptimeNanoseconds)
                            let latency = OpenLoopSchedule.latency(dueAt: due, sentAt: sentAt, answeredAt: answeredAt)
                            self.record(answer.result, operation: mix.operationIndex(at: index), latency: latency, answeredAt: answeredAt, measured: due >= self.measureFrom, into: &record)
                        }
                    }
                    if answers.contains(where: { if case .failure(let error) = $0.result { error.isConnectFailure } else { false } }) {
                        // Nothing to measure against; don't spin.
                        try? await Task.sleep(nanoseconds: 10_000_000)
                    }
                }
            }
        }
    }

    /// One batch worker (closed loop): `plan.batch` requests in one write, then the next batch
    /// once all are answered. Each request's latency runs from the batch's send to its own answer.
    func workInBatches(client: PrecisClient, shard: Shard) async {
        let mix = plan.workload.mix
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
            shard.record.withLock { record in
                for (offset, answer) in answers.enumerated() {
                    let answeredAt = Int64(answer.receivedAt.uptimeNanoseconds)
                    self.record(answer.result, operation: mix.operationIndex(at: first + offset), latency: max(0, answeredAt - sentAt), answeredAt: answeredAt, measured: measured, into: &record)
                }
            }
            for answer in answers {
                if case .failure(let error) = answer.result, error.isConnectFailure { connectFailure = true }
            }
            if connectFailure { try? await Task.sleep(nanoseconds: 10_000_000) }
        }
    }

    /// Moves every second before `second` out of the shards into the timeline; returns what was
    /// moved of `second - 1` (warm-up seconds included), for the progress line.
    @discardableResult
    func collect(before second: Int) -> TimelineSecond {
        var last = TimelineSecond()
        var taken: [(second: Int, bucket: TimelineSecond)] = []
        for shard in shards {
            taken += shard.record.withLock { $0.takeSeconds(before: second) }
        }
        timeline.withLock { timeline in
            for (s, bucket) in taken {
                timeline.add(bucket, at: s)
                if s == second - 1 { last.merge(bucket) }
            }
        }
        return last
    }

    /// Once a second (just after each second of the measured time ends, warm-up included), the
    /// finished seconds go from the shards to the timeline, and the progress line prints the
    /// second that just ended.
    func collectEachSecond() async {
        let warmupSeconds = Int((measureFrom - startedAt + 999_999_999) / 1_000_000_000)
        var second = -warmupSeconds + 1
        while !Task.isCancelled {
            let tick = measureFrom + Int64(second) * 1_000_000_000 + 20_000_000
            let wait = tick - Self.now()
            if wait > 0 {
                do { try await Task.sleep(nanoseconds: UInt64(wait)) } catch { break }
            }
            let ended = collect(before: second)
            if showsProgress { StandardError.write(Self.progressLine(second: second - 1, ended) + "\n") }
            second += 1
        }
        collect(before: Int.max)
    }

    /// `3s: 412,003 OK/s, 0 errors, p50 210 µs, p99 480 µs` (the 3rd measured second), or
    /// `warm-up: ...` before measuring.
    static func progressLine(second: Int, _ bucket: TimelineSecond) -> String {
        let label = second < 0 ? "warm-up" : "\(second + 1)s"
        guard bucket.answers > 0 else { return "\(label): no answers" }
        var line = "\(label): \(Formatting.count(bucket.ok)) OK/s, "
        line += bucket.errors == 0 ? "0 errors" : "\(Formatting.count(bucket.errors)) ERRORS/s (\(Formatting.percent(Double(bucket.errors) / Double(bucket.answers))))"
        line += ", p50 \(Formatting.micros(bucket.latency.valueAtPercentile(50))), p99 \(Formatting.micros(bucket.latency.valueAtPercentile(99)))"
        return line
    }

    /// The statistics of each operation over every shard, once the workers are done.
    func finish() -> [(name: String, weight: Int, statistics: BenchStatistics)] {
        var operations = plan.workload.mix.weights.map { (name: $0.operation.rawValue, weight: $0.weight, statistics: BenchStatistics()) }
        for shard in shards {
            shard.record.withLock { record in
                for index in operations.indices { operations[index].statistics.merge(record.operations[index]) }
            }
        }
        return operations
    }
}

/// Requests in flight on one open-loop connection.
final class InFlight: Sendable {
    private let value = Atomic<Int>(0)
    var count: Int { value.load(ordering: .relaxed) }
    func add(_ delta: Int) { value.add(delta, ordering: .relaxed) }
}

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
