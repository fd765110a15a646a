/// Finds the index terms a query word matches: exactly, as a prefix while typing, or with one typo.
struct TermMatcher {
    let index: SearchIndexReader

    struct Match: Equatable {
        var shard: Int
        var term: Int
        var weight: Int
        /// For prefix matches of a word that is also a term itself: its idf, so that a rare longer
        /// word (`giesskannenprinzip` for `giessen`) cannot outrank the word that was typed.
        var idfCap: Int?
    }

    func matches(for word: QueryWord) throws(SearchIndexError) -> [Match] {
        let manifest = index.manifest
        var found: [String: Match] = [:]
        func note(_ shard: Int, _ term: Int, _ weight: Int, cap: Int? = nil) throws(SearchIndexError) {
            guard let text = try index.shard(shard)?.terms[term] else { return }
            if weight > found[text]?.weight ?? 0 { found[text] = Match(shard: shard, term: term, weight: weight, idfCap: cap) }
        }
        let home = index.shardNumber(for: word.stem)
        var exactIDF: Int?
        if let shard = try index.shard(home), let exact = shard.index(of: word.stem) {
            try note(home, exact, manifest.matchWeights.exact)
            exactIDF = shard.idf[exact]
        }
        if word.isPrefix && word.folded.unicodeScalars.count >= manifest.prefixMinimumLetters {
            for (shard, term) in try prefixMatches(word) { try note(shard, term, manifest.matchWeights.prefix, cap: exactIDF) }
        }
        // Other words of the word's family (`digital` for `digitalisieren`), below the typed form;
        // only in the word's own shard and its roots' shards, so that a query reads at most one
        // more shard for them (the cold query's bytes).
        let family = manifest.wordFamilies.family(of: word.stem, word: word.folded, exceptions: index.wordFamilyExceptions)
        let shards = Set([home] + family.roots.map { index.shardNumber(for: $0) })
        for related in family.stems {
            let number = index.shardNumber(for: related)
            if shards.contains(number), let shard = try index.shard(number), let term = shard.index(of: related) {
                try note(number, term, manifest.matchWeights.family, cap: exactIDF)
            }
        }
        if found.isEmpty && word.folded.unicodeScalars.count >= manifest.typoMinimumLetters, let shard = try index.shard(home) {
            for term in shard.terms.indices where DamerauDistance.isWithinOne(shard.terms[term], word.stem) {
                try note(home, term, manifest.matchWeights.typo)
            }
        }
        return Array(found.values)
    }

    /// Terms that start with the typed word or its stem, and stems that the typed word extends by a
    /// few letters (`digitalisieru` -> `digitalisier`); the most frequent ones first, bounded.
    private func prefixMatches(_ word: QueryWord) throws(SearchIndexError) -> [(Int, Int)] {
        var candidates: [(shard: Int, term: Int, df: Int)] = []
        var seen = Set<String>()
        for prefix in Set([word.stem, word.folded]) {
            var shardNumber = index.shardNumber(for: prefix)
            var position = try index.shard(shardNumber)?.lowerBound(prefix) ?? 0
            scan: while let shard = try index.shard(shardNumber) {
                while position < shard.terms.count {
                    let term = shard.terms[position]
                    guard term.hasPrefix(prefix) else { break scan }
                    if seen.insert(term).inserted { candidates.append((shardNumber, position, shard.documentFrequency[position])) }
                    position += 1
                }
                shardNumber += 1
                position = 0
                // Load the next shard only when its first term still has the prefix.
                guard shardNumber < index.shardFirstTerms.count, index.shardFirstTerms[shardNumber].hasPrefix(prefix),
                      shardNumber - index.shardNumber(for: prefix) <= index.manifest.prefixFollowingShards else { break }
            }
        }
        let folded = Array(word.folded.unicodeScalars)
        let shortest = max(index.manifest.prefixStemMinimumLetters, folded.count - index.manifest.prefixStemExtraLetters)
        for length in stride(from: folded.count - 1, through: shortest, by: -1) {
            var shorter = ""
            shorter.unicodeScalars.append(contentsOf: folded[0..<length])
            let number = index.shardNumber(for: shorter)
            if let shard = try index.shard(number), let term = shard.index(of: shorter), seen.insert(shorter).inserted {
                candidates.append((number, term, shard.documentFrequency[term]))
            }
        }
        candidates.sort { ($1.df, $0.shard, $0.term) < ($0.df, $1.shard, $1.term) }
        return candidates.prefix(index.manifest.maximumPrefixTerms).map { ($0.shard, $0.term) }
    }
}
