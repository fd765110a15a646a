/// The ranges that numbers read from an index must lie in; anything outside is damage (see
/// FORMAT.md, "Damaged indexes"). `Client/index-checks.js` uses the same limits, so that both
/// engines reject the same files. The bounds are far above what `vcc build` writes and low enough
/// that no score can overflow (idf × weight × match weight × three percentages stays below 2^53,
/// where the browser's numbers stop being exact, for any query of up to tens of thousands of words).
enum IndexLimits {
    /// Documents of one index: document ids must fit the browser's Int32Array record table.
    static let documents = Int(Int32.max)
    /// Distinct terms of one index (`terms` of the manifest).
    static let terms = Int(Int32.max)
    /// The UTF-8 bytes of one term. `vcc build` writes at most 64 (`Tokenizer.maximumLength`; stems,
    /// compound parts and title compounds are words of at most that length), so 256 leaves room;
    /// the cap keeps a shard's front-coded terms within 256 bytes per term, however a file repeats
    /// the previous term.
    static let termBytes = 256
    /// An idf: `vcc build` writes at most about 2,200 (one document in 2^31).
    static let idf = 10_000
    /// A match weight of `matchWeights` (`vcc build`: 5 to 10).
    static let matchWeight = 100
    /// A percentage of the manifest (`vcc build`: 50 to 200).
    static let percent = 1_000
    /// `maximumPrefixTerms`, `passagesPerBlock`, `passagesPerLaterBlock` (`vcc build`: 60, 8, 16).
    static let tuningCount = 10_000
    /// A letter count or shard count of the query thresholds (`typoMinimumLetters` and the like;
    /// `vcc build`: 2 to 8): no word is longer than ``termBytes``.
    static let letters = 256
    /// A byte length or offset inside one file of the index (records, blocks, postings, packs); the
    /// browser keeps record offsets in an Int32Array.
    static let fileBytes = Int(Int32.max)
    /// The bytes a record or later block may inflate to: a crafted one stops there.
    static let inflatedBytes = 16 << 20
    /// The `(passage + 1) × 4 + flags` value of a posting, and a title position, before clamping.
    static let postingValue = Int(Int32.max)
}
