extension PrecisClient.Endpoint {
    /// Parses an address as users write it: `host:port`, `[v6]:port`, or `:port` (host
    /// 127.0.0.1). Nil when the port is missing or out of range.
    public init?(parsing address: String) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        var host = String(address[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.init(host: host.isEmpty ? "127.0.0.1" : host, port: port)
    }
}
