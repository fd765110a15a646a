import SiteModel

/// The records and passage blocks hold all of a site's text, so they are written straight into bytes
/// instead of through an `Encoder`: the same bytes as ``IndexJSONEncoder`` gives for the `Codable`
/// conformance (a test compares them), in a fraction of the time.
extension SearchRecord {
    /// The record as UTF-8 JSON, keys in the order of ``CodingKeys``.
    func json() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(block.reduce(summary.utf8.count + title.utf8.count + 256) { $0 + $1.text.utf8.count + 8 })
        func key(_ name: StaticString) {
            out.append(out.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\":".utf8)
        }
        func string(_ text: String) { JSONText.appendString(Substring(text), to: &out) }
        func strings(_ texts: [String]) {
            out.append(UInt8(ascii: "["))
            for (index, text) in texts.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                string(text)
            }
            out.append(UInt8(ascii: "]"))
        }
        key("url"); string(url)
        key("title"); string(title)
        key("kind"); string(kind)
        key("summary"); string(summary)
        key("cities"); strings(cities)
        key("themes"); strings(themes)
        key("project"); if let project { string(project) } else { out.append(contentsOf: "null".utf8) }
        key("anchors")
        out.append(UInt8(ascii: "["))
        for (index, anchor) in anchors.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            strings([anchor.id, anchor.heading])
        }
        out.append(UInt8(ascii: "]"))
        key("passages"); out.append(contentsOf: String(passages).utf8)
        key("block"); Passage.appendJSON(block[...], to: &out)
        key("later")
        if let later {
            out.append(contentsOf: "[\(later.pack),\(later.offset),[\(later.lengths.map(String.init).joined(separator: ","))]]".utf8)
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}

extension SearchRecord.Passage {
    /// Appends `[[anchor,"text"],…]`: a record's `block`, or a later block of a passage pack.
    static func appendJSON(_ passages: ArraySlice<Self>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, passage) in passages.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            out.append(contentsOf: String(passage.anchor).utf8)
            out.append(UInt8(ascii: ","))
            JSONText.appendString(passage.text, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
    }
}
