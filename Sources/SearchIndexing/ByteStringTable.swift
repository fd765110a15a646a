import Foundation

/// Interns byte strings (folded words) to dense ids without making a Swift String per token.
///
/// Open addressing over FNV-1a hashes; the bytes live in one arena. Tokenising a large site looks
/// up tens of millions of words, and a `[String: Int32]` spends most of its time creating and
/// hashing strings.
struct ByteStringTable {
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { starts.count }

    /// The id of `bytes`, adding it when new; `isNew` tells which.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return intern(bytes, hash: h)
    }

    /// ``intern(_:)`` with the FNV-1a hash already known (from another table).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (id: Int32, isNew: Bool) {
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == h && lengths[Int(id)] == bytes.count && equals(Int(id), bytes) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(starts.count)
        starts.append(Int32(arena.count))
        lengths.append(Int32(bytes.count))
        hashes.append(h)
        arena.append(contentsOf: bytes)
        slots[slot] = id
        if starts.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The FNV-1a hash of `id`'s bytes (the same as ``Decompounder/hash(_:)``).
    func hash(_ id: Int32) -> UInt64 { hashes[Int(id)] }

    /// The byte length of `id`.
    func length(_ id: Int32) -> Int { Int(lengths[Int(id)]) }

    /// Hands the bytes of `id` to `body`; they are valid only during the call.
    func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(starts[Int(id)])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<(start + Int(lengths[Int(id)]))])) }
    }

    /// Every entry as a String, in id order.
    var strings: [String] { (0..<count).map { string(Int32($0)) } }

    /// The bytes of `id` as a String.
    func string(_ id: Int32) -> String {
        let start = Int(starts[Int(id)])
        return String(decoding: arena[start..<(start + Int(lengths[Int(id)]))], as: UTF8.self)
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0..<starts.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
