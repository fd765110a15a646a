import Foundation
import TextAnalysis

/// The reference query engine: reads the same index files as the browser client and ranks the same way.
///
/// Every step mirrors `Client/engine.js`; the shared fixture table in `Tests/Fixtures/search-queries.json`
/// is run against both.
public final class SearchEngine: @unchecked Sendable {
    let index: SearchIndexReader
    private let stemmer = GermanStemmer()
    private let lock = NSLock()

    /// The synonym groups of the manifest, each expression analysed like a finished query.
    private let synonyms: [[[QueryWord]]]
    /// The stems of the manifest's weak words (generic task verbs, ``WeakWords``).
    private let weakStems: Set<String>

    public init(index: SearchIndexReader) {
        self.index = index
        let stemmer = GermanStemmer()
        synonyms = SynonymGroups.merged(index.manifest.synonyms.map { group in
            group.map { QueryAnalysis.words(of: $0 + " ", stopwords: index.stopwords, stemmer: stemmer) }
        })
        weakStems = Set(index.manifest.weakWords.flatMap { QueryAnalysis.words(of: $0 + " ", stopwords: [], stemmer: stemmer).map(\.stem) })
    }

    /// One ranked result.
    public struct Result: Sendable, Equatable {
        public var document: Int
        public var url: String
        public var title: String
        public var score: Int
        /// The positions (in the query's words, stopwords left out) of the words the document lacks:
        /// a search page shows them ("Es fehlt: finden"). Empty for a document with every word.
        public var missing: [Int] = []
    }

    /// A facet value with the number of results it would give.
    public struct FacetCount: Sendable, Equatable {
        public var group: String
        public var value: String
        public var count: Int
    }

    public struct Response: Sendable {
        public var total: Int
        /// How many of the `total` results have every unit of the query; the rest, ranked after them,
        /// have only some (a search page heads them "Treffer mit einem Teil Ihrer Suchwörter").
        public var complete: Int
        public var results: [Result]
        public var facets: [FacetCount]
        /// The query's words, folded, stopwords left out: what ``Result/missing`` counts.
        public var words: [String] = []
    }

    /// Runs `query`; `filters` maps a facet group key (`type`, `city`, `theme`, `project`) to selected values.
    /// Throws ``SearchIndexError/damaged(file:problem:)`` when a file the query reads is damaged.
    public func search(_ query: String, filters: [String: Set<String>] = [:], limit: Int = 10) throws(SearchIndexError) -> Response {
        let words = lock.withLock { QueryAnalysis.words(of: query, stopwords: index.stopwords, stemmer: stemmer) }
        guard !words.isEmpty else { return Response(total: 0, complete: 0, results: [], facets: [], words: []) }
        let units = QueryAnalysis.units(of: words, synonyms: synonyms)
        var perUnit = try found(forEach: units)
        let weak = weakUnits(units, perUnit)
        for unit in perUnit.indices where weak[unit] {
            perUnit[unit].scores = perUnit[unit].scores.mapValues { $0 * index.manifest.weakUnitPercent / 100 }
            perUnit[unit].idf = 0
        }
        let scored = combine(perUnit, weak: weak)
        let filtered = scored.filter { passes($0.key, filters: filters, except: nil) }
        // Documents with more (and rarer) units first, so every complete match before the partial ones.
        let ranked = filtered.sorted { ($1.value.coverage, $1.value.score, $0.key) < ($0.value.coverage, $0.value.score, $1.key) }
        var results: [Result] = []
        for (document, rank) in ranked.prefix(limit) {
            // The reader checks that both are non-empty strings.
            let record = try index.record(document)
            // Units to the positions of their words in the query.
            var firstWord = 0, missing: [Int] = []
            for (number, unit) in units.enumerated() {
                if rank.missing.contains(number) { missing += Array(firstWord..<firstWord + unit.words.count) }
                firstWord += unit.words.count
            }
            results.append(Result(document: document, url: record.url, title: record.title, score: rank.score, missing: missing))
        }
        let complete = filtered.values.filter(\.isComplete).count
        return Response(total: filtered.count, complete: complete, results: results, facets: facetCounts(Set(scored.keys), filters: filters),
                        words: words.map(\.folded))
    }

    /// What orders a document among the results: the importance of the units it has (the sum of
    /// their idf, ``Found/idf``; weak units count nothing), then its score.
    struct Rank: Equatable {
        var coverage: Int
        var score: Int
        /// It has every unit that is not weak.
        var isComplete: Bool
        /// The units it lacks, by number.
        var missing: [Int] = []
    }

    /// Which units are weak (``SearchTuning/weakUnitPercent``): generic task words, or found in at
    /// least `weakDocumentPercent` of a site's documents; none when all of them would be.
    private func weakUnits(_ units: [QueryUnit], _ perUnit: [Found]) -> [Bool] {
        let manifest = index.manifest
        let common = manifest.documentCount >= manifest.weakDocumentMinimum
        let weak = zip(units, perUnit).map { unit, found in
            unit.words.allSatisfy { weakStems.contains($0.stem) }
                || (common && found.ownDocuments * 100 >= manifest.documentCount * manifest.weakDocumentPercent)
        }
        return weak.allSatisfy { $0 } ? weak.map { _ in false } : weak
    }

    /// The documents a word, unit or expression finds: their scores, and which have it in the title.
    struct Found {
        var scores: [Int: Int] = [:]
        var inTitle: Set<Int> = []
        var inMeta: Set<Int> = []
        /// For documents in ``inTitle``: where the match first stands in the title.
        var titlePosition: [Int: Int] = [:]
        /// The passage of each document's best-scoring match (where the term occurs most), or -1
        /// when the words of a unit have different ones.
        var passage: [Int: Int] = [:]
        /// How rare what was found is: a word's highest idf among its matched terms (as scored), the
        /// sum over the words of a unit, the highest of a unit's own words and its synonyms.
        var idf = 0
        /// How many documents the unit's own words find (its synonyms not counted): what makes a
        /// unit weak by its frequency (``SearchTuning/weakDocumentPercent``).
        var ownDocuments = 0

        /// Notes that `document` has the match in its title at `position` (the first place counts).
        mutating func noteTitle(_ document: Int, at position: Int) {
            inTitle.insert(document)
            titlePosition[document] = min(position, titlePosition[document] ?? Int.max)
        }

        /// Keeps the higher score per document; a document is in the title if either says so.
        mutating func merge(_ other: Found, percent: Int = 100) {
            for (document, score) in other.scores {
                let weighted = score * percent / 100
                if weighted > scores[document, default: 0] {
                    scores[document] = weighted
                    passage[document] = other.passage[document] ?? -1
                }
            }
            for document in other.inTitle { noteTitle(document, at: other.titlePosition[document] ?? 0) }
            inMeta.formUnion(other.inMeta)
            idf = max(idf, other.idf)
        }
    }

    /// AND over the units that are not weak; documents with every such unit in their title score
    /// `titleMatchPercent`, and the weak units they have add their (lowered) scores. When fewer than
    /// `partialMatchBelow` documents have every such unit, documents with some of them follow, scored
    /// down and ordered by the importance of the units they have (FORMAT.md, Query evaluation).
    private func combine(_ perUnit: [Found], weak: [Bool]) -> [Int: Rank] {
        let strong = perUnit.indices.filter { !weak[$0] }
        let strongUnits = strong.map { perUnit[$0] }
        let all = allOf(strongUnits)
        // Documents with every unit, weak ones too, are weighed as before weak units existed.
        let every = strong.count == perUnit.count ? all : allOf(perUnit)
        let coverage = strongUnits.reduce(0) { $0 + $1.idf }
        let manifest = index.manifest
        // Found once: most queries have no weak unit, and then no document needs the per-document checks.
        let weakUnits = perUnit.indices.filter { weak[$0] }
        var ranks: [Int: Rank] = all.scores.reduce(into: [:]) { result, entry in
            let missing = weakUnits.isEmpty ? [] : weakUnits.filter { perUnit[$0].scores[entry.key] == nil }
            let (found, units) = missing.isEmpty ? (every, perUnit) : (all, strongUnits)
            var score = found.scores[entry.key]!
            if found.inTitle.contains(entry.key) {
                score = score * manifest.titleMatchPercent / 100
                if isTitlePhrase(entry.key, units) { score = score * manifest.titlePhrasePercent / 100 }
            } else if found.inMeta.contains(entry.key) {
                score = score * manifest.metaMatchPercent / 100
            }
            if isInOnePassage(entry.key, units) { score = score * manifest.passageNearPercent / 100 }
            // The weak units it has add their (lowered) scores.
            if !missing.isEmpty { score += weakUnits.reduce(0) { $0 + (perUnit[$1].scores[entry.key] ?? 0) } }
            result[entry.key] = Rank(coverage: coverage, score: score, isComplete: true, missing: missing)
        }
        guard perUnit.count > 1, all.scores.count < manifest.partialMatchBelow else { return ranks }
        var partial: [Int: (score: Int, matched: Int, strong: Int, coverage: Int, has: [Bool])] = [:]
        for (number, found) in perUnit.enumerated() {
            for (document, score) in found.scores where all.scores[document] == nil {
                partial[document, default: (0, 0, 0, 0, Array(repeating: false, count: perUnit.count))].score += score
                partial[document]!.has[number] = true
                partial[document]!.matched += 1
                if !weak[number] {
                    partial[document]!.strong += 1
                    partial[document]!.coverage += found.idf
                }
            }
        }
        // At least `partialMatchMinimumPercent` of the units, or as many as the best partial match
        // has when none reaches that: never a dead end. A document with weak units only is listed
        // only when no document has any other unit (no page for "finden" alone).
        let best = partial.values.map(\.matched).max() ?? 0
        let anyStrong = !ranks.isEmpty || partial.values.contains { $0.strong > 0 }
        for (document, value) in partial where value.matched * 100 >= perUnit.count * manifest.partialMatchMinimumPercent || value.matched == best {
            guard value.strong > 0 || !anyStrong else { continue }
            let score = value.score * value.matched * manifest.partialMatchPercent / (perUnit.count * 100)
            ranks[document] = Rank(coverage: value.coverage, score: score, isComplete: false, missing: perUnit.indices.filter { !value.has[$0] })
        }
        return ranks
    }

    /// Whether the units stand in the title of `document` one after the other, in the query's order
    /// ("Alterssicherung der Landwirte" in a title that says so): each next unit stands at the same
    /// place as the one before (parts of one compound) or at the next word. Two units at least.
    private func isTitlePhrase(_ document: Int, _ perUnit: [Found]) -> Bool {
        guard perUnit.count >= 2 else { return false }
        for index in 1..<perUnit.count {
            guard let previous = perUnit[index - 1].titlePosition[document], let next = perUnit[index].titlePosition[document],
                  next - previous == 0 || next - previous == 1 else { return false }
        }
        return true
    }

    /// Whether every unit's best match lies in the same passage of `document` (about 240
    /// characters): the words stand near each other there. Two units at least.
    private func isInOnePassage(_ document: Int, _ perUnit: [Found]) -> Bool {
        guard perUnit.count >= 2, let first = perUnit[0].passage[document], first >= 0 else { return false }
        return perUnit.dropFirst().allSatisfy { $0.passage[document] == first }
    }

    /// What each unit finds, under the lock that guards the stemmer.
    private func found(forEach units: [QueryUnit]) throws(SearchIndexError) -> [Found] {
        lock.lock()
        defer { lock.unlock() }
        var perUnit: [Found] = []
        for unit in units { perUnit.append(try found(for: unit)) }
        return perUnit
    }

    /// What one unit finds: its words together (every one must match), or, scored down by
    /// `synonymPercent`, one of its synonyms' expressions together, whichever scores higher.
    private func found(for unit: QueryUnit) throws(SearchIndexError) -> Found {
        var best = allOf(try unit.words.map { word throws(SearchIndexError) in try found(for: word) })
        best.ownDocuments = best.scores.count
        for alternative in unit.alternatives {
            best.merge(allOf(try alternative.map { word throws(SearchIndexError) in try found(for: word) }), percent: index.manifest.synonymPercent)
        }
        return best
    }

    /// Documents every list has, with the sum of their scores; in the title when every list says so.
    private func allOf(_ lists: [Found]) -> Found {
        guard var all = lists.first else { return Found() }
        for found in lists.dropFirst() {
            all.scores = all.scores.filter { found.scores[$0.key] != nil }.reduce(into: [:]) { $0[$1.key] = $1.value + found.scores[$1.key]! }
            for document in all.scores.keys where all.passage[document] != found.passage[document] { all.passage[document] = -1 }
            all.inTitle.formIntersection(found.inTitle)
            all.inMeta.formIntersection(found.inMeta)
            all.idf += found.idf
            for document in all.inTitle { all.titlePosition[document] = min(all.titlePosition[document] ?? 0, found.titlePosition[document] ?? 0) }
        }
        all.inTitle.formIntersection(all.scores.keys)
        all.inMeta.formIntersection(all.scores.keys)
        all.titlePosition = all.titlePosition.filter { all.inTitle.contains($0.key) }
        all.passage = all.passage.filter { all.scores[$0.key] != nil }
        return all
    }

    /// What one query word finds: the best of its exact, prefix, typo and compound matches.
    private func found(for word: QueryWord) throws(SearchIndexError) -> Found {
        var matches = try TermMatcher(index: index).matches(for: word)
        // A word the index does not know may be a compound whose parts it knows ("Organspende").
        if matches.isEmpty, let split = try CompoundQuerySplitter(index: index, stemmer: stemmer).split(word) { return split }
        var found = Found()
        matches.sort { ($0.shard, $0.term) < ($1.shard, $1.term) }
        for match in matches {
            guard let shard = try index.shard(match.shard) else { continue }
            let idf = min(shard.idf[match.term], match.idfCap ?? Int.max)
            found.idf = max(found.idf, idf)
            for posting in try shard.postings(at: match.term) {
                let score = idf * Int(posting.weight) * match.weight
                let document = Int(posting.document)
                if score > found.scores[document, default: 0] {
                    found.scores[document] = score
                    found.passage[document] = Int(posting.passage)
                }
                if posting.inTitle { found.noteTitle(document, at: Int(posting.titlePosition)) }
                if posting.inMeta { found.inMeta.insert(document) }
            }
        }
        // A compound that few pages use is also looked for in its parts ("Routinearbeit": the page on
        // "Routineaufgaben" that says "Arbeit"): pages the word itself does not find, scored like a
        // synonym, so the word's own pages keep their place. Trying splits for every known word was
        // measured: it cost dev MRR (0.688 -> 0.671); only a rare one gets it, and only new pages.
        if found.scores.count < index.manifest.partialMatchBelow, var split = try CompoundQuerySplitter(index: index, stemmer: stemmer).split(word) {
            let known = Set(found.scores.keys)
            split.scores = split.scores.filter { !known.contains($0.key) }
            split.inTitle.subtract(known)
            split.inMeta.subtract(known)
            split.idf = 0
            found.merge(split, percent: index.manifest.synonymPercent)
        }
        return found
    }

    private func passes(_ document: Int, filters: [String: Set<String>], except group: String?) -> Bool {
        // Most searches select no facet value: then no document needs the lookups below.
        guard filters.values.contains(where: { !$0.isEmpty }) else { return true }
        for facet in index.facetGroups where facet.key != group {
            guard let selected = filters[facet.key], !selected.isEmpty else { continue }
            if !facet.values.contains(where: { selected.contains($0.value) && $0.documents.contains(document) }) { return false }
        }
        return true
    }

    /// Counts per facet value among the matches, each group counted with the other groups' filters applied.
    private func facetCounts(_ matches: Set<Int>, filters: [String: Set<String>]) -> [FacetCount] {
        var counts: [FacetCount] = []
        // Without a selected value every group counts among all matches: sorted once, not per group.
        let unfiltered = filters.values.contains(where: { !$0.isEmpty }) ? nil : matches.sorted()
        for facet in index.facetGroups {
            let pool = unfiltered ?? matches.filter { passes($0, filters: filters, except: facet.key) }.sorted()
            for value in facet.values {
                let count = value.documents.count(in: pool)
                if count > 0 || filters[facet.key]?.contains(value.value) == true {
                    counts.append(FacetCount(group: facet.key, value: value.value, count: count))
                }
            }
        }
        return counts
    }
}
