import Foundation
import RawDeflate

/// Reads index files on demand from the output folder (or from memory, in tests), caching shards.
///
/// Opening reads and checks `manifest.bin`, `r/index.bin` and `facets.json`; shards and records are
/// checked when a query first reads them. Anything that contradicts the format or the other files
/// throws ``SearchIndexError/damaged(file:problem:)`` (FORMAT.md, "Damaged indexes").
public final class SearchIndexReader: @unchecked Sendable {
    /// Reads a file of the index by its path below `suche/index/`.
    public typealias FileLoader = @Sendable (String) -> [UInt8]?

    let manifest: IndexManifest
    var shardFirstTerms: [String] { manifest.shardFirstTerms }
    /// The manifest's stopwords, as a set once.
    let stopwords: Set<String>
    /// The exceptions of the manifest's word families, as a set once (every query word asks).
    let wordFamilyExceptions: Set<String>
    var matchWeights: MatchWeights { manifest.matchWeights }
    var documentCount: Int { manifest.documentCount }
    let facetGroups: [FacetGroups.Group]
    private let recordTable: RecordTable
    private let load: FileLoader
    private let lock = NSLock()
    private var shards: [Int: TermShard] = [:]
    private var records: [Int: SearchRecord] = [:]
    private var recordPacks: [Int: [UInt8]] = [:]

    /// Opens the index in `folder` (for example `public/suche/index`).
    public convenience init(folder: String) throws(SearchIndexError) {
        try self.init { path in FileManager.default.contents(atPath: folder + "/" + path).map(Array.init) }
    }

    /// Opens the index through `loader`, which reads paths below `suche/index/`: first the entry
    /// file, then the files of the version it names.
    public init(loader: @escaping FileLoader) throws(SearchIndexError) {
        guard let version = loader(IndexEntry.file).flatMap(IndexEntry.init(bytes:))?.version else {
            throw SearchIndexError.unreadable(IndexEntry.file)
        }
        let load: FileLoader = { path in loader(version + "/" + path) }
        self.load = load
        func file(_ path: String) throws(SearchIndexError) -> [UInt8] {
            guard let bytes = load(path) else { throw .damaged(file: path, problem: "Die Datei fehlt") }
            return bytes
        }
        manifest = try IndexManifest(fileBytes: try file(IndexManifest.file))
        stopwords = Set(manifest.stopwords)
        wordFamilyExceptions = Set(manifest.wordFamilies.exceptions)
        // The record table first: it proves the document count (one byte at least per document)
        // before anything is sized by it.
        recordTable = try RecordTable(bytes: try file(RecordTable.file), documentCount: manifest.documentCount)
        facetGroups = try FacetGroups(bytes: try file(FacetGroups.file), documentCount: manifest.documentCount).groups
    }

    /// The number of the shard that holds `term` (the last shard whose first term is not above it).
    func shardNumber(for term: String) -> Int { ShardWriter.shard(holding: term, firstTerms: shardFirstTerms) }

    /// Shard `number`, read and checked once; nil only for a number the manifest does not name.
    func shard(_ number: Int) throws(SearchIndexError) -> TermShard? {
        guard number >= 0, number < shardFirstTerms.count else { return nil }
        if let cached = lock.withLock({ shards[number] }) { return cached }
        let path = "t/\(number).bin"
        guard let bytes = load(path) else { throw .damaged(file: path, problem: "Die Datei fehlt") }
        let shard = try TermShard(bytes: bytes, file: path, documentCount: documentCount)
        // A shard of another index, or another shard's file, starts with another term.
        guard shard.terms.first == shardFirstTerms[number] else {
            throw .damaged(file: path, problem: "Der erste Term ist nicht „\(shardFirstTerms[number])“, wie manifest.bin sagt")
        }
        lock.withLock { shards[number] = shard }
        return shard
    }

    /// The record of document `id` (title, URL, facets, first passages). A record that is missing,
    /// does not inflate or parse, or lacks a title or URL is damage: a result without them would
    /// be a lie.
    func record(_ id: Int) throws(SearchIndexError) -> SearchRecord {
        if let cached = lock.withLock({ records[id] }) { return cached }
        guard id >= 0, id < recordTable.locations.count else {
            throw .damaged(file: RecordTable.file, problem: "Kein Datensatz für Dokument \(id)")
        }
        let location = recordTable.locations[id]
        let path = RecordPacks.packPath(location.pack)
        let pack = try recordPack(location.pack)
        // Each record is followed by a separator byte: a shorter, longer or shifted pack misses it.
        guard location.length < pack.count - location.offset, pack[location.offset + location.length] == 0x0A else {
            throw .damaged(file: path, problem: "Datensatz \(id) liegt nicht an der Stelle, die r/index.bin nennt")
        }
        guard let json = Inflate.decompress(Array(pack[location.offset..<(location.offset + location.length)]), limit: IndexLimits.inflatedBytes),
              let record = try? IndexJSONDecoder.decode(SearchRecord.self, from: json) else {
            throw .damaged(file: path, problem: "Datensatz \(id) lässt sich nicht entpacken")
        }
        guard !record.url.isEmpty, !record.title.isEmpty else {
            throw .damaged(file: path, problem: "Datensatz \(id) hat keinen Titel oder keine Adresse")
        }
        lock.withLock { records[id] = record }
        return record
    }

    /// Record pack `number`, read whole once (the reader reads local files, so ranges gain nothing).
    private func recordPack(_ number: Int) throws(SearchIndexError) -> [UInt8] {
        if let cached = lock.withLock({ recordPacks[number] }) { return cached }
        let path = RecordPacks.packPath(number)
        guard let bytes = load(path) else { throw .damaged(file: path, problem: "Die Datei fehlt") }
        lock.withLock { recordPacks[number] = bytes }
        return bytes
    }
}
