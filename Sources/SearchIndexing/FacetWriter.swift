import SiteModel

/// Fills `facets.json` (``FacetsFile``): for each facet value, the documents that have it, as runs.
enum FacetWriter {
    /// Facet groups in display order: key, German label, values of a document.
    static let groups: [(key: String, label: String, values: @Sendable (SearchDocument) -> [String])] = [
        ("type", "Art", { [$0.kind] }),
        ("city", "Kommune", { $0.cities }),
        ("theme", "Thema", { $0.themes }),
        ("project", "Projekt", { $0.project.map { [$0] } ?? [] }),
    ]

    /// `documents` must be in document-id order.
    static func file(_ documents: [SearchDocument]) -> FacetsFile {
        FacetsFile(groups: groups.map { group in
            var members: [String: [Int]] = [:]
            for (id, document) in documents.enumerated() {
                for value in Set(group.values(document)) where !value.isEmpty { members[value, default: []].append(id) }
            }
            let values = members.sorted { $0.key < $1.key }.map { FacetsFile.Value(value: $0.key, runs: runs($0.value)) }
            return FacetsFile.Group(key: group.key, label: group.label, values: values)
        })
    }

    /// Sorted ids as [start, length, start, length, …]: 0…6635 is `[0,6636]`.
    static func runs(_ ids: [Int]) -> [Int] {
        var out: [Int] = []
        for id in ids {
            if let start = out.count >= 2 ? out[out.count - 2] : nil, start + out[out.count - 1] == id {
                out[out.count - 1] += 1
            } else {
                out += [id, 1]
            }
        }
        return out
    }
}
