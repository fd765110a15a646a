import RawDeflate
import TextAnalysis

/// `manifest.bin`, compressed JSON (format in FORMAT.md): what a client loads first. `vcc build` writes this type and
/// both engines read it (the browser through `Client/index-manifest.js`), so the query thresholds of
/// ``SearchTuning`` reach the browser from here instead of being repeated there. On reading, every
/// key must be present with its type and every number within ``IndexLimits``, else the index is damaged.
struct IndexManifest: Codable, Equatable, Sendable {
    var format = SearchIndexBuilder.format
    var documentCount: Int
    var termCount: Int
    /// The first term of every shard, in order (UTF-8 byte order).
    var shardFirstTerms: [String]
    var matchWeights = SearchTuning.matchWeights
    var partialMatchPercent = SearchTuning.partialMatchPercent
    var partialMatchBelow = SearchTuning.partialMatchBelow
    var partialMatchMinimumPercent = SearchTuning.partialMatchMinimumPercent
    var synonymPercent = SearchTuning.synonymPercent
    var weakUnitPercent = SearchTuning.weakUnitPercent
    var weakDocumentPercent = SearchTuning.weakDocumentPercent
    var weakDocumentMinimum = SearchTuning.weakDocumentMinimum
    /// Generic task words (``WeakWords``), as written: both engines stem them like query words.
    var weakWords = WeakWords.builtIn
    var titleMatchPercent = SearchTuning.titleMatchPercent
    var metaMatchPercent = SearchTuning.metaMatchPercent
    var titlePhrasePercent = SearchTuning.titlePhrasePercent
    var passageNearPercent = SearchTuning.passageNearPercent
    /// Groups of expressions that mean the same, as written (``SynonymGroups`` merges overlapping ones).
    var synonyms: [[String]]
    /// Derivation rules of word families (``WordFamilyRules``), applied to query words.
    var wordFamilies = WordFamilyRules.builtIn
    var maximumPrefixTerms = SearchTuning.maximumPrefixTerms
    var prefixMinimumLetters = SearchTuning.prefixMinimumLetters
    var prefixStemExtraLetters = SearchTuning.prefixStemExtraLetters
    var prefixStemMinimumLetters = SearchTuning.prefixStemMinimumLetters
    var prefixFollowingShards = SearchTuning.prefixFollowingShards
    var typoMinimumLetters = SearchTuning.typoMinimumLetters
    var splitMinimumLetters = SearchTuning.splitMinimumLetters
    var splitMinimumPartLetters = SearchTuning.splitMinimumPartLetters
    var splitHeadMinimumLetters = SearchTuning.splitHeadMinimumLetters
    var splitLinkingElements = SearchTuning.splitLinkingElements
    var passagesPerBlock = SearchTuning.passagesPerBlock
    var passagesPerLaterBlock = SearchTuning.passagesPerLaterBlock
    /// Folded stopwords, sorted: dropped from queries.
    var stopwords: [String]
    var tuning = RankingConstants()

    /// The manifest's JSON compressed with raw DEFLATE like the records: most of it is the shards'
    /// first terms, and every cold query downloads it (19 KB as JSON on the laws, 8 KB compressed).
    static let file = "manifest.bin"

    enum CodingKeys: String, CodingKey {
        case format, documentCount = "documents", termCount = "terms", shardFirstTerms = "shards", matchWeights
        case partialMatchPercent, partialMatchBelow, partialMatchMinimumPercent, synonymPercent
        case weakUnitPercent, weakDocumentPercent, weakDocumentMinimum, weakWords, titleMatchPercent, metaMatchPercent, titlePhrasePercent, passageNearPercent
        case synonyms, wordFamilies, maximumPrefixTerms, prefixMinimumLetters, prefixStemExtraLetters, prefixStemMinimumLetters
        case prefixFollowingShards, typoMinimumLetters, splitMinimumLetters, splitMinimumPartLetters, splitHeadMinimumLetters, splitLinkingElements
        case passagesPerBlock, passagesPerLaterBlock, stopwords, tuning
    }

    /// The manifest `vcc build` writes: ``SearchTuning``'s values, vcc's synonyms and then the site's.
    init(documentCount: Int, shardFirstTerms: [String], termCount: Int, synonyms: [[String]] = []) {
        self.documentCount = documentCount
        self.termCount = termCount
        self.shardFirstTerms = shardFirstTerms
        self.synonyms = SearchSynonyms.builtIn + synonyms
        stopwords = Stopwords.german.sorted()
    }

    /// The JSON's bytes, ending in a line break.
    func bytes() throws -> [UInt8] { try IndexJSONEncoder().encode(self) + [0x0A] }

    /// The file's bytes: ``bytes()`` compressed (``file``).
    func fileBytes() throws -> [UInt8] { Self.compressed(try bytes()) }

    /// Reads the file (``file``): inflates it, then as ``init(bytes:)``.
    init(fileBytes: [UInt8]) throws(SearchIndexError) {
        guard let json = Self.json(ofFile: fileBytes) else { throw Self.damage("lässt sich nicht entpacken") }
        try self.init(bytes: json)
    }

    /// The JSON of the file's bytes, or nil when they do not inflate (within ``IndexLimits/inflatedBytes``).
    static func json(ofFile bytes: [UInt8]) -> [UInt8]? { Inflate.decompress(bytes, limit: IndexLimits.inflatedBytes) }

    /// The file's bytes for `json`.
    static func compressed(_ json: [UInt8]) -> [UInt8] { Deflate.compress(json, effort: .fast) }

    /// Reads the manifest's bytes; throws ``SearchIndexError/damaged(file:problem:)`` naming the first wrong key.
    init(bytes: [UInt8]) throws(SearchIndexError) {
        do {
            self = try IndexJSONDecoder.decode(Self.self, from: bytes)
        } catch {
            throw Self.damage(IndexJSONDecoder.problem(of: error))
        }
        guard format == SearchIndexBuilder.format else { throw Self.damage("unbekanntes Format") }
        try check()
    }

    /// Every number within ``IndexLimits`` and the shards in order; the same checks as
    /// `checkedManifest` in `Client/index-manifest.js`, so that both engines reject the same files.
    private func check() throws(SearchIndexError) {
        func number(_ key: String, _ value: Int, _ highest: Int, lowest: Int = 0) throws(SearchIndexError) {
            guard value >= lowest, value <= highest else { throw Self.damage("`\(key)` fehlt oder liegt nicht zwischen \(lowest) und \(highest)") }
        }
        try number("documents", documentCount, IndexLimits.documents)
        try number("terms", termCount, IndexLimits.terms)
        // Finding a term's shard is a binary search over the first terms.
        guard zip(shardFirstTerms, shardFirstTerms.dropFirst()).allSatisfy({ $0.precedesInUTF8($1) }) else { throw Self.damage("`shards` ist nicht sortiert") }
        for (kind, weight) in matchWeights.named { try number(kind, weight, IndexLimits.matchWeight) }
        for (key, percent) in [("partialMatchPercent", partialMatchPercent), ("partialMatchMinimumPercent", partialMatchMinimumPercent),
                               ("synonymPercent", synonymPercent), ("weakUnitPercent", weakUnitPercent),
                               ("weakDocumentPercent", weakDocumentPercent),
                               ("titleMatchPercent", titleMatchPercent), ("metaMatchPercent", metaMatchPercent),
                               ("titlePhrasePercent", titlePhrasePercent), ("passageNearPercent", passageNearPercent)] {
            try number(key, percent, IndexLimits.percent)
        }
        try number("maximumPrefixTerms", maximumPrefixTerms, IndexLimits.tuningCount)
        try number("partialMatchBelow", partialMatchBelow, IndexLimits.tuningCount)
        try number("weakDocumentMinimum", weakDocumentMinimum, IndexLimits.tuningCount)
        try number("minimumRootLetters", wordFamilies.minimumRootLetters, IndexLimits.letters)
        for (key, letters) in [("prefixMinimumLetters", prefixMinimumLetters), ("prefixStemExtraLetters", prefixStemExtraLetters),
                               ("prefixStemMinimumLetters", prefixStemMinimumLetters), ("prefixFollowingShards", prefixFollowingShards),
                               ("typoMinimumLetters", typoMinimumLetters), ("splitMinimumLetters", splitMinimumLetters),
                               ("splitMinimumPartLetters", splitMinimumPartLetters), ("splitHeadMinimumLetters", splitHeadMinimumLetters)] {
            try number(key, letters, IndexLimits.letters)
        }
        // Only the browser reads these two, but both engines reject the same manifests.
        try number("passagesPerBlock", passagesPerBlock, IndexLimits.tuningCount, lowest: 1)
        try number("passagesPerLaterBlock", passagesPerLaterBlock, IndexLimits.tuningCount, lowest: 1)
    }

    private static func damage(_ problem: String) -> SearchIndexError { .damaged(file: file, problem: problem) }
}
