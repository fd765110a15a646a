/// `tuning` of the manifest: the BM25F constants of ``SearchTuning`` that `vcc build` applied to
/// the posting weights. For readers of the index only; the engines never compute with them.
struct RankingConstants: Codable, Equatable, Sendable {
    var fieldWeights = SearchTuning.fieldWeights
    var lengthNormalisation = SearchTuning.lengthNormalisation
    var k1 = SearchTuning.k1
    var compoundPartWeight = SearchTuning.compoundPartWeight
    var titleCompoundPartWeight = SearchTuning.titleCompoundPartWeight
    var hyphenPartWeight = SearchTuning.hyphenPartWeight
    var lengthPriorFloor = SearchTuning.lengthPriorFloor
    var lengthPriorStart = SearchTuning.lengthPriorStart
}
