import SiteModel

/// Writes the per-document records `r/<id>.json` and their later passage blocks `r/<id>-<n>.json`.
///
/// A record holds what a result shows (title, URL, type, facets, summary) and the first block of
/// passages; a long document's other passages live in blocks fetched only when one is the excerpt.
enum RecordWriter {
    static func files(for document: SearchDocument, passages: Passages, id: Int) -> [OutputFile] {
        var blocks: [String] = []
        var start = 0
        while start < passages.passages.count || blocks.isEmpty {
            let size = blocks.isEmpty ? SearchTuning.passagesPerBlock : SearchTuning.passagesPerLaterBlock
            let slice = passages.passages[start..<min(start + size, passages.passages.count)]
            blocks.append(JSONText.array(slice.map { "[\($0.anchor)," + JSONText.string($0.text) + "]" }))
            start += size
        }
        let anchors = JSONText.array(passages.anchors.map { JSONText.strings([$0.id, $0.heading]) })
        let record = JSONText.object([
            ("url", JSONText.string(document.url.rawValue)),
            ("title", JSONText.string(document.title)),
            ("kind", JSONText.string(document.kind)),
            ("summary", JSONText.string(document.summary)),
            ("cities", JSONText.strings(document.cities)),
            ("themes", JSONText.strings(document.themes)),
            ("project", document.project.map(JSONText.string) ?? "null"),
            ("anchors", anchors),
            ("passages", String(passages.passages.count)),
            ("block", blocks[0]),
        ])
        var files = [OutputFile(path: SearchIndexBuilder.folder + "r/\(id).json", text: record + "\n")]
        for (number, block) in blocks.enumerated().dropFirst() {
            files.append(OutputFile(path: SearchIndexBuilder.folder + "r/\(id)-\(number).json",
                                    text: JSONText.object([("block", block)]) + "\n"))
        }
        return files
    }
}
