/// Numbers for people: `812 µs`, `1.24 ms`, `3.5 s`; `52,341`; `13.1 MB`.
enum Formatting {
    static func micros(_ value: Double) -> String {
        if value < 1000 { return "\(fixed(value, places: value < 10 ? 1 : 0)) µs" }
        if value < 1_000_000 { return "\(fixed(value / 1000, places: value < 100_000 ? 2 : 1)) ms" }
        return "\(fixed(value / 1_000_000, places: 2)) s"
    }

    /// Whole microseconds (what the histograms hold) print without a fraction below 1 ms.
    static func micros(_ value: UInt64) -> String { value < 1000 ? "\(value) µs" : micros(Double(value)) }

    /// A share as a percentage: `0%`, `0.05%`, `2.0%`, `98.0%`.
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        if value == 0 { return "0%" }
        if value >= 1 { return fixed(value, places: 1) + "%" }
        if value >= 0.01 { return fixed(value, places: 2) + "%" }
        return fixed(value, places: 4) + "%"
    }

    /// `+2.5`, `-2.5`, `0.0`.
    static func signed(_ value: Double, places: Int) -> String {
        let text = fixed(value, places: places)
        return value > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
    }

    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    static func bytes(_ value: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = value
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return "\(fixed(value, places: unit == 0 ? 0 : 1)) \(units[unit])"
    }

    /// `value` with exactly `places` decimals, rounded half away from zero.
    static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if places > 0 {
            let fraction = String(scaled % Int64(scale))
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }
}
