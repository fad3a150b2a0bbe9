import PrecisWire

extension BenchReport {
    /// One JSON object (`--json`), schema version `schemaVersion`; every field is described in
    /// docs/BENCH.md. `throughput` is OK answers per second; `errors`, `errorRate` and
    /// `errorsPerSecond` stand beside it.
    public func json(pretty: Bool = false) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.key("schemaVersion"); w.raw(String(Self.schemaVersion))
        w.key("requests"); w.raw(String(requests))
        w.key("ok"); w.raw(String(ok))
        w.key("errors"); w.raw(String(errors))
        w.key("errorRate"); w.raw(Self.number(errorRate, places: 6))
        w.key("durationSeconds"); w.raw(Self.number(durationSeconds, places: 3))
        w.key("throughput"); w.raw(Self.number(throughput, places: 1))
        w.key("answeredThroughput"); w.raw(Self.number(answeredThroughput, places: 1))
        w.key("errorsPerSecond"); w.raw(Self.number(errorsPerSecond, places: 1))
        w.key("latencyMicros"); Self.write(latency, to: &w)
        w.key("serverMicros")
        if let serverTime { Self.write(serverTime, to: &w) } else { w.raw("null") }
        w.key("statusCounts"); Self.write(statusCounts, to: &w)
        w.key("bytesSent"); w.raw(bytesSent.map { String($0) } ?? "null")
        w.key("bytesReceived"); w.raw(bytesReceived.map { String($0) } ?? "null")
        w.key("clientCpuMicrosPerRequest"); w.raw(clientCPUMicrosPerRequest.map { Self.number($0, places: 2) } ?? "null")
        w.key("serverCpuMicrosPerRequest"); w.raw(serverCPUMicrosPerRequest.map { Self.number($0, places: 2) } ?? "null")

        w.key("operations")
        w.beginArray()
        for operation in operations {
            w.element()
            w.beginObject()
            w.key("operation"); w.value(operation.name)
            w.key("weight"); w.raw(String(operation.weight))
            w.key("requests"); w.raw(String(operation.requests))
            w.key("ok"); w.raw(String(operation.ok))
            w.key("errors"); w.raw(String(operation.errors))
            w.key("errorRate"); w.raw(Self.number(operation.errorRate, places: 6))
            w.key("throughput"); w.raw(Self.number(operation.throughput, places: 1))
            w.key("latencyMicros"); Self.write(operation.latency, to: &w)
            w.key("serverMicros")
            if let serverTime = operation.serverTime { Self.write(serverTime, to: &w) } else { w.raw("null") }
            w.key("statusCounts"); Self.write(operation.statusCounts, to: &w)
            w.endObject()
        }
        w.endArray()

        w.key("timeline")
        w.beginArray()
        for point in timeline {
            w.element()
            w.beginObject()
            w.key("run"); w.raw(String(point.run))
            w.key("second"); w.raw(String(point.second))
            w.key("durationSeconds"); w.raw(Self.number(point.durationSeconds, places: 3))
            w.key("ok"); w.raw(String(point.ok))
            w.key("errors"); w.raw(String(point.errors))
            w.key("throughput"); w.raw(Self.number(point.throughput, places: 1))
            w.key("errorsPerSecond"); w.raw(Self.number(point.errorsPerSecond, places: 1))
            w.key("p50Micros"); w.raw(point.p50Micros.map { String($0) } ?? "null")
            w.key("p99Micros"); w.raw(point.p99Micros.map { String($0) } ?? "null")
            w.key("maxMicros"); w.raw(point.maxMicros.map { String($0) } ?? "null")
            w.endObject()
        }
        w.endArray()

        w.key("latencyCurve")
        w.beginArray()
        for point in curve {
            w.element()
            w.beginObject()
            w.key("fraction"); w.raw(Self.number(point.fraction, places: 9))
            w.key("micros"); w.raw(String(point.micros))
            w.endObject()
        }
        w.endArray()

        w.key("thresholds")
        if let thresholds {
            w.beginObject()
            w.key("maxErrorRate"); w.raw(Self.number(thresholds.thresholds.maxErrorRate, places: 6))
            w.key("maxP99Micros"); w.raw(thresholds.thresholds.maxP99Micros.map { String($0) } ?? "null")
            w.key("passed"); w.raw(thresholds.passed ? "true" : "false")
            w.key("failures")
            w.beginArray()
            for failure in thresholds.failures {
                w.element(); w.value(failure)
            }
            w.endArray()
            w.endObject()
        } else {
            w.raw("null")
        }

        w.key("repeat")
        if let repeats {
            w.beginObject()
            w.key("runs"); w.raw(String(repeats.runs.count))
            w.key("throughput"); Self.write(repeats.throughput, places: 1, to: &w)
            w.key("errorRate"); Self.write(repeats.errorRate, places: 6, to: &w)
            w.key("latencyMicros")
            w.beginObject()
            for key in RepeatSummary.latencyKeys {
                if let spread = repeats.latency[key] {
                    w.key(key); Self.write(spread, places: 1, to: &w)
                }
            }
            w.endObject()
            w.key("perRun")
            w.beginArray()
            for run in repeats.runs {
                w.element()
                w.beginObject()
                w.key("requests"); w.raw(String(run.requests))
                w.key("errors"); w.raw(String(run.errors))
                w.key("errorRate"); w.raw(Self.number(run.errorRate, places: 6))
                w.key("durationSeconds"); w.raw(Self.number(run.durationSeconds, places: 3))
                w.key("throughput"); w.raw(Self.number(run.throughput, places: 1))
                w.key("latencyMicros"); Self.write(run.latency, to: &w)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        } else {
            w.raw("null")
        }

        w.key("comparison")
        if let comparison { comparison.write(to: &w) } else { w.raw("null") }

        w.key("setup")
        w.beginObject()
        w.key("operation"); w.value(setup.operation)
        w.key("addresses")
        w.beginArray()
        for address in setup.addresses {
            w.element(); w.value(address)
        }
        w.endArray()
        w.key("connections"); w.raw(String(setup.connections))
        w.key("depth"); w.raw(String(setup.depth))
        w.key("batch"); w.raw(String(setup.batch))
        w.key("rate"); w.raw(setup.rate.map { Self.number($0, places: 1) } ?? "null")
        w.key("payloadBytes"); w.raw(String(setup.payloadBytes))
        w.key("documents"); w.raw(String(setup.documents))
        w.key("repeats"); w.raw(String(setup.repeats))
        w.endObject()
        w.endObject()
        return w.output
    }

    private static func write(_ p: Percentiles, to w: inout JSONWriter) {
        w.beginObject()
        w.key("p50"); w.raw(String(p.p50))
        w.key("p90"); w.raw(String(p.p90))
        w.key("p99"); w.raw(String(p.p99))
        w.key("p999"); w.raw(String(p.p999))
        w.key("max"); w.raw(String(p.max))
        w.key("mean"); w.raw(number(p.mean, places: 1))
        w.endObject()
    }

    private static func write(_ counts: [String: Int], to w: inout JSONWriter) {
        w.beginObject()
        for (name, count) in counts.sorted(by: { $0.key < $1.key }) {
            w.key(name); w.raw(String(count))
        }
        w.endObject()
    }

    private static func write(_ spread: RepeatSummary.Spread, places: Int, to w: inout JSONWriter) {
        w.beginObject()
        w.key("median"); w.raw(number(spread.median, places: places))
        w.key("min"); w.raw(number(spread.min, places: places))
        w.key("max"); w.raw(number(spread.max, places: places))
        w.endObject()
    }

    /// A finite JSON number with at most `places` decimals (`12`, `0.25`).
    static func number(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}
