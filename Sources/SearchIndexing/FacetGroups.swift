import Foundation

/// `facets.json` as read by the engines (format in FORMAT.md; ``FacetWriter`` writes it): for each
/// group its values, and for each value the documents that have it.
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

    static let file = "facets.json"

    /// Reads the file's bytes for an index of `documentCount` documents (already proved by
    /// ``RecordTable``, so at most one per byte of `r/index.bin`). Runs must be pairs of start and
    /// length inside `0..<documentCount`, ascending and apart; they stay runs (``DocumentRuns``), so
    /// memory follows the file's size, not the documents a crafted run claims.
    init(bytes: [UInt8], documentCount: Int) throws(SearchIndexError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let groups = object["groups"] as? [[String: Any]] else { throw Self.damage("keine Liste `groups`") }
        self.groups = []
        for group in groups {
            guard let key = group["key"] as? String, let label = group["label"] as? String,
                  let values = group["values"] as? [[String: Any]] else { throw Self.damage("eine Gruppe ohne `key`, `label` oder `values`") }
            var parsed: [Value] = []
            for value in values {
                guard let name = value["value"] as? String, let runs = value["runs"] as? [Int], runs.count % 2 == 0 else {
                    throw Self.damage("ein Wert von `\(key)` ohne Namen oder ohne Paare in `runs`")
                }
                parsed.append(Value(value: name, documents: try Self.documents(runs, documentCount: documentCount, name: name)))
            }
            self.groups.append(Group(key: key, label: label, values: parsed))
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
