/// Splits German compounds into known words: `kompetenzzentrum` -> `kompetenz` + `zentrum`,
/// `datennutzungsgesetz` -> `daten` + `nutzung` + `gesetz` (the linking `s` dropped).
///
/// The dictionary is the site's own vocabulary (words that also stand alone) plus the
/// built-in ``CompoundLexicon``. Splitting prefers the fewest parts, then the longest shortest part,
/// so that `verordnung` is not taken apart into nonsense.
public struct Decompounder: Sendable {
    /// Folded words that may be parts of compounds.
    public let dictionary: Set<String>
    /// Shortest word that is tried: shorter words are rarely compounds.
    public static let minimumCompoundLength = 7
    /// Shortest part; three-letter parts (`rat`, `amt`) must be frequent words to count.
    public static let minimumPartLength = 3
    /// Linking elements (Fugenelemente) that may stand between parts, longest first.
    static let linkingElements: [[UInt8]] = ["es", "en", "er", "s", "n", "e"].map { Array($0.utf8) }

    public init(dictionary: Set<String>) {
        self.dictionary = dictionary
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

    /// The parts of `word` (folded), or nil when it is not a compound of known words.
    public func split(_ word: String) -> [String]? {
        let bytes = Array(word.utf8)
        guard bytes.count >= Self.minimumCompoundLength else { return nil }
        var memo: [Int: [Range<Int>]?] = [:]
        guard let ranges = bestSplit(bytes, from: 0, memo: &memo), ranges.count >= 2 else { return nil }
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The best way to split `bytes[start...]` into dictionary words, as part ranges.
    private func bestSplit(_ bytes: [UInt8], from start: Int, memo: inout [Int: [Range<Int>]?]) -> [Range<Int>]? {
        if let known = memo[start] { return known }
        var best: [Range<Int>]?
        var end = bytes.count
        while end - start >= Self.minimumPartLength {
            let range = start..<end
            // The word itself is not a split of itself, even when it is in the dictionary.
            if start == 0 && end == bytes.count { end -= 1; continue }
            if contains(bytes[range]) {
                if end == bytes.count {
                    best = better(best, [range])
                } else {
                    for next in nextStarts(after: end, in: bytes) {
                        if let rest = bestSplit(bytes, from: next, memo: &memo) {
                            best = better(best, [range] + rest)
                        }
                    }
                }
            }
            end -= 1
        }
        memo[start] = best
        return best
    }

    /// Where the next part may start: right after this one, or after a linking element.
    private func nextStarts(after end: Int, in bytes: [UInt8]) -> [Int] {
        var starts = [end]
        for link in Self.linkingElements where end + link.count < bytes.count && bytes[end..<(end + link.count)].elementsEqual(link) {
            starts.append(end + link.count)
        }
        return starts
    }

    private func contains(_ bytes: ArraySlice<UInt8>) -> Bool {
        dictionary.contains(String(decoding: bytes, as: UTF8.self))
    }

    /// Fewer parts win; then the split whose shortest part is longest.
    private func better(_ a: [Range<Int>]?, _ b: [Range<Int>]) -> [Range<Int>] {
        guard let a else { return b }
        if a.count != b.count { return a.count < b.count ? a : b }
        let shortestA = a.map(\.count).min() ?? 0, shortestB = b.map(\.count).min() ?? 0
        return shortestB > shortestA ? b : a
    }
}
