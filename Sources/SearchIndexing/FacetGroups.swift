/// `facets.json` (``FacetsFile``) as the reference engine uses it: for each group its values, and for
/// each value the documents that have it, checked.
struct FacetGroups: Sendable {
    struct Value: Sendable {
        var value: String
        var documents: DocumentRuns
    }

    struct Group: Sendable {
        var key: String
        var label: String
        var values: [Value]
    }

    var groups: [Group]

    static let file = FacetsFile.file

    /// Reads the file's bytes for an index of `documentCount` documents (already proved by
    /// ``RecordTable``, so at most one per byte of `r/index.bin`). Runs must be pairs of start and
    /// length inside `0..<documentCount`, ascending and apart; they stay runs (``DocumentRuns``), so
    /// memory follows the file's size, not the documents a crafted run claims.
    init(bytes: [UInt8], documentCount: Int) throws(SearchIndexError) {
        let file: FacetsFile
        do {
            file = try IndexJSONDecoder.decode(FacetsFile.self, from: bytes)
        } catch {
            throw Self.damage(IndexJSONDecoder.problem(of: error))
        }
        groups = []
        for group in file.groups {
            var values: [Value] = []
            for value in group.values {
                guard value.runs.count % 2 == 0 else { throw Self.damage("ein Wert von `\(group.key)` ohne Paare in `runs`") }
                values.append(Value(value: value.value, documents: try Self.documents(value.runs, documentCount: documentCount, name: value.value)))
            }
            groups.append(Group(key: group.key, label: group.label, values: values))
        }
    }

    /// The documents of `runs` (`[start, length, …]`).
    private static func documents(_ runs: [Int], documentCount: Int, name: String) throws(SearchIndexError) -> DocumentRuns {
        var documents = DocumentRuns()
        var end = 0
        for pair in stride(from: 0, to: runs.count, by: 2) {
            let start = runs[pair], length = runs[pair + 1]
            // Compared without adding, so that no pair of numbers can overflow.
            guard start >= end, start < documentCount, length >= 0, length <= documentCount - start else {
                throw damage("der Lauf [\(start), \(length)] von „\(name)“ liegt nicht aufsteigend in 0..<\(documentCount)")
            }
            documents.append(start, start + length)
            end = start + length
        }
        return documents
    }

    private static func damage(_ problem: String) -> SearchIndexError { .damaged(file: file, problem: problem) }
}
