import Dispatch

/// Runs long CPU-bound test work on a thread of its own, not on Swift's cooperative pool, so that
/// the other suites' async code (servers, clients, timers) keeps running meanwhile.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue(label: "precis.test.cpu").async { continuation.resume(returning: work()) }
    }
}
