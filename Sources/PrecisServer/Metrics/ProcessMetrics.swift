#if canImport(Glibc)
import Glibc
#endif

/// The standard process metrics of Prometheus client libraries (`process_cpu_seconds_total`,
/// `process_resident_memory_bytes`, `process_open_fds` …), read from `/proc/self` at each scrape.
/// Linux only; elsewhere `sample()` is nil and they are left out.
struct ProcessMetrics: Equatable {
    var cpuSeconds: Double
    var residentBytes: Int
    var virtualBytes: Int
    var openFileDescriptors: Int
    var maxFileDescriptors: Int?
    var startTimeSeconds: Double

    static func sample() -> ProcessMetrics? {
        #if os(Linux)
        guard let stat = read("/proc/self/stat"), let statm = read("/proc/self/statm"),
            let boot = bootTime()
        else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let page = sysconf(Int32(_SC_PAGESIZE))
        var limit = rlimit()
        let maxFDs = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 && limit.rlim_cur < rlim_t(Int.max)
            ? Int(limit.rlim_cur) : nil
        return parse(stat: stat, statm: statm, ticksPerSecond: ticks, pageBytes: page, bootTime: boot,
            openFileDescriptors: countOpenFileDescriptors(), maxFileDescriptors: maxFDs)
        #else
        return nil
        #endif
    }

    /// From the text of `/proc/self/stat` and `/proc/self/statm`. Pure, for the tests. The
    /// command name in `stat` is in parentheses and may hold spaces: fields count after the last `)`.
    static func parse(
        stat: String, statm: String, ticksPerSecond: Double, pageBytes: Int, bootTime: Double,
        openFileDescriptors: Int, maxFileDescriptors: Int?
    ) -> ProcessMetrics? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        // After ")": state is field 3 of stat(5); utime 14, stime 15, starttime 22, vsize 23.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        func field(_ number: Int) -> Double? { fields.count > number - 3 ? Double(fields[number - 3]) : nil }
        guard let utime = field(14), let stime = field(15), let start = field(22), let vsize = field(23),
            let residentPages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }), ticksPerSecond > 0
        else { return nil }
        return ProcessMetrics(
            cpuSeconds: (utime + stime) / ticksPerSecond,
            residentBytes: residentPages * pageBytes,
            virtualBytes: Int(vsize),
            openFileDescriptors: openFileDescriptors,
            maxFileDescriptors: maxFileDescriptors,
            startTimeSeconds: bootTime + start / ticksPerSecond
        )
    }

    func exposition() -> [UInt8] {
        var text = """
            # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
            # TYPE process_cpu_seconds_total counter
            process_cpu_seconds_total \(cpuSeconds)
            # HELP process_resident_memory_bytes Resident memory size in bytes.
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes \(residentBytes)
            # HELP process_virtual_memory_bytes Virtual memory size in bytes.
            # TYPE process_virtual_memory_bytes gauge
            process_virtual_memory_bytes \(virtualBytes)
            # HELP process_open_fds Number of open file descriptors.
            # TYPE process_open_fds gauge
            process_open_fds \(openFileDescriptors)
            # HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
            # TYPE process_start_time_seconds gauge
            process_start_time_seconds \(startTimeSeconds)

            """
        if let maxFileDescriptors {
            text += """
                # HELP process_max_fds Maximum number of open file descriptors.
                # TYPE process_max_fds gauge
                process_max_fds \(maxFileDescriptors)

                """
        }
        return Array(text.utf8)
    }

    #if os(Linux)
    private static func read(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self).trimmingSuffix()
    }

    /// `btime` of /proc/stat: when the machine booted, in seconds since 1970.
    private static func bootTime() -> Double? {
        guard let stat = read("/proc/stat") else { return nil }
        for line in stat.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst(6))
        }
        return nil
    }

    private static func countOpenFileDescriptors() -> Int {
        guard let directory = opendir("/proc/self/fd") else { return 0 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let first = withUnsafeBytes(of: entry.pointee.d_name) { $0.first ?? 0 }
            if first != UInt8(ascii: ".") { count += 1 }
        }
        return max(0, count - 1)  // the descriptor of the directory being read
    }
    #endif
}

extension String {
    fileprivate func trimmingSuffix() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\n" || last == " " { text = text.dropLast() }
        return String(text)
    }
}
