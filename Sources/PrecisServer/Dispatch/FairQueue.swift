/// Jobs waiting for a worker, taken round robin across the connections that queued them: each turn takes one job
/// from the connection whose turn it is, in the order connections got work. A connection with a thousand jobs
/// queued therefore delays another connection's next job by at most one job of its own, not a thousand; within one
/// connection jobs keep their order.
///
/// A value type, so the scheduling is tested on its own; ``WorkerPool`` keeps one behind a lock. Every operation is
/// O(1) amortised.
struct FairQueue<Key: Hashable, Element> {
    /// The jobs of one connection, oldest first.
    fileprivate struct Lane {
        var jobs: [Element] = []
        var head = 0

        var isEmpty: Bool { head == jobs.count }

        mutating func push(_ job: Element) { jobs.append(job) }

        mutating func pop() -> Element {
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: jobs.count <= 64)
                head = 0
            } else if head >= 64, head * 2 >= jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            return job
        }
    }

    fileprivate var lanes: [Key: Lane] = [:]
    /// Connections with jobs, in turn order: `turns[turnHead...]` is the queue of turns.
    private var turns: [Key] = []
    private var turnHead = 0

    /// Jobs queued, all connections.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// How many connections have jobs queued.
    var waitingKeys: Int { turns.count - turnHead }

    /// Queues `job` behind the other jobs of `key`.
    mutating func enqueue(_ job: Element, for key: Key) {
        count += 1
        if lanes[key] == nil {
            var lane = Lane()
            lane.push(job)
            lanes[key] = lane
            turns.append(key)
        } else {
            lanes[key]!.push(job)
        }
    }

    /// The oldest job of the connection whose turn it is; that connection then goes to the back of the turns if
    /// it has more.
    mutating func dequeue() -> Element? {
        guard turnHead < turns.count else { return nil }
        let key = turns[turnHead]
        turnHead += 1
        let job = lanes[key]!.pop()
        count -= 1
        if lanes[key]!.isEmpty {
            lanes[key] = nil
        } else {
            turns.append(key)
        }
        if turnHead == turns.count {
            turns.removeAll(keepingCapacity: true)
            turnHead = 0
        } else if turnHead >= 64, turnHead * 2 >= turns.count {
            turns.removeFirst(turnHead)
            turnHead = 0
        }
        return job
    }
}

extension FairQueue: Sendable where Key: Sendable, Element: Sendable {}
extension FairQueue.Lane: Sendable where Key: Sendable, Element: Sendable {}
