/// Splits German compounds into known words: `kompetenzzentrum` -> `kompetenz` + `zentrum`,
/// `datennutzungsgesetz` -> `daten` + `nutzung` + `gesetz` (the linking `s` dropped).
///
/// The dictionary is the site's own vocabulary (words that also stand alone) plus the
/// built-in ``CompoundLexicon``. Splitting prefers the fewest parts, then the longest shortest part,
/// so that `verordnung` is not taken apart into nonsense.
public struct Decompounder: Sendable {
    /// Folded words that may be parts of compounds.
    public let dictionary: Set<String>
    /// 64-bit FNV-1a hashes of `dictionary`, so candidate parts are checked without making strings.
    private let hashes: HashSet64
    /// Shortest word that is tried: shorter words are rarely compounds.
    public static let minimumCompoundLength = 7
    /// Shortest part; three-letter parts (`rat`, `amt`) must be frequent words to count.
    public static let minimumPartLength = 3
    /// Linking elements (Fugenelemente) that may stand between parts, longest first.
    static let linkingElements: [[UInt8]] = ["es", "en", "er", "s", "n", "e"].map { Array($0.utf8) }

    public init(dictionary: Set<String>) {
        self.dictionary = dictionary
        hashes = HashSet64(dictionary.map { Self.hash($0.utf8) })
    }

    /// The dictionary built from a vocabulary: words seen standalone at least `minimumCount` times
    /// (three-letter words more often), plus the built-in lexicon.
    public init(vocabulary: [String: Int], minimumCount: Int = 2) {
        var words = CompoundLexicon.words
        for (word, count) in vocabulary where word.utf8.count >= 4 ? count >= minimumCount : (word.utf8.count == 3 && count >= minimumCount * 4) {
            words.insert(word)
        }
        self.init(dictionary: words)
    }

    static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The parts of `word` (folded), or nil when it is not a compound of known words.
    public func split(_ word: String) -> [String]? {
        let bytes = Array(word.utf8)
        let n = bytes.count
        guard n >= Self.minimumCompoundLength else { return nil }
        // ends[start]: every end such that bytes[start..<end] is a dictionary word.
        var ends = [[Int]](repeating: [], count: n)
        for start in 0..<n {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for end in (start + 1)...n {
                h = (h ^ UInt64(bytes[end - 1])) &* 0x0000_0100_0000_01B3
                // The word itself is not a split of itself, even when it is in the dictionary.
                if end - start >= Self.minimumPartLength, !(start == 0 && end == n), hashes.contains(h) { ends[start].append(end) }
            }
        }
        // best[start]: the best split of bytes[start...], filled from the end.
        var best = [[Range<Int>]?](repeating: nil, count: n + 1)
        for start in stride(from: n - 1, through: 0, by: -1) {
            var choice: [Range<Int>]?
            for end in ends[start] {
                if end == n {
                    choice = better(choice, [start..<end])
                    continue
                }
                for next in nextStarts(after: end, in: bytes) {
                    if let rest = best[next] { choice = better(choice, [start..<end] + rest) }
                }
            }
            best[start] = choice
        }
        guard let ranges = best[0], ranges.count >= 2 else { return nil }
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Where the next part may start: right after this one, or after a linking element.
    private func nextStarts(after end: Int, in bytes: [UInt8]) -> [Int] {
        var starts = [end]
        for link in Self.linkingElements where end + link.count < bytes.count && bytes[end..<(end + link.count)].elementsEqual(link) {
            starts.append(end + link.count)
        }
        return starts
    }

    /// Fewer parts win; then the split whose shortest part is longest.
    private func better(_ a: [Range<Int>]?, _ b: [Range<Int>]) -> [Range<Int>] {
        guard let a else { return b }
        if a.count != b.count { return a.count < b.count ? a : b }
        let shortestA = a.map(\.count).min() ?? 0, shortestB = b.map(\.count).min() ?? 0
        return shortestB > shortestA ? b : a
    }
}

/// A set of 64-bit hashes with open addressing: the decompounder asks it about every substring of
/// every distinct word, and `Set<UInt64>` would hash each already well-mixed FNV value again.
struct HashSet64: Sendable {
    private var slots: [UInt64]
    private var hasZero = false
    private let mask: Int

    init(_ values: [UInt64]) {
        var size = 16
        while size < values.count * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)  // 0 marks an empty slot; the value 0 is kept aside.
        mask = size - 1
        for value in values {
            if value == 0 { hasZero = true; continue }
            var slot = Int(truncatingIfNeeded: value ^ (value >> 29)) & mask
            while slots[slot] != 0 && slots[slot] != value { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }

    func contains(_ value: UInt64) -> Bool {
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
