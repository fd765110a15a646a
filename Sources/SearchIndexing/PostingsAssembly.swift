import Foundation

/// One document's entry in a term's postings list.
struct Posting: Sendable {
    var document: UInt32
    /// BM25F weight quantised to 1…255.
    var weight: UInt8
    /// The passage where the term occurs most, for the excerpt; -1 when it occurs in no passage
    /// (only in the title, headings or keywords).
    var passage: Int32
    /// Whether the term is in the document's title (as a word or a part of one): a query whose
    /// words are all in a title is about that document.
    var inTitle: Bool = false
    /// Whether the term is in the summary, keywords or tags (where a law keeps its abbreviation).
    var inMeta: Bool = false
    /// Where the term first stands in the title, counted in words without stopwords (the parts of
    /// a compound stand where the compound stands), capped at 255; 0 when not in the title.
    var titlePosition: UInt8 = 0
}

/// Turns per-document word counts into BM25F postings grouped by term.
struct PostingsAssembly: Sendable {
    let documentCount: Int
    let termCount: Int

    static func averageFieldLengths(_ lengths: [SIMD4<Float>]) -> SIMD4<Float> {
        guard !lengths.isEmpty else { return SIMD4(repeating: 1) }
        let total = lengths.reduce(SIMD4<Float>(repeating: 0), +)
        return (total / Float(lengths.count)).replacing(with: 1, where: total .== 0)
    }

    /// The postings of one worker's documents as (term, posting) pairs.
    func postings(for documents: [(Int, AnalysedDocument)], localToGlobal: [Int32], terms: TermTable,
                  averages: SIMD4<Float>) -> [(Int32, Posting)] {
        let weights = SIMD4<Float>(SearchTuning.fieldWeights.map(Float.init))
        let b = SIMD4<Float>(SearchTuning.lengthNormalisation.map(Float.init))
        let k1 = Float(SearchTuning.k1)
        // Per field (title, headings, meta, body): a compound part in the title counts almost fully.
        let partWeight = SIMD4<Float>(Float(SearchTuning.titleCompoundPartWeight), Float(SearchTuning.compoundPartWeight),
                                      Float(SearchTuning.compoundPartWeight), Float(SearchTuning.compoundPartWeight))
        let hyphenWeight = Float(SearchTuning.hyphenPartWeight)
        let floor = Float(SearchTuning.lengthPriorFloor), averageLength = averages.sum()
        var out: [(Int32, Posting)] = []
        // Scratch per term, reused across documents.
        var slotOf = [Int32](repeating: -1, count: termCount)
        var touched: [Int32] = []
        var tf: [SIMD4<Float>] = []
        var passage: [(UInt32, Float)] = []
        var titlePosition: [Int32] = []
        // The term table is read in place: through its arrays each access would retain them.
        terms.wholeTerm.withUnsafeBufferPointer { wholeTerms in
        terms.partTermStarts.withUnsafeBufferPointer { partStarts in
        terms.partTermValues.withUnsafeBufferPointer { partValues in
        for (number, document) in documents {
            touched.removeAll(keepingCapacity: true)
            tf.removeAll(keepingCapacity: true)
            passage.removeAll(keepingCapacity: true)
            titlePosition.removeAll(keepingCapacity: true)
            func add(_ term: Int32, _ counts: SIMD4<Float>, _ best: UInt32, _ strength: Float, at position: Int32) {
                var slot = Int(slotOf[Int(term)])
                if slot < 0 {
                    slot = touched.count
                    slotOf[Int(term)] = Int32(slot)
                    touched.append(term)
                    tf.append(SIMD4(repeating: 0))
                    passage.append((best, strength))
                    titlePosition.append(Int32.max)
                }
                if position >= 0 && position < titlePosition[slot] { titlePosition[slot] = position }
                tf[slot] += counts
                if strength > passage[slot].1 { passage[slot] = (best, strength) }
            }
            for (index, local) in document.wordIDs.enumerated() {
                let word = Int(localToGlobal[Int(local)])
                let counts = document.counts[index]
                let direct = counts.whole + counts.hyphenPart * hyphenWeight
                let best = UInt32(max(0, counts.bestPassage))
                let titlePosition = Int32(counts.titlePosition)
                add(wholeTerms[word], direct, best, Float(counts.bestCount), at: titlePosition)
                for index in Int(partStarts[word])..<Int(partStarts[word + 1]) {
                    add(partValues[index], (counts.whole + counts.hyphenPart) * partWeight, best,
                        Float(counts.bestCount) * Float(SearchTuning.compoundPartWeight), at: titlePosition)
                }
            }
            // A title that spells a compound's parts apart gets the compound as a title term:
            // "Gesetz über den Verkehr mit Arzneimitteln" is what "Arzneimittelgesetz" means. Only in
            // the title: counting the parts' frequency in the text as well was measured worse (own set
            // 0.943 -> 0.937), as it lifts every law whose text uses both words.
            if !terms.compoundsByParts.isEmpty {
                let titleSlots = Array(touched.indices.filter { tf[$0][0] > 0 }.prefix(SearchTuning.maximumTitleTermsForSplitCompounds))
                var spelledApart: [(compound: Int32, position: Int32)] = []
                func look(_ a: Int, _ b: Int, _ c: Int? = nil) {
                    // Parts of one title word are that word's own parts, not a compound spelled apart
                    // ("Bundesfernstraßengesetz" holds `bundes` and `gesetz`, which is no "Bundesgesetz").
                    let positions = (titlePosition[a], titlePosition[b], c.map { titlePosition[$0] } ?? titlePosition[a])
                    guard positions.0 != positions.1 || positions.0 != positions.2,
                          terms.termsInParts.contains(touched[a]), terms.termsInParts.contains(touched[b]),
                          c.map({ terms.termsInParts.contains(touched[$0]) }) ?? true,
                          let key = TermTable.PartsKey(touched[a], touched[b], c.map { touched[$0] }) else { return }
                    for compound in terms.compoundsByParts[key] ?? [] {
                        let slot = slotOf[Int(compound)]
                        if (slot < 0 || tf[Int(slot)][0] == 0) && !spelledApart.contains(where: { $0.compound == compound }) {
                            spelledApart.append((compound, min(positions.0, positions.1, positions.2)))
                        }
                    }
                }
                let tripleLimit = SearchTuning.maximumTitleTermsForSplitCompounds / 2
                for i in titleSlots.indices {
                    for j in (i + 1)..<titleSlots.count {
                        look(titleSlots[i], titleSlots[j])
                        guard j < tripleLimit else { continue }
                        for k in (j + 1)..<min(titleSlots.count, tripleLimit) { look(titleSlots[i], titleSlots[j], titleSlots[k]) }
                    }
                }
                let titleOnly = SIMD4<Float>(Float(SearchTuning.titleSplitCompoundWeight), 0, 0, 0)
                for (compound, position) in spelledApart { add(compound, titleOnly, 0, 0, at: position) }
            }
            let normaliser = (1 - b) + b * document.fieldLengths / averages
            // The length prior: the weights of a page up to `lengthPriorStart` times the average length
            // are scaled by `floor`, a longer one's rise towards 1 (SearchTuning.lengthPriorFloor says why).
            let length = document.fieldLengths.sum()
            let start = averageLength * Float(SearchTuning.lengthPriorStart)
            let excess = max(0, length - start)
            let prior = floor + (1 - floor) * excess / (excess + start)
            for (slot, term) in touched.enumerated() {
                let saturated = (weights * tf[slot] / normaliser).sum()
                let bm25 = saturated * (k1 + 1) / (k1 + saturated)
                let quantised = UInt8(max(1, min(255, (bm25 / (k1 + 1) * 255 * prior).rounded())))
                out.append((term, Posting(document: UInt32(number), weight: quantised, passage: passage[slot].1 > 0 ? Int32(passage[slot].0) : -1, inTitle: tf[slot][0] > 0, inMeta: tf[slot][2] > 0,
                                                   titlePosition: tf[slot][0] > 0 ? UInt8(min(255, max(0, titlePosition[slot]))) : 0)))
                slotOf[Int(term)] = -1
            }
        }
        }
        }
        }
        return out
    }

    /// All postings grouped by term id, each list sorted by document.
    ///
    /// Each worker's postings come in the order of its documents, so taking the documents in order
    /// across the workers fills every list in document order: no list needs sorting, and each is
    /// allocated once at its final size. (This step runs on one core between two parallel ones.)
    func groupByTerm(_ perWorker: [[(Int32, Posting)]]) -> [[Posting]] {
        var sizes = [Int](repeating: 0, count: termCount)
        for chunk in perWorker {
            for (term, _) in chunk { sizes[Int(term)] += 1 }
        }
        var lists = sizes.map { size -> [Posting] in
            var list: [Posting] = []
            list.reserveCapacity(size)
            return list
        }
        var cursors = [Int](repeating: 0, count: perWorker.count)
        while true {
            var worker = -1, document = UInt32.max
            for (index, chunk) in perWorker.enumerated() where cursors[index] < chunk.count && chunk[cursors[index]].1.document < document {
                worker = index
                document = chunk[cursors[index]].1.document
            }
            guard worker >= 0 else { break }
            perWorker[worker].withUnsafeBufferPointer { chunk in
                var position = cursors[worker]
                while position < chunk.count && chunk[position].1.document == document {
                    lists[Int(chunk[position].0)].append(chunk[position].1)
                    position += 1
                }
                cursors[worker] = position
            }
        }
        return lists
    }
}
