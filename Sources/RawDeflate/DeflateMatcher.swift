#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The LZ77 half of DEFLATE: finds repeated byte sequences and turns the input into literals and
/// (length, distance) back-references, with hash chains and one step of lazy matching as in zlib.
struct DeflateMatcher {
    /// How hard the matcher looks: how many earlier positions with the same 3-byte hash are tried
    /// per position (higher finds longer matches but costs time; 4...4096 are sensible), and the
    /// match length from which it takes a match without trying the next position (lazy matching;
    /// 0 takes every match at once).
    /// `niceLength` ends the search at a match this long; positions inside a match longer than
    /// `insertLimit` are not entered into the hash chains (zlib's `max_insert_length`).
    struct Effort: Sendable {
        var chainLimit: Int
        var lazyLimit: Int
        var niceLength: Int
        var insertLimit: Int
        /// Bytes hashed to find candidates: 3 finds every 3-byte match; 4 skips the 3-byte ones
        /// (rarely worth their bits) and gives far fewer false candidates in text.
        var hashedBytes: Int
        /// zlib's level 6 (chain 128, lazy up to 32): for packages, compressed once.
        static let thorough = Effort(chainLimit: 128, lazyLimit: 32, niceLength: 258, insertLimit: 258, hashedBytes: 3)
        /// zlib's level 2 (chain 8, nice 16, no lazy matching, insert up to 5): for the search index,
        /// which compresses a whole site's text in every build.
        static let fast = Effort(chainLimit: 8, lazyLimit: 0, niceLength: 16, insertLimit: 4, hashedBytes: 4)
    }
    /// Farthest back a match may start. Smaller than the 32 KiB window, as zlib's MAX_DIST, so that
    /// the ring of chain links never hands out a slot that was already reused.
    static let maxDistance = 32768 - 262

    /// A literal byte (the value itself, below 2^15) or a match `length << 15 | (distance - 1)`.
    typealias Token = UInt32

    /// The tokens of `input`, in order.
    ///
    /// Works on raw pointers: the search index runs this over a whole site's text in every build, and
    /// arrays captured by nested functions cost a bounds and exclusivity check on every access.
    static func tokens(of input: [UInt8], effort: Effort = .thorough) -> [Token] {
        tokens(of: input, effort: effort, counts: nil)
    }

    /// ``tokens(of:effort:)`` that also counts the symbols of the tokens into `counts`: the literal/length
    /// symbols and the distance symbols, as a block's code is made of them. Counting while the tokens
    /// are made saves a second pass over them, a tenth of compressing a small input.
    static func tokens(of input: [UInt8], effort: Effort, counts: SymbolCounts?) -> [Token] {
        input.withUnsafeBufferPointer { buffer in
            // A token stands for at least one byte, so there are at most as many tokens as bytes.
            [Token](unsafeUninitializedCapacity: buffer.count) { out, written in
                guard let data = buffer.baseAddress, let tokens = out.baseAddress else { written = 0; return }
                DeflateSymbols.lengthCodes.withUnsafeBufferPointer { lengthCodes in
                DeflateSymbols.distanceCodes.withUnsafeBufferPointer { distanceCodes in
                    let finder = MatchFinder(data: data, count: buffer.count, effort: effort, counts: counts,
                                             lengthCodes: lengthCodes.baseAddress!, distanceCodes: distanceCodes.baseAddress!)
                    defer { finder.release() }
                    written = effort.lazyLimit == 0 ? finder.greedyTokens(into: tokens) : finder.lazyTokens(into: tokens)
                }
                }
            }
        }
    }

    /// Where ``tokens(of:effort:counts:)`` counts symbols: 286 literal/length and 30 distance counters.
    struct SymbolCounts {
        let literals: UnsafeMutablePointer<Int>
        let distances: UnsafeMutablePointer<Int>
    }
}

/// The hash chains of one input and the search along them; the two token loops of
/// ``DeflateMatcher/tokens(of:effort:)`` share it.
private struct MatchFinder {
    typealias Token = DeflateMatcher.Token
    let data: UnsafePointer<UInt8>
    let count: Int
    let effort: DeflateMatcher.Effort
    let bits: Int
    let hashMask: Int
    /// This thread's hash heads (see ``HashHeads``), holding `base` plus a position of this input.
    let head: UnsafeMutablePointer<Int32>
    let base: Int
    let previous: UnsafeMutablePointer<Int32>
    let counts: DeflateMatcher.SymbolCounts?
    let lengthCodes: UnsafePointer<UInt32>
    let distanceCodes: UnsafePointer<UInt32>
    static let windowMask = 32767

    init(data: UnsafePointer<UInt8>, count: Int, effort: DeflateMatcher.Effort, counts: DeflateMatcher.SymbolCounts?,
         lengthCodes: UnsafePointer<UInt32>, distanceCodes: UnsafePointer<UInt32>) {
        self.data = data
        self.count = count
        self.effort = effort
        self.counts = counts
        self.lengthCodes = lengthCodes
        self.distanceCodes = distanceCodes
        // Small inputs (the search index compresses each record and passage block on its own)
        // hash into fewer heads (4,096 of the 32,768), which keeps them in the cache.
        bits = count < 8192 ? 12 : 15
        hashMask = (1 << bits) - 1
        let heads = HashHeads.ofThisThread
        head = heads.slots
        base = heads.reserve(count)
        // Left uninitialised: a slot is read only for a position inserted before, whose insertion
        // wrote it (a candidate is less than a window back, so its slot was not reused yet). Filling
        // up to 128 KiB per input was a tenth of compressing the search index's records.
        previous = .allocate(capacity: max(1, min(Self.windowMask + 1, count)))
        #if DEBUG
        // In the tests' builds a slot read before it is written links to position 0, a real
        // candidate that changes the output, which the golden test of the output would catch.
        previous.initialize(repeating: 0, count: max(1, min(Self.windowMask + 1, count)))
        #endif
    }

    func release() {
        previous.deallocate()
    }

    /// The position of this input that head `h` holds; negative when it holds none (an entry of an
    /// earlier input is below `base`).
    @inline(__always) func first(_ h: Int) -> Int { Int(head[h]) - base }

    @inline(__always) func hash(_ i: Int) -> Int {
        if effort.hashedBytes == 4 {
            let word = UInt32(littleEndian: UnsafeRawPointer(data + i).loadUnaligned(as: UInt32.self))
            return Int((word &* 2_654_435_761) >> UInt32(32 - bits))
        }
        return (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & hashMask
    }

    @inline(__always) func insert(_ i: Int) {
        guard i + effort.hashedBytes <= count else { return }
        let h = hash(i)
        previous[i & Self.windowMask] = Int32(truncatingIfNeeded: first(h))
        head[h] = Int32(truncatingIfNeeded: base + i)
    }

    /// How many bytes at `a` and `b` agree, up to `limit`: eight at a time, then one by one.
    @inline(__always) func agreement(_ a: Int, _ b: Int, limit: Int) -> Int {
        var length = 0
        while length + 8 <= limit {
            let x = UInt64(littleEndian: UnsafeRawPointer(data + a + length).loadUnaligned(as: UInt64.self))
                ^ UInt64(littleEndian: UnsafeRawPointer(data + b + length).loadUnaligned(as: UInt64.self))
            if x != 0 { return length + x.trailingZeroBitCount >> 3 }
            length += 8
        }
        while length < limit && data[a + length] == data[b + length] { length += 1 }
        return length
    }

    /// The longest earlier match at `i` along the chain that starts at `candidate`.
    @inline(__always) func longestMatch(at i: Int, from candidate: Int) -> (length: Int, distance: Int) {
        let maxLength = min(258, count - i)
        var best = (length: 0, distance: 0)
        var candidate = candidate
        var triesLeft = effort.chainLimit
        while candidate >= 0 && i - candidate <= DeflateMatcher.maxDistance && triesLeft > 0 {
            // Check the byte that would make this candidate better first: most fail there.
            if best.length == 0 || data[candidate + best.length] == data[i + best.length] {
                let length = agreement(candidate, i, limit: maxLength)
                if length > best.length {
                    best = (length, i - candidate)
                    if length >= min(effort.niceLength, maxLength) { break }
                }
            }
            let next = Int(previous[candidate & Self.windowMask])
            // Links only point backwards; anything else is a reused ring slot.
            guard next < candidate else { break }
            candidate = next
            triesLeft -= 1
        }
        // A 3-byte match far back costs more bits than three literals (zlib's TOO_FAR).
        if best.length < 3 || (best.length == 3 && best.distance > 4096) { return (0, 0) }
        return best
    }

    /// The longest earlier match at `i` (searched before `i` itself is inserted).
    @inline(__always) func longestMatch(at i: Int) -> (length: Int, distance: Int) {
        guard i + effort.hashedBytes <= count else { return (0, 0) }
        return longestMatch(at: i, from: first(hash(i)))
    }

    /// Takes each match at once (no lazy matching): searches and inserts each position with one hash.
    func greedyTokens(into tokens: UnsafeMutablePointer<Token>) -> Int {
        var written = 0
        var i = 0
        while i < count {
            var match = (length: 0, distance: 0)
            if i + effort.hashedBytes <= count {
                let h = hash(i)
                let first = first(h)
                // The walk never reads slot `i & windowMask`: every candidate is less than a window back.
                previous[i & Self.windowMask] = Int32(truncatingIfNeeded: first)
                head[h] = Int32(truncatingIfNeeded: base + i)
                match = longestMatch(at: i, from: first)
            }
            guard match.length >= 3 else {
                tokens[written] = literal(at: i)
                written += 1
                i += 1
                continue
            }
            tokens[written] = self.match(match)
            written += 1
            if match.length <= effort.insertLimit {
                for position in (i + 1)..<(i + match.length) { insert(position) }
            }
            i += match.length
        }
        return written
    }

    /// The token of the literal at `i`, counted.
    @inline(__always) func literal(at i: Int) -> Token {
        let byte = data[i]
        if let counts { counts.literals[Int(byte)] += 1 }
        return Token(byte)
    }

    /// The token of a match, counted.
    @inline(__always) func match(_ match: (length: Int, distance: Int)) -> Token {
        if let counts {
            counts.literals[Int(lengthCodes[match.length] & 0xFFFF)] += 1
            counts.distances[Int(distanceCodes[match.distance - 1] & 0xFF)] += 1
        }
        return Token(match.length) << 15 | Token(match.distance - 1)
    }

    /// zlib's lazy matching: a match is kept only if the next position does not start a longer one.
    func lazyTokens(into tokens: UnsafeMutablePointer<Token>) -> Int {
        var written = 0
        var i = 0
        var pending: (length: Int, distance: Int)? = nil
        while i < count {
            let match: (length: Int, distance: Int)
            if let known = pending {
                match = known
                pending = nil
            } else {
                match = longestMatch(at: i)
                insert(i)
            }
            guard match.length >= 3 else {
                tokens[written] = literal(at: i)
                written += 1
                i += 1
                continue
            }
            var insertedUpTo = i
            if match.length < effort.lazyLimit {
                let next = longestMatch(at: i + 1)
                insert(i + 1)
                insertedUpTo = i + 1
                if next.length > match.length {
                    tokens[written] = literal(at: i)
                    written += 1
                    i += 1
                    pending = next
                    continue
                }
            }
            tokens[written] = self.match(match)
            written += 1
            if match.length <= effort.insertLimit {
                for position in (insertedUpTo + 1)..<(i + match.length) { insert(position) }
            }
            i += match.length
        }
        return written
    }
}

/// The hash heads of the matcher, one table per thread, kept from one input to the next.
///
/// A head holds the position where its hash last occurred. Each input's positions are counted from
/// a new `base`, above every position of the inputs before, so an old entry reads as a negative
/// position, that is as no entry: the table never has to be emptied. Emptying it for every input
/// (16 or 128 KiB) cost more than matching a small one, and the search index compresses tens of
/// thousands of records and passage blocks per build.
final class HashHeads {
    static let count = 1 << 15
    let slots: UnsafeMutablePointer<Int32>
    /// Where the positions of the next input start.
    private var next = 0

    private init() {
        slots = .allocate(capacity: Self.count)
        slots.initialize(repeating: -1, count: Self.count)
    }

    deinit { slots.deallocate() }

    /// The base for an input of `count` bytes. When the positions would leave `Int32`, the table is
    /// emptied and counting starts again at 0.
    func reserve(_ count: Int) -> Int {
        if next > Int(Int32.max) - count - 1 {
            slots.update(repeating: -1, count: Self.count)
            next = 0
        }
        let base = next
        next += count + 1
        return base
    }

    /// Lets the next input start at `position` (tests: the wrap past `Int32` without gigabytes of input).
    func startNext(at position: Int) { next = position }

    /// This thread's table, made at its first use and freed when the thread ends.
    static var ofThisThread: HashHeads {
        if let stored = pthread_getspecific(key) { return Unmanaged<HashHeads>.fromOpaque(stored).takeUnretainedValue() }
        let heads = HashHeads()
        pthread_setspecific(key, Unmanaged.passRetained(heads).toOpaque())
        return heads
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { stored in
            if let stored { Unmanaged<HashHeads>.fromOpaque(stored).release() }
        }
        return key
    }()
}
