import TextAnalysis

/// Splits a query word that the index does not know into two known terms: "Organspende" finds
/// "Spende … von Organen". Both parts must be index terms; the split whose rarer part is most
/// common wins, because real words are frequent and accidental letter runs are not.
struct CompoundQuerySplitter {
    let index: SearchIndexReader
    let stemmer: GermanStemmer

    /// The documents that have both parts (in the title when both are), or nil when no split works.
    func split(_ word: QueryWord) throws(SearchIndexError) -> SearchEngine.Found? {
        let manifest = index.manifest
        let scalars = Array(word.folded.unicodeScalars), minimumPart = manifest.splitMinimumPartLetters
        guard scalars.count >= manifest.splitMinimumLetters else { return nil }
        func text(_ part: ArraySlice<Unicode.Scalar>) -> String {
            var result = ""
            result.unicodeScalars.append(contentsOf: part)
            return result
        }
        var best: (left: (Int, Int), right: (Int, Int), support: Int)?
        // A stride, not a range: a manifest may ask for parts longer than half the word.
        for cut in stride(from: minimumPart, through: scalars.count - minimumPart, by: 1) {
            let rightText = text(scalars[cut...])
            guard let right = try lookup(stemmer.stem(rightText)) else { continue }
            let leftScalars = scalars[..<cut]
            var leftForms = [text(leftScalars)]
            for link in manifest.splitLinkingElements where leftForms[0].hasSuffix(link) && leftScalars.count - link.unicodeScalars.count >= minimumPart {
                leftForms.append(text(leftScalars.dropLast(link.unicodeScalars.count)))
            }
            for form in leftForms {
                guard let left = try lookup(stemmer.stem(form)) else { continue }
                let support = min(try df(left), try df(right))
                if best == nil || support > best!.support {
                    best = (left, right, support)
                }
                break
            }
        }
        var heads: [(Int, Int)] = []
        if let best {
            heads = [best.left]
        } else if let head = try headSplit(scalars) {
            // No cut has two terms: the left part may be the head of compounds the index knows
            // ("Routine" only in "Routineaufgaben"): any term it begins counts as the left part.
            heads = head.left
            best = (head.left[0], head.right, 0)
        }
        guard let best else { return nil }
        let weight = manifest.matchWeights.split
        var left = SearchEngine.Found()
        for location in heads { left.merge(try postingsScores(location, weight)) }
        let right = try postingsScores(best.right, weight)
        var both = SearchEngine.Found()
        both.scores = left.scores.filter { right.scores[$0.key] != nil }.reduce(into: [Int: Int]()) { $0[$1.key] = $1.value + right.scores[$1.key]! }
        for document in both.scores.keys { both.passage[document] = left.passage[document] == right.passage[document] ? left.passage[document] ?? -1 : -1 }
        for document in left.inTitle.intersection(right.inTitle) where both.scores[document] != nil {
            both.noteTitle(document, at: min(left.titlePosition[document] ?? 0, right.titlePosition[document] ?? 0))
        }
        both.inMeta = left.inMeta.intersection(right.inMeta)
        both.idf = max(left.idf, right.idf)
        return both.scores.isEmpty ? nil : both
    }

    /// The cut whose left part (of `splitHeadMinimumLetters` and `splitMinimumPartLetters` or more, its stem) begins terms of its
    /// shard other than the word's own stem and whose right part is a term: those terms (at most
    /// `maximumPrefixTerms`, in term order) and the right part; the cut whose right part and most
    /// frequent head are both most frequent wins, as above.
    private func headSplit(_ scalars: [Unicode.Scalar]) throws(SearchIndexError) -> (left: [(Int, Int)], right: (Int, Int))? {
        let manifest = index.manifest
        var whole = ""
        whole.unicodeScalars.append(contentsOf: scalars)
        let ownStem = stemmer.stem(whole)
        var best: (left: [(Int, Int)], right: (Int, Int), support: Int)?
        for cut in stride(from: max(manifest.splitHeadMinimumLetters, manifest.splitMinimumPartLetters), through: scalars.count - manifest.splitMinimumPartLetters, by: 1) {
            var rightText = "", leftText = ""
            rightText.unicodeScalars.append(contentsOf: scalars[cut...])
            leftText.unicodeScalars.append(contentsOf: scalars[..<cut])
            guard let right = try lookup(stemmer.stem(rightText)) else { continue }
            let head = stemmer.stem(leftText), number = index.shardNumber(for: head)
            guard let shard = try index.shard(number) else { continue }
            var terms: [(Int, Int)] = [], support = 0
            var position = shard.lowerBound(head)
            while position < shard.terms.count, shard.terms[position].hasPrefix(head), terms.count < manifest.maximumPrefixTerms {
                if shard.terms[position] != ownStem {
                    terms.append((number, position))
                    support = max(support, shard.documentFrequency[position])
                }
                position += 1
            }
            guard !terms.isEmpty else { continue }
            support = min(support, try df(right))
            if best == nil || support > best!.support { best = (terms, right, support) }
        }
        return best.map { ($0.left, $0.right) }
    }

    private func lookup(_ term: String) throws(SearchIndexError) -> (Int, Int)? {
        let number = index.shardNumber(for: term)
        guard let shard = try index.shard(number), let position = shard.index(of: term) else { return nil }
        return (number, position)
    }

    private func df(_ location: (Int, Int)) throws(SearchIndexError) -> Int { try index.shard(location.0)?.documentFrequency[location.1] ?? 0 }

    private func postingsScores(_ location: (Int, Int), _ weight: Int) throws(SearchIndexError) -> SearchEngine.Found {
        var found = SearchEngine.Found()
        guard let shard = try index.shard(location.0) else { return found }
        let idf = shard.idf[location.1]
        found.idf = idf
        for posting in try shard.postings(at: location.1) {
            found.scores[Int(posting.document)] = idf * Int(posting.weight) * weight
            found.passage[Int(posting.document)] = Int(posting.passage)
            if posting.inTitle { found.noteTitle(Int(posting.document), at: Int(posting.titlePosition)) }
            if posting.inMeta { found.inMeta.insert(Int(posting.document)) }
        }
        return found
    }
}
