/// What the blueprint list's script sorts and filters cards by, written as `data-` attributes.
struct CardSorting: Encodable {
    /// How far the solution has come, higher is further (see ``BlueprintRelevance/rank(of:)``).
    var maturityRank: Int
    /// ``Blueprint/operationCount``.
    var operationCount: Int
    /// All adopters, whatever their status.
    var adopterCount: Int
    /// `suitable_for`, for the number field "Einwohnerzahl"; absent ends are open.
    var suitableMin: Int?
    var suitableMax: Int?
}
