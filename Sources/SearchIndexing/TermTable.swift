import Foundation
import TextAnalysis

/// Every distinct word of the site mapped to its index terms: its stem, and the stems of its
/// compound parts. Each word is stemmed and split exactly once.
struct TermTable {
    /// Term strings by term id (not sorted).
    var terms: [String] = []
    /// For each global word id: the term of the whole word.
    var wholeTerm: [Int32] = []
    /// For each global word id: the terms of its compound parts (empty when it is not a compound).
    var partTerms: [[Int32]] = []
    /// The compound dictionary made from the vocabulary, kept for words added later (preview updates).
    let decompounder: Decompounder

    /// A table of ready terms, for the words of one document (see ``IncrementalSearchIndex``).
    init(wholeTerm: [Int32], partTerms: [[Int32]], decompounder: Decompounder) {
        self.wholeTerm = wholeTerm
        self.partTerms = partTerms
        self.decompounder = decompounder
    }

    /// Stems and splits every word of `vocabulary` (whose ids are the global word ids).
    ///
    /// Works on bytes throughout: the laws have about 400,000 distinct words, and making each into a
    /// String, hashing it into dictionaries and stemming from Strings cost more than the stemming.
    init(vocabulary: ByteStringTable, standaloneCounts: [Int]) {
        let wordCount = vocabulary.count
        var dictionaryHashes: [UInt64] = []
        for id in 0..<Int32(wordCount) where Decompounder.isDictionaryWord(length: vocabulary.length(id), standaloneCount: standaloneCounts[Int(id)]) {
            dictionaryHashes.append(vocabulary.hash(id))
        }
        let decompounder = Decompounder(wordHashes: dictionaryHashes)
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
                    let parts = decompounder.indexParts(of: word) ?? []
                    for part in parts {
                        let partBytes = UnsafeBufferPointer(rebasing: word[part])
                        if let known = vocabulary.find(partBytes) {
                            wholeStems[Int(known) % slices].withStem(Int(known) / slices) { out.add($0) }
                        } else {
                            stemmer.withStem(of: partBytes) { out.add($0) }
                        }
                    }
                    out.partCounts.append(UInt8(parts.count))
                }
            }
            return out
        }
        var termTable = ByteStringTable(capacity: wordCount)
        wholeTerm = [Int32](repeating: 0, count: wordCount)
        partTerms = [[Int32]](repeating: [], count: wordCount)
        var cursors = Array(repeating: (word: 0, stem: 0), count: slices)
        for index in 0..<wordCount {
            let slice = index % slices
            let stems = perSlice[slice]
            var (word, stem) = cursors[slice]
            let whole = stems.withStem(stem) { termTable.intern($0).id }
            stem += 1
            wholeTerm[index] = whole
            let partCount = Int(stems.partCounts[word])
            if partCount > 0 {
                var parts: [Int32] = []
                for _ in 0..<partCount {
                    let part = stems.withStem(stem) { termTable.intern($0).id }
                    stem += 1
                    // A part equal to the whole word's own stem adds nothing.
                    if part != whole { parts.append(part) }
                }
                partTerms[index] = parts
            }
            cursors[slice] = (word + 1, stem)
        }
        terms = termTable.strings
    }
}

/// The stems one slice of the vocabulary produced, in order: for each word its whole stem, then the
/// stems of its parts.
private struct SliceStems: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int32] = []
    var partCounts: [UInt8] = []

    mutating func add(_ stem: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: stem)
        ends.append(Int32(bytes.count))
    }

    func withStem<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[index])])) }
    }
}
