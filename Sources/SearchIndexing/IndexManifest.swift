import Foundation

/// `manifest.json` as read by the engines (format in FORMAT.md; ``Manifest`` writes it): every key
/// present with the right type and every number within ``IndexLimits``, else the index is damaged.
struct IndexManifest: Sendable {
    var documentCount: Int
    var shardFirstTerms: [String]
    var stopwords: Set<String>
    var matchWeights: [String: Int]
    var partialMatchPercent: Int
    /// Groups of expressions that mean the same, as written (``SynonymGroups`` merges overlapping ones).
    var synonyms: [[String]]
    var synonymPercent: Int
    var titleMatchPercent: Int
    var metaMatchPercent: Int
    var titlePhrasePercent: Int
    var passageNearPercent: Int
    var maximumPrefixTerms: Int

    static let file = "manifest.json"

    /// Reads the manifest's bytes; throws ``SearchIndexError/damaged(file:problem:)`` naming the first wrong key.
    init(bytes: [UInt8]) throws(SearchIndexError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { throw Self.damage("kein JSON-Objekt") }
        guard object["format"] as? String == SearchIndexBuilder.format else { throw Self.damage("unbekanntes Format") }
        func number(_ key: String, _ highest: Int, lowest: Int = 0, in dictionary: [String: Any] = object) throws(SearchIndexError) -> Int {
            // JSON numbers arrive as NSNumber: only whole numbers that fit are taken.
            guard let value = dictionary[key] as? Int, value >= lowest, value <= highest else {
                throw Self.damage("`\(key)` fehlt oder liegt nicht zwischen \(lowest) und \(highest)")
            }
            return value
        }
        documentCount = try number("documents", IndexLimits.documents)
        _ = try number("terms", IndexLimits.terms)
        guard let shards = object["shards"] as? [String] else { throw Self.damage("`shards` ist keine Liste von Termen") }
        // Finding a term's shard is a binary search over the first terms.
        guard zip(shards, shards.dropFirst()).allSatisfy({ $0.precedesInUTF8($1) }) else { throw Self.damage("`shards` ist nicht sortiert") }
        shardFirstTerms = shards
        guard let stopwords = object["stopwords"] as? [String] else { throw Self.damage("`stopwords` ist keine Liste von Wörtern") }
        self.stopwords = Set(stopwords)
        guard let weights = object["matchWeights"] as? [String: Any] else { throw Self.damage("`matchWeights` fehlt") }
        matchWeights = [:]
        for kind in ["exact", "prefix", "typo", "split"] { matchWeights[kind] = try number(kind, IndexLimits.matchWeight, in: weights) }
        partialMatchPercent = try number("partialMatchPercent", IndexLimits.percent)
        synonymPercent = try number("synonymPercent", IndexLimits.percent)
        titleMatchPercent = try number("titleMatchPercent", IndexLimits.percent)
        metaMatchPercent = try number("metaMatchPercent", IndexLimits.percent)
        titlePhrasePercent = try number("titlePhrasePercent", IndexLimits.percent)
        passageNearPercent = try number("passageNearPercent", IndexLimits.percent)
        maximumPrefixTerms = try number("maximumPrefixTerms", IndexLimits.tuningCount)
        // Only the browser reads these two, but both engines reject the same manifests.
        _ = try number("passagesPerBlock", IndexLimits.tuningCount, lowest: 1)
        _ = try number("passagesPerLaterBlock", IndexLimits.tuningCount, lowest: 1)
        guard let synonyms = object["synonyms"] as? [[String]] else { throw Self.damage("`synonyms` ist keine Liste von Gruppen") }
        self.synonyms = synonyms
    }

    private static func damage(_ problem: String) -> SearchIndexError { .damaged(file: file, problem: problem) }
}
