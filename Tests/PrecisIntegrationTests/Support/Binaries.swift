import Foundation

/// The executables this package builds, found next to the test bundle's build folder.
enum Binaries {
    static var directory: URL {
        if let dir = ProcessInfo.processInfo.environment["PRECIS_BIN_DIR"] {
            return URL(fileURLWithPath: dir)
        }
        // .../Tests/PrecisIntegrationTests/Support/Binaries.swift → package root
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug")
    }

    static func path(_ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw BinaryMissing(path: url.path)
        }
        return url.path
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) is missing: run `swift build` before the tests (make test does)" }
    }
}

struct CommandResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs an executable to completion with `stdin` as its input.
func run(_ executable: String, _ arguments: [String], stdin: String = "", environment: [String: String] = [:]) async throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Binaries.path(executable))
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["PRECIS_ADDRESS"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let running = Unchecked(process)
    // Standard output and standard error are read at the same time (one of them filling its pipe
    // must not stall the other), each on a thread of its own.
    async let out = onOwnThread { () -> Data in
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        return output.fileHandleForReading.readDataToEndOfFile()
    }
    async let err = onOwnThread { errors.fileHandleForReading.readDataToEndOfFile() }
    let (stdout, stderr) = await (out, err)
    let status = await onOwnThread { () -> Int32 in
        running.value.waitUntilExit()
        return running.value.terminationStatus
    }
    return CommandResult(status: status, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// Runs blocking work (a pipe read, waiting for a process) on a thread of its own. On the
/// cooperative pool, which has one thread per core, two such waits stall every other test of
/// the run until they end: on a 2-core machine, unrelated deadline tests then took 30 s.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

/// A value handed to a thread that alone uses it meanwhile.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A `precisd` process on a free port.
final class ServerProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched from the test's task, one call at a time.
    let process = Process()
    let port: Int

    /// Starts precisd on `port` (0: a free one).
    init(port: Int = 0, arguments: [String] = []) async throws {
        process.executableURL = URL(fileURLWithPath: try Binaries.path("precisd"))
        process.arguments = ["--port", "\(port)", "--log-level", "error"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        let line = await onOwnThread { () -> String in
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            return String(decoding: data, as: UTF8.self)
        }
        guard line.contains("listening on"), let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            process.terminate()
            throw Binaries.BinaryMissing(path: "precisd did not report its port: \(line)")
        }
        self.port = port
    }

    var pid: Int32 { process.processIdentifier }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit; nil if it is still running after `seconds`.
    func waitForExit(seconds: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
