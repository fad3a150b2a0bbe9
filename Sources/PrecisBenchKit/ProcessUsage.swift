import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time and socket bytes of this process, and CPU time of another (the server), read at
/// the start and the end of the measured time.
struct ProcessUsage: Sendable {
    /// Bytes this process passed to read()/write() calls (sockets, mostly), from /proc/self/io.
    var bytesRead: Int?
    var bytesWritten: Int?
    var cpuSeconds: Double
    var serverCPUSeconds: Double?

    static func sample(serverPID: Int32?) -> ProcessUsage {
        let io = readIO()
        return ProcessUsage(
            bytesRead: io?.read,
            bytesWritten: io?.written,
            cpuSeconds: ownCPUSeconds(),
            serverCPUSeconds: serverPID.flatMap(cpuSeconds(ofProcess:))
        )
    }

    private static func readIO() -> (read: Int, written: Int)? {
        guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return nil }
        var read: Int?
        var written: Int?
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Int(parts[1]) else { continue }
            if parts[0] == "rchar" { read = value }
            if parts[0] == "wchar" { written = value }
        }
        guard let read, let written else { return nil }
        return (read, written)
    }

    private static func ownCPUSeconds() -> Double {
        // User plus system time of every thread of this process.
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// utime + stime of process `pid` from /proc/PID/stat (Linux only).
    static func cpuSeconds(ofProcess pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        return parseStatCPUSeconds(text, ticksPerSecond: Double(sysconf(Int32(_SC_CLK_TCK))))
    }

    /// Fields 14 and 15 (utime, stime) of a /proc/PID/stat line; the command name in
    /// parentheses may itself hold spaces and parentheses, so fields count from the last ')'.
    static func parseStatCPUSeconds(_ line: String, ticksPerSecond: Double) -> Double? {
        guard let close = line.lastIndex(of: ")") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12].
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]), ticksPerSecond > 0 else { return nil }
        return (user + system) / ticksPerSecond
    }
}
