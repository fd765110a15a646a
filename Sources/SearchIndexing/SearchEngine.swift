import Foundation
import TextAnalysis

/// The reference query engine: reads the same index files as the browser client and ranks the same way.
///
/// Every step mirrors `Client/engine.js`; the shared fixture table in `Tests/Fixtures/search-queries.json`
/// is run against both.
public final class SearchEngine: @unchecked Sendable {
    private let index: SearchIndexReader
    private let stemmer = GermanStemmer()
    private let lock = NSLock()

    /// The synonym groups of the manifest, each expression analysed like a finished query.
    private let synonyms: [[[QueryWord]]]

    public init(index: SearchIndexReader) {
        self.index = index
        let stemmer = GermanStemmer()
        synonyms = index.synonyms.map { group in
            group.map { QueryAnalysis.words(of: $0 + " ", stopwords: index.stopwords, stemmer: stemmer) }
        }
    }

    /// One ranked result.
    public struct Result: Sendable, Equatable {
        public var document: Int
        public var url: String
        public var title: String
        public var score: Int
    }

    /// A facet value with the number of results it would give.
    public struct FacetCount: Sendable, Equatable {
        public var group: String
        public var value: String
        public var count: Int
    }

    public struct Response: Sendable {
        public var total: Int
        public var results: [Result]
        public var facets: [FacetCount]
    }

    /// Runs `query`; `filters` maps a facet group key (`type`, `city`, `theme`, `project`) to selected values.
    public func search(_ query: String, filters: [String: Set<String>] = [:], limit: Int = 10) -> Response {
        let words = lock.withLock { QueryAnalysis.words(of: query, stopwords: index.stopwords, stemmer: stemmer) }
        guard !words.isEmpty else { return Response(total: 0, results: [], facets: []) }
        let units = QueryAnalysis.units(of: words, synonyms: synonyms)
        let perUnit = units.map { unit in lock.withLock { scores(for: unit) } }
        let scored = combine(perUnit)
        let filtered = scored.filter { passes($0.key, filters: filters, except: nil) }
        let ranked = filtered.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let results = ranked.prefix(limit).map { document, score -> Result in
            let record = index.record(document)
            return Result(document: document, url: record?["url"] as? String ?? "", title: record?["title"] as? String ?? "", score: score)
        }
        return Response(total: filtered.count, results: Array(results), facets: facetCounts(Set(scored.keys), filters: filters))
    }

    /// AND over words; when no document has all of them, documents with some, scored down.
    private func combine(_ perWord: [[Int: Int]]) -> [Int: Int] {
        let all = allOf(perWord)
        if !all.isEmpty || perWord.count == 1 { return all }
        var partial: [Int: (score: Int, matched: Int)] = [:]
        for scores in perWord {
            for (document, score) in scores { partial[document, default: (0, 0)].score += score; partial[document]!.matched += 1 }
        }
        return partial.mapValues { $0.score * $0.matched * index.partialMatchPercent / (perWord.count * 100) }
    }

    /// Document -> score for one unit: its words together (every one must match), or, scored down
    /// by `synonymPercent`, one of its synonyms' expressions together, whichever scores higher.
    private func scores(for unit: QueryUnit) -> [Int: Int] {
        var best = allOf(unit.words.map { scores(for: $0) })
        for alternative in unit.alternatives {
            for (document, score) in allOf(alternative.map { scores(for: $0) }) {
                let weighted = score * index.synonymPercent / 100
                if weighted > best[document, default: 0] { best[document] = weighted }
            }
        }
        return best
    }

    /// Documents every list has, with the sum of their scores.
    private func allOf(_ lists: [[Int: Int]]) -> [Int: Int] {
        guard var all = lists.first else { return [:] }
        for scores in lists.dropFirst() {
            all = all.filter { scores[$0.key] != nil }.reduce(into: [:]) { $0[$1.key] = $1.value + scores[$1.key]! }
        }
        return all
    }

    /// Document -> score for one query word: the best of its exact, prefix, typo and compound matches.
    private func scores(for word: QueryWord) -> [Int: Int] {
        var matches = TermMatcher(index: index).matches(for: word)
        if matches.isEmpty, let split = CompoundQuerySplitter(index: index, stemmer: stemmer).split(word) {
            return split
        }
        var scores: [Int: Int] = [:]
        matches.sort { ($0.shard, $0.term) < ($1.shard, $1.term) }
        for match in matches {
            guard let shard = index.shard(match.shard) else { continue }
            let idf = min(shard.idf[match.term], match.idfCap ?? Int.max)
            for posting in shard.postings(at: match.term) {
                let score = idf * Int(posting.weight) * match.weight
                let document = Int(posting.document)
                if score > scores[document, default: 0] { scores[document] = score }
            }
        }
        return scores
    }

    private func passes(_ document: Int, filters: [String: Set<String>], except group: String?) -> Bool {
        for facet in index.facetGroups where facet.key != group {
            guard let selected = filters[facet.key], !selected.isEmpty else { continue }
            if !facet.values.contains(where: { selected.contains($0.value) && $0.documents.contains(document) }) { return false }
        }
        return true
    }

    /// Counts per facet value among the matches, each group counted with the other groups' filters applied.
    private func facetCounts(_ matches: Set<Int>, filters: [String: Set<String>]) -> [FacetCount] {
        var counts: [FacetCount] = []
        for facet in index.facetGroups {
            let pool = matches.filter { passes($0, filters: filters, except: facet.key) }
            for value in facet.values {
                let count = pool.intersection(value.documents).count
                if count > 0 || filters[facet.key]?.contains(value.value) == true {
                    counts.append(FacetCount(group: facet.key, value: value.value, count: count))
                }
            }
        }
        return counts
    }
}
