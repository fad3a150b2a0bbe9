import PrecisWire

extension BenchReport {
    /// One JSON object (`--json`): `requests`, `errors`, `durationSeconds`, `throughput`
    /// (requests/s), `latencyMicros` {`p50`, `p90`, `p99`, `p999`, `max`, `mean`},
    /// `serverMicros` (the same, or null), `statusCounts`, `bytesSent`, `bytesReceived`,
    /// `clientCpuMicrosPerRequest`, `serverCpuMicrosPerRequest` (null when unknown) and `setup`.
    public func json(pretty: Bool = false) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.key("requests"); w.raw(String(requests))
        w.key("errors"); w.raw(String(errors))
        w.key("durationSeconds"); w.raw(Self.number(durationSeconds, places: 3))
        w.key("throughput"); w.raw(Self.number(throughput, places: 1))
        w.key("latencyMicros"); Self.write(latency, to: &w)
        w.key("serverMicros")
        if let serverTime { Self.write(serverTime, to: &w) } else { w.raw("null") }
        w.key("statusCounts")
        w.beginObject()
        for (name, count) in statusCounts.sorted(by: { $0.key < $1.key }) {
            w.key(name); w.raw(String(count))
        }
        w.endObject()
        w.key("bytesSent"); w.raw(bytesSent.map { String($0) } ?? "null")
        w.key("bytesReceived"); w.raw(bytesReceived.map { String($0) } ?? "null")
        w.key("clientCpuMicrosPerRequest"); w.raw(clientCPUMicrosPerRequest.map { Self.number($0, places: 2) } ?? "null")
        w.key("serverCpuMicrosPerRequest"); w.raw(serverCPUMicrosPerRequest.map { Self.number($0, places: 2) } ?? "null")
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
