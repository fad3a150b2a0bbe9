import Testing

@testable import PrecisServer

@Suite struct FairQueueTests {
    private static func drain(_ queue: inout FairQueue<String, String>) -> [String] {
        var order: [String] = []
        while let next = queue.dequeue() { order.append(next) }
        return order
    }

    @Test func takesOneJobPerConnectionInTurn() {
        var queue = FairQueue<String, String>()
        for job in ["a1", "a2", "a3", "a4"] { queue.enqueue(job, for: "a") }
        queue.enqueue("b1", for: "b")
        queue.enqueue("c1", for: "c")
        queue.enqueue("c2", for: "c")
        #expect(queue.count == 7)
        #expect(queue.waitingKeys == 3)
        #expect(Self.drain(&queue) == ["a1", "b1", "c1", "a2", "c2", "a3", "a4"])
        #expect(queue.isEmpty && queue.waitingKeys == 0)
    }

    /// One connection's thousand queued jobs delay a newcomer's job by one of theirs, not a thousand.
    @Test func aNewcomerWaitsForOneJobOfTheBusyConnection() {
        var queue = FairQueue<String, String>()
        for index in 0..<1000 { queue.enqueue("hog\(index)", for: "hog") }
        for _ in 0..<10 { _ = queue.dequeue() }
        queue.enqueue("small", for: "small")
        #expect(queue.dequeue() == "hog10")
        #expect(queue.dequeue() == "small")
        #expect(queue.dequeue() == "hog11")
        #expect(queue.count == 988)
    }

    /// Enqueues and dequeues interleaved (the lanes and the turns compact themselves as they go):
    /// nothing is lost or repeated, and each connection's jobs leave in the order they came.
    @Test func keepsEachConnectionsOrderThroughManyTurns() {
        var queue = FairQueue<Int, (key: Int, sequence: Int)>()
        var sent = 0
        var taken: [(key: Int, sequence: Int)] = []
        var sequence = [Int](repeating: 0, count: 5)
        for round in 0..<3000 {
            for key in 0..<(1 + round % 5) {
                queue.enqueue((key, sequence[key]), for: key)
                sequence[key] += 1
                sent += 1
            }
            for _ in 0..<(round % 4) {
                if let job = queue.dequeue() { taken.append(job) }
            }
        }
        while let job = queue.dequeue() { taken.append(job) }
        #expect(taken.count == sent)
        var last = [Int](repeating: -1, count: 5)
        for job in taken {
            #expect(job.sequence == last[job.key] + 1)
            last[job.key] = job.sequence
        }
        #expect(last.enumerated().allSatisfy { $0.element == sequence[$0.offset] - 1 })
    }

    @Test func aConnectionThatRanDryJoinsAtTheBack() {
        var queue = FairQueue<String, String>()
        queue.enqueue("a1", for: "a")
        queue.enqueue("b1", for: "b")
        queue.enqueue("b2", for: "b")
        #expect(queue.dequeue() == "a1")
        queue.enqueue("a2", for: "a")
        #expect(Self.drain(&queue) == ["b1", "a2", "b2"])
    }
}
