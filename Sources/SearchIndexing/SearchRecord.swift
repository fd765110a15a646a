/// One document's record in a record pack `r/<n>.bin` (format in FORMAT.md, "records"): what a
/// result shows and the first block of passages. ``RecordWriter`` fills it and writes it with
/// ``json()``; the reference engine reads it back with this type (`JSONDecoder`), the browser
/// checks the same keys (`checkedRecord` in `Client/index-checks.js`).
struct SearchRecord: Codable, Equatable, Sendable {
    /// A section of the page, written `[id, heading]`; index 0 is the text before the first heading.
    struct Anchor: Codable, Equatable, Sendable {
        var id: String
        var heading: String
    }

    /// A passage of excerpt text, written `[anchor, "text"]`. The text is a slice of the document's
    /// own string while writing: a large site's passages would otherwise double its text in memory.
    struct Passage: Codable, Equatable, Sendable {
        var anchor: Int
        var text: Substring
    }

    /// Where the later passage blocks lie, written `[pack, offset, [length, …]]`: one after another in
    /// `p/<pack>.bin` from byte `offset`, each followed by a separator byte.
    struct LaterBlocks: Codable, Equatable, Sendable {
        var pack: Int
        var offset: Int
        var lengths: [Int]
    }

    var url: String
    var title: String
    var kind: String
    var summary: String
    var cities: [String]
    var themes: [String]
    var project: String?
    var anchors: [Anchor]
    /// How many passages the page has in all.
    var passages: Int
    var block: [Passage]
    var later: LaterBlocks?

    enum CodingKeys: String, CodingKey { case url, title, kind, summary, cities, themes, project, anchors, passages, block, later }

    /// Writes `project` and `later` as `null` when absent (the synthesised conformance would leave them out).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(title, forKey: .title)
        try container.encode(kind, forKey: .kind)
        try container.encode(summary, forKey: .summary)
        try container.encode(cities, forKey: .cities)
        try container.encode(themes, forKey: .themes)
        try container.encode(project, forKey: .project)
        try container.encode(anchors, forKey: .anchors)
        try container.encode(passages, forKey: .passages)
        try container.encode(block, forKey: .block)
        try container.encode(later, forKey: .later)
    }
}

extension SearchRecord.Anchor {
    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        id = try container.decode(String.self)
        heading = try container.decode(String.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(id)
        try container.encode(heading)
    }
}

extension SearchRecord.Passage {
    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        anchor = try container.decode(Int.self)
        text = Substring(try container.decode(String.self))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(anchor)
        try container.encode(String(text))
    }
}

extension SearchRecord.LaterBlocks {
    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        pack = try container.decode(Int.self)
        offset = try container.decode(Int.self)
        lengths = try container.decode([Int].self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(pack)
        try container.encode(offset)
        try container.encode(lengths)
    }
}
