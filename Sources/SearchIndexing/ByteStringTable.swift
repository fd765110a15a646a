import Foundation
import TextAnalysis

/// Interns byte strings (folded words) to dense ids without making a Swift String per token.
///
/// Open addressing over FNV-1a hashes; the bytes live in one arena. Tokenising a large site looks
/// up tens of millions of words, and a `[String: Int32]` spends most of its time creating and
/// hashing strings. Each slot keeps the upper half of its word's hash, its id and where its bytes
/// lie in the arena, so a probe reads one slot and then the bytes: a probe that meets another word
/// is rejected by the hash alone, and a rare word costs two cache misses instead of three.
struct ByteStringTable {
    private struct Entry {
        var start: Int32
        var length: Int32
    }

    /// An empty slot has `id` -1.
    private struct Slot {
        var tag: UInt32 = 0
        var id: Int32 = -1
        var start: Int32 = 0
        var length: Int32 = 0
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var hashes: [UInt64] = []
    private var slots: [Slot]
    private var mask: Int
    /// The last word seen at each of a few thousand places (by other bits of the hash than the
    /// slots use), small enough to stay in the cache. Text repeats its frequent words all the time,
    /// and for them this answers without touching the large slot array, whose random reads were
    /// most of a laws build's word counting. The word's bytes are still compared.
    private var recent = [Slot](repeating: Slot(), count: recentCount)
    private static let recentCount = 4096

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
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
        let place = Int(truncatingIfNeeded: h >> 40) & (Self.recentCount - 1)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        let seen = recent.withUnsafeBufferPointer { $0[place] }
        if seen.id >= 0, seen.tag == tag, holds(seen, bytes) { return (seen.id, false) }
        let (found, slot) = probe(bytes, hash: h)
        if let found {
            recent.withUnsafeMutableBufferPointer { $0[place] = found }
            return (found.id, false)
        }
        let id = Int32(entries.count)
        let new = Slot(tag: tag, id: id, start: Int32(arena.count), length: Int32(bytes.count))
        recent.withUnsafeMutableBufferPointer { $0[place] = new }
        entries.append(Entry(start: new.start, length: new.length))
        hashes.append(h)
        arena.append(contentsOf: bytes)
        slots[slot] = new
        if entries.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id of `bytes` if the table has them.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        probe(bytes, hash: Decompounder.hash(bytes)).found?.id
    }

    /// The slot of `bytes`, or the index of the empty slot where they would go.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (found: Slot?, slot: Int) {
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        var index = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[index]
                if slot.id < 0 { return (nil, index) }
                if slot.tag == tag, holds(slot, bytes) { return (slot, index) }
                index = (index + 1) & mask
            }
        }
    }

    /// Whether the word of `slot` is `bytes`.
    @inline(__always)
    private func holds(_ slot: Slot, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(slot.length) == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            arena.baseAddress.map { Self.equal($0 + Int(slot.start), bytes) } ?? bytes.isEmpty
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
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        for id in 0..<entries.count {
            let h = hashes[id]
            var index = Int(truncatingIfNeeded: h) & mask
            while slots[index].id >= 0 { index = (index + 1) & mask }
            slots[index] = Slot(tag: UInt32(truncatingIfNeeded: h >> 32), id: Int32(id), start: entries[id].start, length: entries[id].length)
        }
    }
}
