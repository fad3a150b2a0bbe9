/// Decides whether text of unknown format is HTML: it starts (after a byte-order mark, whitespace and
/// comments) with `<!doctype html`, `<html`, `<head` or `<body`, or its first 4 KiB hold at least eight tags of
/// the elements pages are made of.
enum FormatSniffer {
    static let tagThreshold = 8

    static func isHTML(_ text: String) -> Bool {
        let prefix = Array(text.utf8.prefix(4096))
        var index = 0
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < prefix.count, prefix[index] == 0x20 || prefix[index] == 0x0A || prefix[index] == 0x0D
            || prefix[index] == 0x09
        {
            index += 1
        }
        let head = String(decoding: prefix[index...].prefix(16), as: UTF8.self).lowercased()
        for opening in ["<!doctype html", "<html", "<head", "<body", "<!--", "<?xml"] where head.hasPrefix(opening) {
            if opening == "<!--" || opening == "<?xml" { break }
            return true
        }
        var tags = 0
        let names: [[UInt8]] = ["p>", "p ", "div", "span", "a ", "br", "li>", "ul>", "h1", "h2", "h3", "table", "td",
            "meta", "script", "img", "body", "html", "head", "title"].map { Array($0.utf8) }
        var position = 0
        while position < prefix.count {
            if prefix[position] == UInt8(ascii: "<") {
                var start = position + 1
                if start < prefix.count, prefix[start] == UInt8(ascii: "/") { start += 1 }
                let rest = prefix[start..<min(prefix.count, start + 6)].map { $0 | 0x20 }
                if names.contains(where: { rest.starts(with: $0) }) {
                    tags += 1
                    if tags >= tagThreshold { return true }
                }
            }
            position += 1
        }
        return false
    }
}
