/// `current.json`, the entry file of the index (format in FORMAT.md): the format and the version
/// folder that holds every other file. `vcc build` writes it and the reference engine reads it
/// with this type; the browser fetches it without its cache.
struct IndexEntry: Codable, Equatable, Sendable {
    var format: String
    /// The fingerprint of every index file, in hex digits: the folder `suche/index/<version>/`.
    var version: String

    static let file = SearchIndexBuilder.entryFile

    init(version: String) {
        format = SearchIndexBuilder.format
        self.version = version
    }

    /// Reads the entry's bytes; nil for anything but this format with a version of hex digits, so
    /// that a crafted entry can never name a folder outside the index.
    init?(bytes: [UInt8]) {
        guard let entry = try? IndexJSONDecoder.decode(Self.self, from: bytes), entry.format == SearchIndexBuilder.format,
              !entry.version.isEmpty, entry.version.allSatisfy(\.isHexDigit) else { return nil }
        self = entry
    }

    /// The file's bytes, ending in a line break.
    func bytes() throws -> [UInt8] { try IndexJSONEncoder().encode(self) + [0x0A] }
}
