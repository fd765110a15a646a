import SiteModel

/// Writes `facets.json`: for each facet value, the documents that have it, as runs.
enum FacetWriter {
    /// Facet groups in display order: key, German label, values of a document.
    static let groups: [(key: String, label: String, values: @Sendable (SearchDocument) -> [String])] = [
        ("type", "Art", { [$0.kind] }),
        ("city", "Kommune", { $0.cities }),
        ("theme", "Thema", { $0.themes }),
        ("project", "Projekt", { $0.project.map { [$0] } ?? [] }),
    ]

    /// `documents` must be in document-id order.
    static func json(_ documents: [SearchDocument]) -> String {
        let groupJSON = groups.map { group -> String in
            var members: [String: [Int]] = [:]
            for (id, document) in documents.enumerated() {
                for value in Set(group.values(document)) where !value.isEmpty { members[value, default: []].append(id) }
            }
            let values = members.sorted { $0.key < $1.key }.map { value, ids in
                JSONText.object([("value", JSONText.string(value)), ("runs", runs(ids))])
            }
            return JSONText.object([("key", JSONText.string(group.key)), ("label", JSONText.string(group.label)),
                                    ("values", JSONText.array(values))])
        }
        return JSONText.object([("groups", JSONText.array(groupJSON))]) + "\n"
    }

    /// Sorted ids as [start, length, start, length, …]: 0…6635 is `[0,6636]`.
    static func runs(_ ids: [Int]) -> String {
        var out: [Int] = []
        for id in ids {
            if let start = out.count >= 2 ? out[out.count - 2] : nil, start + out[out.count - 1] == id {
                out[out.count - 1] += 1
            } else {
                out += [id, 1]
            }
        }
        return "[" + out.map(String.init).joined(separator: ",") + "]"
    }
}
