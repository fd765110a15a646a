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

    init(words: [String], standaloneCounts: [Int]) {
        let vocabulary = Dictionary(uniqueKeysWithValues: zip(words, standaloneCounts))
        let decompounder = Decompounder(vocabulary: vocabulary)
        self.decompounder = decompounder
        // Stemming and splitting are independent per word: run them on all cores, one stemmer per slice.
        let slices = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let indices = Array(0..<slices)
        let perSlice = indices.concurrentMap { slice -> [(String, [String])] in
            let stemmer = GermanStemmer()
            var out: [(String, [String])] = []
            var index = slice
            while index < words.count {
                let word = words[index]
                let parts = decompounder.split(word)?.map { stemmer.stem($0) } ?? []
                out.append((stemmer.stem(word), parts))
                index += slices
            }
            return out
        }
        var ids: [String: Int32] = [:]
        func id(_ term: String) -> Int32 {
            if let id = ids[term] { return id }
            let id = Int32(terms.count)
            ids[term] = id
            terms.append(term)
            return id
        }
        wholeTerm = [Int32](repeating: 0, count: words.count)
        partTerms = [[Int32]](repeating: [], count: words.count)
        for index in 0..<words.count {
            let (stem, parts) = perSlice[index % slices][index / slices]
            let whole = id(stem)
            wholeTerm[index] = whole
            // A part equal to the whole word's own stem adds nothing.
            partTerms[index] = parts.map(id).filter { $0 != whole }
        }
    }
}
