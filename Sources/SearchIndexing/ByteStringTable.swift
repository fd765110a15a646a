import Foundation
import TextAnalysis

/// Interns byte strings (folded words) to dense ids without making a Swift String per token.
///
/// Open addressing over FNV-1a hashes; the bytes live in one arena. Tokenising a large site looks
/// up tens of millions of words, and a `[String: Int32]` spends most of its time creating and
/// hashing strings. Each slot keeps the upper half of its word's hash beside the id, so a probe
/// that meets another word is rejected without touching the word's entry or bytes.
struct ByteStringTable {
    private struct Entry {
        var start: Int32
        var length: Int32
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var hashes: [UInt64] = []
    /// 0 marks an empty slot; otherwise the hash's upper 32 bits, then id + 1 in the lower 32.
    private var slots: [UInt64]
    private var mask: Int
    /// The last word seen at each of a few thousand places (by other bits of the hash than the
    /// slots use), small enough to stay in the cache. Text repeats its frequent words all the time,
    /// and for them this answers without touching the large slot array, whose random reads were
    /// most of a laws build's word counting. The word's bytes are still compared.
    private var recentHashes = [UInt64](repeating: 0, count: recentCount)
    private var recentIDs = [Int32](repeating: -1, count: recentCount)
    private static let recentCount = 4096

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { entries.count }

    /// The id of `bytes`, adding it when new; `isNew` tells which.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        intern(bytes, hash: Decompounder.hash(bytes))
    }

    /// ``intern(_:)`` with the FNV-1a hash already known (from another table).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (id: Int32, isNew: Bool) {
        let recent = Int(truncatingIfNeeded: h >> 40) & (Self.recentCount - 1)
        let recentID = recentIDs[recent]
        if recentID >= 0, recentHashes[recent] == h, matches(recentID, bytes) { return (recentID, false) }
        let (found, slot) = probe(bytes, hash: h)
        if let found {
            recentHashes[recent] = h
            recentIDs[recent] = found
            return (found, false)
        }
        let id = Int32(entries.count)
        recentHashes[recent] = h
        recentIDs[recent] = id
        entries.append(Entry(start: Int32(arena.count), length: Int32(bytes.count)))
        hashes.append(h)
        arena.append(contentsOf: bytes)
        slots[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        if entries.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id of `bytes` if the table has them.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        probe(bytes, hash: Decompounder.hash(bytes)).found
    }

    /// The id of `bytes`, or the empty slot where they would go.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (found: Int32?, slot: Int) {
        let tag = h & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    while true {
                        let value = slots[slot]
                        if value == 0 { return (nil, slot) }
                        if value & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(value & 0xFFFF_FFFF) - 1
                            let entry = entries[id]
                            if Int(entry.length) == bytes.count, arena.baseAddress.map({ Self.equal($0 + Int(entry.start), bytes) }) ?? bytes.isEmpty {
                                return (Int32(id), slot)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether `id`'s bytes are `bytes`.
    @inline(__always)
    private func matches(_ id: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries.withUnsafeBufferPointer { $0[Int(id)] }
        guard Int(entry.length) == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            arena.baseAddress.map { Self.equal($0 + Int(entry.start), bytes) } ?? bytes.isEmpty
        }
    }

    @inline(__always)
    private static func equal(_ stored: UnsafePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        // Words are short: a plain loop beats calling memcmp.
        for index in 0..<bytes.count where stored[index] != base[index] { return false }
        return true
    }

    /// The FNV-1a hash of `id`'s bytes (the same as ``Decompounder/hash(_:)``).
    func hash(_ id: Int32) -> UInt64 { hashes[Int(id)] }

    /// The byte length of `id`.
    func length(_ id: Int32) -> Int { Int(entries[Int(id)].length) }

    /// Hands the bytes of `id` to `body`; they are valid only during the call.
    func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let entry = entries[Int(id)]
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.start + entry.length)])) }
    }

    /// Every entry as a String, in id order.
    var strings: [String] { (0..<count).map { string(Int32($0)) } }

    /// The bytes of `id` as a String.
    func string(_ id: Int32) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for id in 0..<entries.count {
            let h = hashes[id]
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        }
    }
}
