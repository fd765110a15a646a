import Foundation
import TextAnalysis
import ParallelSteps

/// Every distinct word of the site mapped to its index terms: its stem, and the stems of its
/// compound parts. Each word is stemmed and split exactly once.
struct TermTable {
    /// Term strings by term id (not sorted).
    var terms: [String] = []
    /// For each global word id: the term of the whole word.
    var wholeTerm: [Int32] = []
    /// For each global word id: where its compound parts' terms start in ``partTermValues`` (they end
    /// where the next word's start; one entry more than there are words). One flat array instead of
    /// an array per word: the postings read every word's parts, and each inner array cost a
    /// retain, a release and a pointer to follow.
    private(set) var partTermStarts: [Int32] = [0]
    private(set) var partTermValues: [Int32] = []

    /// The terms of word `word`'s compound parts (empty when it is not a compound).
    func partTerms(of word: Int) -> ArraySlice<Int32> {
        partTermValues[Int(partTermStarts[word])..<Int(partTermStarts[word + 1])]
    }
    /// The compound dictionary made from the vocabulary, kept for words added later (preview updates).
    let decompounder: Decompounder
    /// Compounds by the terms of two or three of their parts (``partsKey(_:)``): a title that spells
    /// the parts apart ("Gesetz über … Arzneimitteln") gets the compound's term too
    /// ("Arzneimittelgesetz"). A compound is filed under its two outer parts and under its smallest
    /// parts when they are three (`jugend`, `arbeit`, `schutz` for "Jugendarbeitsschutz").
    private(set) var compoundsByParts: [PartsKey: [Int32]] = [:]
    /// The terms that occur in a key of ``compoundsByParts``: a title's pairs and triples are looked up
    /// only when all their terms are among them (a dictionary lookup for each pair of each title's
    /// terms was 1 % of a laws build, and most pairs hold a term that is no compound's part).
    private(set) var termsInParts = TermBits([])

    /// A set of term ids as one bit each.
    struct TermBits: Sendable {
        private var words: [UInt64] = []

        /// The terms of the keys of `compoundsByParts`.
        init(parts compoundsByParts: [PartsKey: [Int32]]) {
            self.init(compoundsByParts.keys.flatMap { [$0.terms[0], $0.terms[1], $0.terms[2]] })
        }

        init(_ terms: some Sequence<Int32>) {
            for term in terms where term >= 0 {
                let word = Int(term) >> 6
                if word >= words.count { words += repeatElement(0, count: word + 1 - words.count) }
                words[word] |= 1 << UInt64(term & 63)
            }
        }

        func contains(_ term: Int32) -> Bool {
            let word = Int(term) >> 6
            return term >= 0 && word < words.count && words[word] & (1 << UInt64(term & 63)) != 0
        }
    }

    /// Two or three part terms, sorted, so their order in a title does not matter.
    struct PartsKey: Hashable, Sendable {
        var terms: SIMD3<Int32>

        init?(_ parts: [Int32]) {
            guard parts.count == 2 || parts.count == 3 else { return nil }
            self.init(parts[0], parts[1], parts.count == 3 ? parts[2] : nil)
        }

        /// Two terms, or three; nil when any two are equal. Allocates nothing: the index builder
        /// asks this for every pair and triple of every title's terms.
        init?(_ a: Int32, _ b: Int32, _ c: Int32? = nil) {
            guard a != b, c != a, c != b else { return nil }
            let low = min(a, b), high = max(a, b)
            guard let c else {
                terms = SIMD3(low, high, -1)
                return
            }
            terms = c < low ? SIMD3(c, low, high) : c > high ? SIMD3(low, high, c) : SIMD3(low, c, high)
        }
    }

    /// A table of ready terms, for the words of one document (see ``IncrementalSearchIndex``).
    init(wholeTerm: [Int32], partTerms: [[Int32]], decompounder: Decompounder, compoundsByParts: [PartsKey: [Int32]]) {
        self.wholeTerm = wholeTerm
        for parts in partTerms {
            partTermValues += parts
            partTermStarts.append(Int32(partTermValues.count))
        }
        self.decompounder = decompounder
        self.compoundsByParts = compoundsByParts
        termsInParts = TermBits(parts: compoundsByParts)
    }

    /// Stems and splits every word of `vocabulary` (whose ids are the global word ids).
    ///
    /// Works on bytes throughout: the laws have about 400,000 distinct words, and making each into a
    /// String, hashing it into dictionaries and stemming from Strings cost more than the stemming.
    init(vocabulary: ByteStringTable, standaloneCounts: [Int]) {
        let wordCount = vocabulary.count
        var dictionaryWords: [Int32] = []
        for id in 0..<Int32(wordCount) where Decompounder.isDictionaryWord(length: vocabulary.length(id), standaloneCount: standaloneCounts[Int(id)]) {
            dictionaryWords.append(id)
        }
        let decompounder = Decompounder(wordHashes: dictionaryWords.map(vocabulary.hash)) { body in
            for id in dictionaryWords { vocabulary.withBytes(id, body) }
        }
        self.decompounder = decompounder
        // Stemming and splitting are independent per word: run them on all cores, one stemmer per
        // slice. Each slice keeps its stems as bytes; the term ids are then given out in word order,
        // so they do not depend on the scheduling. First every word's own stem; then the compound
        // parts, whose stems are mostly those of words seen standalone (that is how they got into the
        // dictionary), so they are looked up instead of stemmed again.
        let slices = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let wholeStems = Array(0..<slices).concurrentMap { slice -> SliceStems in
            let stemmer = GermanStemmer()
            var out = SliceStems()
            for index in stride(from: slice, to: wordCount, by: slices) {
                vocabulary.withBytes(Int32(index)) { word in stemmer.withStem(of: word) { out.add($0) } }
            }
            return out
        }
        let perSlice = Array(0..<slices).concurrentMap { slice -> SliceStems in
            let stemmer = GermanStemmer()
            var out = SliceStems()
            for index in stride(from: slice, to: wordCount, by: slices) {
                wholeStems[slice].withStem(index / slices) { out.add($0) }
                vocabulary.withBytes(Int32(index)) { word in
                    let split = decompounder.indexParts(of: word)
                    let parts = split?.ranges ?? []
                    for part in parts {
                        let partBytes = UnsafeBufferPointer(rebasing: word[part])
                        if let known = vocabulary.find(partBytes) {
                            wholeStems[Int(known) % slices].withStem(Int(known) / slices) { out.add($0) }
                        } else {
                            stemmer.withStem(of: partBytes) { out.add($0) }
                        }
                    }
                    if !parts.isEmpty { out.compoundCount += 1 }
                    out.partCounts.append(UInt8(parts.count))
                    out.outerPartCounts.append(UInt8(split?.count ?? 0))
                    out.leafMasks.append(Self.leafMask(parts, outerCount: split?.count ?? 0))
                }
            }
            return out
        }
        var termTable = ByteStringTable(capacity: wordCount)
        // Sized up front: growing it rehashed every compound's key several times (0.4 % of a laws build).
        var byParts: [PartsKey: [Int32]] = [:]
        byParts.reserveCapacity(perSlice.reduce(0) { $0 + $1.compoundCount })
        wholeTerm = [Int32](repeating: 0, count: wordCount)
        partTermStarts.reserveCapacity(wordCount + 1)
        var cursors = Array(repeating: (word: 0, stem: 0), count: slices)
        // Reused for every compound: this loop runs on one core over every distinct word.
        var outer: [Int32] = [], leaves: [Int32] = []
        for index in 0..<wordCount {
            let slice = index % slices
            let stems = perSlice[slice]
            var (word, stem) = cursors[slice]
            let whole = stems.withStem(stem) { termTable.intern($0).id }
            stem += 1
            wholeTerm[index] = whole
            let partCount = Int(stems.partCounts[word])
            if partCount > 0 {
                let partsStart = partTermValues.count
                outer.removeAll(keepingCapacity: true)
                leaves.removeAll(keepingCapacity: true)
                for number in 0..<partCount {
                    let part = stems.withStem(stem) { termTable.intern($0).id }
                    stem += 1
                    if number < Int(stems.outerPartCounts[word]) { outer.append(part) }
                    if number < 32 && stems.leafMasks[word] & (1 << UInt32(number)) != 0 { leaves.append(part) }
                    // A part equal to the whole word's own stem (or an earlier part) adds nothing.
                    if part != whole && !partTermValues[partsStart...].contains(part) { partTermValues.append(part) }
                }
                if !outer.contains(whole) {
                    // One hash lookup per key, where two were.
                    if let key = PartsKey(outer) { Self.appendOnce(whole, to: &byParts[key, default: []]) }
                    if leaves.count == 3, let key = PartsKey(leaves) { Self.appendOnce(whole, to: &byParts[key, default: []]) }
                }
            }
            partTermStarts.append(Int32(partTermValues.count))
            cursors[slice] = (word + 1, stem)
        }
        terms = termTable.strings
        compoundsByParts = byParts
        termsInParts = TermBits(parts: byParts)
    }

    private static func appendOnce(_ term: Int32, to list: inout [Int32]) {
        if !list.contains(term) { list.append(term) }
    }

    /// Which of a word's parts (outer parts first, then the parts of each outer compound part) are its
    /// smallest parts: the inner ones and the outer ones that were not split further. Bit n is part n.
    static func leafMask(_ parts: [Range<Int>], outerCount: Int) -> UInt32 {
        guard parts.count <= 32 else { return 0 }
        var mask: UInt32 = 0
        for (number, part) in parts.enumerated() {
            let isSplit = number < outerCount && parts[outerCount...].contains { $0.lowerBound >= part.lowerBound && $0.upperBound <= part.upperBound }
            if !isSplit { mask |= 1 << UInt32(number) }
        }
        return mask
    }
}

/// The stems one slice of the vocabulary produced, in order: for each word its whole stem, then the
/// stems of its parts.
private struct SliceStems: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int32] = []
    var partCounts: [UInt8] = []
    /// How many of a word's parts are its outer parts (the rest are parts of those).
    var outerPartCounts: [UInt8] = []
    /// ``TermTable/leafMask(_:outerCount:)`` of each word.
    var leafMasks: [UInt32] = []
    /// How many of the slice's words have parts.
    var compoundCount = 0

    mutating func add(_ stem: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: stem)
        ends.append(Int32(bytes.count))
    }

    func withStem<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[index])])) }
    }
}
