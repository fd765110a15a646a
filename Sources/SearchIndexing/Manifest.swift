import TextAnalysis

/// Writes `manifest.json`: what a client loads first (format in FORMAT.md).
enum Manifest {
    static let format = SearchIndexBuilder.format

    static func json(documentCount: Int, shardFirstTerms: [String], termCount: Int, synonyms: [[String]] = []) -> String {
        let weights = SearchTuning.matchWeights.sorted { $0.key < $1.key }.map { (key: $0.key, value: String($0.value)) }
        let tuning = JSONText.object([
            ("fieldWeights", "[" + SearchTuning.fieldWeights.map { String($0) }.joined(separator: ",") + "]"),
            ("lengthNormalisation", "[" + SearchTuning.lengthNormalisation.map { String($0) }.joined(separator: ",") + "]"),
            ("k1", String(SearchTuning.k1)),
            ("compoundPartWeight", String(SearchTuning.compoundPartWeight)),
            ("titleCompoundPartWeight", String(SearchTuning.titleCompoundPartWeight)),
            ("hyphenPartWeight", String(SearchTuning.hyphenPartWeight)),
            ("lengthPriorFloor", String(SearchTuning.lengthPriorFloor)),
            ("lengthPriorStart", String(SearchTuning.lengthPriorStart)),
        ])
        return JSONText.object([
            ("format", JSONText.string(format)),
            ("documents", String(documentCount)),
            ("terms", String(termCount)),
            ("shards", JSONText.strings(shardFirstTerms)),
            ("matchWeights", JSONText.object(weights.map { ($0.key, $0.value) })),
            ("partialMatchPercent", String(SearchTuning.partialMatchPercent)),
            ("synonymPercent", String(SearchTuning.synonymPercent)),
            ("titleMatchPercent", String(SearchTuning.titleMatchPercent)),
            ("metaMatchPercent", String(SearchTuning.metaMatchPercent)),
            ("titlePhrasePercent", String(SearchTuning.titlePhrasePercent)),
            ("passageNearPercent", String(SearchTuning.passageNearPercent)),
            ("synonyms", "[" + (SearchSynonyms.builtIn + synonyms).map(JSONText.strings).joined(separator: ",") + "]"),
            ("maximumPrefixTerms", String(SearchTuning.maximumPrefixTerms)),
            ("passagesPerBlock", String(SearchTuning.passagesPerBlock)),
            ("passagesPerLaterBlock", String(SearchTuning.passagesPerLaterBlock)),
            ("stopwords", JSONText.strings(Stopwords.german.sorted())),
            ("tuning", tuning),
        ]) + "\n"
    }
}
