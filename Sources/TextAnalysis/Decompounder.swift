/// Splits German compounds into known words: `kompetenzzentrum` -> `kompetenz` + `zentrum`,
/// `datennutzungsgesetz` -> `daten` + `nutzung` + `gesetz` (the linking `s` dropped).
///
/// The dictionary is the site's own vocabulary (words that also stand alone) plus the
/// built-in ``CompoundLexicon``. Splitting prefers the fewest parts, then the longest shortest part,
/// so that `verordnung` is not taken apart into nonsense.
public struct Decompounder: Sendable {
    /// 64-bit FNV-1a hashes of the dictionary's words, so candidate parts are checked without
    /// making strings (a collision between two folded words of at most 64 bytes is not a concern).
    private let hashes: HashSet64
    /// The hashes of every prefix of every dictionary word, as a one-sided filter: when the bytes
    /// from a start position are no word's prefix, no longer part starts there either, and the search
    /// stops early instead of hashing and looking up every substring to the word's end. Nil when the
    /// dictionary came as hashes only (then every substring is looked up).
    private let prefixes: PrefixFilter?
    /// Shortest word that is tried: shorter words are rarely compounds.
    public static let minimumCompoundLength = 7
    /// Shortest part; three-letter parts (`rat`, `amt`) must be frequent words to count.
    public static let minimumPartLength = 3
    /// Longest word that is tried (the tokeniser's longest word).
    static let maximumCompoundLength = 64
    /// Linking elements (Fugenelemente) that may stand between parts, longest first.
    static let linkingElements: [[UInt8]] = ["es", "en", "er", "s", "n", "e"].map { Array($0.utf8) }

    public init(dictionary: Set<String>) {
        self.init(wordHashes: dictionary.map { Self.hash($0.utf8) }, addingLexicon: false) { body in
            for var word in dictionary { word.withUTF8(body) }
        }
    }

    /// The dictionary built from a vocabulary: words seen standalone at least `minimumCount` times
    /// (three-letter words more often), plus the built-in lexicon.
    public init(vocabulary: [String: Int], minimumCount: Int = 2) {
        let words = vocabulary.filter { Self.isDictionaryWord(length: $0.key.utf8.count, standaloneCount: $0.value, minimumCount: minimumCount) }
        self.init(wordHashes: words.keys.map { Self.hash($0.utf8) }) { body in
            for var word in words.keys { word.withUTF8(body) }
        }
    }

    /// A dictionary of words given by their ``hash(_:)``, plus the built-in lexicon unless told not to.
    /// `forEachWord`, when given, hands the same words' bytes to its argument, one after another: the
    /// decompounder then knows their prefixes and splits faster (with the same result).
    public init(wordHashes: [UInt64], addingLexicon: Bool = true,
                forEachWord: (((UnsafeBufferPointer<UInt8>) -> Void) -> Void)? = nil) {
        hashes = HashSet64(addingLexicon ? wordHashes + CompoundLexicon.words.map { Self.hash($0.utf8) } : wordHashes)
        prefixes = forEachWord.map { forEachWord in
            var filter = PrefixFilter(wordCount: wordHashes.count + (addingLexicon ? CompoundLexicon.words.count : 0))
            forEachWord { filter.insertPrefixes(of: $0) }
            if addingLexicon {
                for var word in CompoundLexicon.words { word.withUTF8 { filter.insertPrefixes(of: $0) } }
            }
            return filter
        }
    }

    /// Whether a word of the site's vocabulary may be a compound part: four letters or more and seen
    /// standalone at least `minimumCount` times; three letters only when four times as frequent.
    public static func isDictionaryWord(length: Int, standaloneCount: Int, minimumCount: Int = 2) -> Bool {
        length >= 4 ? standaloneCount >= minimumCount : (length == 3 && standaloneCount >= minimumCount * 4)
    }

    /// FNV-1a, 64 bits: the hash of a dictionary word, and of every word in the index's word
    /// tables. Inlinable, so that callers in other modules get it specialised for their byte type.
    @inlinable
    public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Whether `word` (folded) is in the dictionary.
    public func contains(_ word: String) -> Bool { hashes.contains(Self.hash(word.utf8)) }

    /// The parts of `word` (folded), or nil when it is not a compound of known words.
    public func split(_ word: String) -> [String]? {
        var word = word
        return word.withUTF8 { bytes in
            parts(of: bytes)?.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// The parts of `word` (folded) that an index keeps as terms: its parts and, for a part that is a
    /// compound itself, that part's parts (`bundesfernstrassengesetz` -> `bundesfernstrassen`,
    /// `gesetz`, `bundes`, `fernstrassen`), so a query for an inner compound finds the title. Nil when
    /// it is not a compound.
    public func indexParts(_ word: String) -> [String]? {
        var word = word
        return word.withUTF8 { bytes in
            indexParts(of: bytes)?.ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// The byte ranges of ``indexParts(_:)``: first the parts, then the parts of each part that is a
    /// compound itself (one level: the parts of a part of a part are rare and add little); `count` is
    /// the number of the first, outer parts.
    public func indexParts(of bytes: UnsafeBufferPointer<UInt8>) -> (ranges: [Range<Int>], count: Int)? {
        guard let parts = parts(of: bytes) else { return nil }
        var ranges = parts
        for part in parts where part.count >= Self.minimumCompoundLength {
            if let inner = self.parts(of: UnsafeBufferPointer(rebasing: bytes[part])) {
                ranges += inner.map { ($0.lowerBound + part.lowerBound)..<($0.upperBound + part.lowerBound) }
            }
        }
        return (ranges, parts.count)
    }

    /// The byte ranges of the parts of `bytes` (a folded word), or nil when it is not a compound.
    ///
    /// Dynamic programming from the end of the word: for every start, the best split of the rest
    /// (fewest parts, then the longest shortest part; the first found wins a tie). Runs for every
    /// distinct word of a site, so it works in fixed scratch space without allocating.
    public func parts(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        let n = bytes.count
        guard n >= Self.minimumCompoundLength, n <= Self.maximumCompoundLength else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { ends in
            // ends[start]: bit (end - 1) is set when bytes[start..<end] is a dictionary word.
            for start in 0..<n {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                var found: UInt64 = 0
                for end in (start + 1)...n {
                    h = (h ^ UInt64(bytes[end - 1])) &* 0x0000_0100_0000_01B3
                    if let prefixes, !prefixes.mayContain(h) { break }
                    // The word itself is not a split of itself, even when it is in the dictionary.
                    if end - start >= Self.minimumPartLength, !(start == 0 && end == n), hashes.contains(h) {
                        found |= 1 << UInt64(end - 1)
                    }
                }
                ends[start] = found
            }
            return withUnsafeTemporaryAllocation(of: Choice.self, capacity: n + 1) { best in
                best.initialize(repeating: Choice())
                for start in stride(from: n - 1, through: 0, by: -1) {
                    var choice = Choice()
                    var remaining = ends[start]
                    while remaining != 0 {
                        let end = remaining.trailingZeroBitCount + 1
                        remaining &= remaining - 1
                        if end == n {
                            choice.adopt(Choice(count: 1, shortest: Int32(n - start), end: Int32(n), next: Int32(n)))
                            continue
                        }
                        Self.forEachNextStart(after: end, in: bytes) { next in
                            let rest = best[next]
                            guard rest.count > 0 else { return }
                            choice.adopt(Choice(count: rest.count + 1, shortest: min(Int32(end - start), rest.shortest),
                                                end: Int32(end), next: Int32(next)))
                        }
                    }
                    best[start] = choice
                }
                guard best[0].count >= 2 else { return nil }
                var ranges: [Range<Int>] = []
                ranges.reserveCapacity(Int(best[0].count))
                var start = 0
                while start < n {
                    let choice = best[start]
                    ranges.append(start..<Int(choice.end))
                    start = Int(choice.next)
                }
                return ranges
            }
        }
    }

    /// The best split of a word's tail: its part count (0 = none yet), its shortest part, where its
    /// first part ends and where the part after that starts.
    private struct Choice {
        var count: Int32 = 0
        var shortest: Int32 = 0
        var end: Int32 = 0
        var next: Int32 = 0

        /// Takes `other` when it is better: fewer parts, else a longer shortest part.
        mutating func adopt(_ other: Choice) {
            if count == 0 || other.count < count || (other.count == count && other.shortest > shortest) { self = other }
        }
    }

    /// Where the next part may start: right after this one, or after a linking element.
    private static func forEachNextStart(after end: Int, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        body(end)
        for link in linkingElements where end + link.count < bytes.count {
            var matches = true
            for (offset, byte) in link.enumerated() where bytes[end + offset] != byte { matches = false; break }
            if matches { body(end + link.count) }
        }
    }
}

/// The FNV-1a hashes of all prefixes of a set of words, one bit each in a bitmap of about 32 bits
/// per word: a clear bit means that no word starts with the bytes of that hash; a set bit may be
/// another prefix's (so it only ever lets a search go on, never cuts one short).
struct PrefixFilter: Sendable {
    private var bits: [UInt64]
    private let mask: Int

    init(wordCount: Int) {
        var size = 1 << 12
        while size < wordCount * 32 { size <<= 1 }
        bits = [UInt64](repeating: 0, count: size / 64)
        mask = size - 1
    }

    mutating func insertPrefixes(of word: UnsafeBufferPointer<UInt8>) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bits.withUnsafeMutableBufferPointer { bits in
            for byte in word {
                h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                let bit = Int(truncatingIfNeeded: h >> 21) & mask
                bits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    @inline(__always) func mayContain(_ h: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: h >> 21) & mask
        return bits.withUnsafeBufferPointer { $0[bit >> 6] } & (1 << UInt64(bit & 63)) != 0
    }
}

/// A set of 64-bit hashes with open addressing: the decompounder asks it about every substring of
/// every distinct word, and `Set<UInt64>` would hash each already well-mixed FNV value again.
struct HashSet64: Sendable {
    private var slots: [UInt64]
    private var hasZero = false
    private let mask: Int
    /// One bit per value (by other bits of the hash than the slots use), eight bits per value: a
    /// clear bit says "not here" from a table small enough to stay in the cache. Splitting a word
    /// tries every substring, almost none of them a word, and those reads of the large slot array
    /// were most of the time spent on compounds.
    private var filter: [UInt64]
    private let filterMask: Int

    init(_ values: [UInt64]) {
        var size = 16
        while size < values.count * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)  // 0 marks an empty slot; the value 0 is kept aside.
        mask = size - 1
        var bits = 1024
        while bits < values.count * 8 { bits <<= 1 }
        filter = [UInt64](repeating: 0, count: bits / 64)
        filterMask = bits - 1
        for value in values {
            let bit = Int(truncatingIfNeeded: value >> 38) & filterMask
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            if value == 0 { hasZero = true; continue }
            var slot = Int(truncatingIfNeeded: value ^ (value >> 29)) & mask
            while slots[slot] != 0 && slots[slot] != value { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }

    func contains(_ value: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: value >> 38) & filterMask
        if filter.withUnsafeBufferPointer({ $0[bit >> 6] }) & (1 << UInt64(bit & 63)) == 0 { return false }
        if value == 0 { return hasZero }
        var slot = Int(truncatingIfNeeded: value ^ (value >> 29)) & mask
        while true {
            let found = slots[slot]
            if found == value { return true }
            if found == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}
