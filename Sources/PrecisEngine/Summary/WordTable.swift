/// An open-addressing hash table from short byte strings to integers, so the summarizer can look words up
/// without building a `String` per token. FNV-1a hashing, linear probing, grows at half load. Deterministic.
struct WordTable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var storage: [UInt8] = []
    private(set) var values: [Int] = []

    /// Creates a table sized for about `capacity` keys without growing.
    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2, size < 1 << 24 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        lengths.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        storage.reserveCapacity(capacity * 8)
    }

    /// The value stored for `key`, if any.
    func value(_ key: ArraySlice<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if hashes[entry] == hash, matches(entry, key) { return values[entry] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` for `key`, which must not be present yet.
    mutating func insert(_ key: ArraySlice<UInt8>, _ value: Int) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        hashes.append(hash)
        starts.append(storage.count)
        lengths.append(key.count)
        storage.append(contentsOf: key)
        values.append(value)
        place(values.count - 1, hash: hash)
    }

    private func matches(_ entry: Int, _ key: ArraySlice<UInt8>) -> Bool {
        guard lengths[entry] == key.count else { return false }
        var offset = starts[entry]
        for byte in key {
            guard storage[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for entry in values.indices { place(entry, hash: hashes[entry]) }
    }

    private static func hash(_ key: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
