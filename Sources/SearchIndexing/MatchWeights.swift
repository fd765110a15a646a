/// `matchWeights` of the manifest: the integer weight of a query word's match by how it matched
/// an index term (``SearchTuning/matchWeights``). Keys in the order the manifest writes them.
public struct MatchWeights: Codable, Equatable, Sendable {
    /// The word's stem is the term.
    public var exact: Int
    /// The last word typed is the start of the term (search as you type).
    public var prefix: Int
    /// The query word is a compound whose parts are terms ("Organspende").
    public var split: Int
    /// One letter off (words of ``SearchTuning/typoMinimumLetters`` or more).
    public var typo: Int
    /// Another word of the same family (``WordFamilyRules``: `Digitalisierung` for `digitalisieren`).
    public var family: Int

    public init(exact: Int, prefix: Int, split: Int, typo: Int, family: Int) {
        self.exact = exact
        self.prefix = prefix
        self.split = split
        self.typo = typo
        self.family = family
    }

    /// Each weight, named as in the file, for the range checks.
    var named: [(String, Int)] { [("exact", exact), ("prefix", prefix), ("split", split), ("typo", typo), ("family", family)] }
}
