/// `facets.json` (format in FORMAT.md): for each facet group its values, and for each value the
/// documents that have it as runs `[start, length, …]`. ``FacetWriter`` fills it, both engines read
/// it (``FacetGroups`` checks the runs), keys in the order written here.
struct FacetsFile: Codable, Equatable, Sendable {
    struct Value: Codable, Equatable, Sendable {
        var value: String
        var runs: [Int]
    }

    struct Group: Codable, Equatable, Sendable {
        var key: String
        var label: String
        var values: [Value]
    }

    var groups: [Group]

    static let file = "facets.json"

    /// The file's bytes, ending in a line break.
    func bytes() throws -> [UInt8] { try IndexJSONEncoder().encode(self) + [0x0A] }
}
