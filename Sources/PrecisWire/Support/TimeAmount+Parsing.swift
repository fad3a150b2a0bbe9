import NIOCore

extension TimeAmount {
    /// Parses a duration the way command-line users write one: `500ms`, `5s`, `2m`, `1h`,
    /// `250us`, or a bare number of seconds (`1.5`). Used by `precisd`, `precis` and the bench.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: " ")
        let units: [(suffix: String, nanoseconds: Double)] = [
            ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
        ]
        var number = Substring(text)
        var scale = 1e9
        for unit in units where text.hasSuffix(unit.suffix) {
            let candidate = text.dropLast(unit.suffix.count)
            if Double(candidate) != nil {
                number = candidate
                scale = unit.nanoseconds
                break
            }
        }
        guard let value = Double(number), value.isFinite, value >= 0, value * scale < 1e18 else { return nil }
        self = .nanoseconds(Int64((value * scale).rounded()))
    }

    /// The amount in the shortest of those forms that is exact (`1.5s`, `200ms`, `2m`).
    public var humanReadable: String {
        let ns = nanoseconds
        if ns == 0 { return "0s" }
        for (suffix, unit) in [("h", Int64(3_600_000_000_000)), ("m", 60_000_000_000), ("s", 1_000_000_000), ("ms", 1_000_000), ("us", 1_000)] where ns % unit == 0 {
            return "\(ns / unit)\(suffix)"
        }
        return "\(ns)ns"
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var s = Substring(self)
        while s.first == character { s.removeFirst() }
        while s.last == character { s.removeLast() }
        return String(s)
    }
}
