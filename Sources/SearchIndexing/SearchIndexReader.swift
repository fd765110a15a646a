import Foundation
import RawDeflate

/// Reads index files on demand from the output folder (or from memory, in tests), caching shards.
public final class SearchIndexReader: @unchecked Sendable {
    /// Reads a file of the index by its path below `suche/index/`.
    public typealias FileLoader = @Sendable (String) -> [UInt8]?

    let manifest: [String: Any]
    let shardFirstTerms: [String]
    let stopwords: Set<String>
    let matchWeights: [String: Int]
    let partialMatchPercent: Int
    /// Groups of expressions that mean the same, and what a match through one of them counts.
    let synonyms: [[String]]
    let synonymPercent: Int
    /// What a document with every query word in its title scores, in percent.
    let titleMatchPercent: Int
    /// The same for a document with every query word in its summary, keywords or tags.
    let metaMatchPercent: Int
    /// What a document whose title has the query's units one after the other scores on top, in percent.
    let titlePhrasePercent: Int
    /// What a document whose query units all have their best match in one passage scores, in percent.
    let passageNearPercent: Int
    let maximumPrefixTerms: Int
    let facetGroups: [(key: String, label: String, values: [(value: String, documents: Set<Int>)])]
    private let load: FileLoader
    private let lock = NSLock()
    private var shards: [Int: TermShard] = [:]
    private var records: [Int: [String: Any]] = [:]
    private var recordLocations: [(pack: Int, offset: Int, length: Int)]?
    private var recordPacks: [Int: [UInt8]] = [:]

    /// Opens the index in `folder` (for example `public/suche/index`).
    public convenience init(folder: String) throws {
        try self.init { path in FileManager.default.contents(atPath: folder + "/" + path).map(Array.init) }
    }

    /// Opens the index through `loader`, which reads paths below `suche/index/`: first the entry
    /// file, then the files of the version it names.
    public init(loader: @escaping FileLoader) throws {
        guard let entryBytes = loader(SearchIndexBuilder.entryFile),
              let entry = try? JSONSerialization.jsonObject(with: Data(entryBytes)) as? [String: Any],
              entry["format"] as? String == SearchIndexBuilder.format,
              let version = entry["version"] as? String,
              !version.isEmpty, version.allSatisfy({ $0.isHexDigit }) else {
            throw SearchIndexError.unreadable(SearchIndexBuilder.entryFile)
        }
        load = { path in loader(version + "/" + path) }
        guard let bytes = load("manifest.json"),
              let manifest = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              manifest["format"] as? String == SearchIndexBuilder.format else {
            throw SearchIndexError.unreadable("manifest.json")
        }
        self.manifest = manifest
        shardFirstTerms = manifest["shards"] as? [String] ?? []
        stopwords = Set(manifest["stopwords"] as? [String] ?? [])
        matchWeights = manifest["matchWeights"] as? [String: Int] ?? [:]
        partialMatchPercent = manifest["partialMatchPercent"] as? Int ?? 50
        synonymPercent = manifest["synonymPercent"] as? Int ?? 100
        titleMatchPercent = manifest["titleMatchPercent"] as? Int ?? 100
        metaMatchPercent = manifest["metaMatchPercent"] as? Int ?? 100
        titlePhrasePercent = manifest["titlePhrasePercent"] as? Int ?? 100
        passageNearPercent = manifest["passageNearPercent"] as? Int ?? 100
        synonyms = manifest["synonyms"] as? [[String]] ?? []
        maximumPrefixTerms = manifest["maximumPrefixTerms"] as? Int ?? 60
        guard let facetBytes = load("facets.json"),
              let facets = try? JSONSerialization.jsonObject(with: Data(facetBytes)) as? [String: Any],
              let groups = facets["groups"] as? [[String: Any]] else {
            throw SearchIndexError.unreadable("facets.json")
        }
        facetGroups = groups.map { group in
            let values = (group["values"] as? [[String: Any]] ?? []).map { value -> (String, Set<Int>) in
                let runs = value["runs"] as? [Int] ?? []
                var documents = Set<Int>()
                for pair in stride(from: 0, to: runs.count - 1, by: 2) { documents.formUnion(runs[pair]..<(runs[pair] + runs[pair + 1])) }
                return (value["value"] as? String ?? "", documents)
            }
            return (group["key"] as? String ?? "", group["label"] as? String ?? "", values)
        }
    }

    /// The number of the shard that holds `term` (the last shard whose first term is not above it).
    func shardNumber(for term: String) -> Int { ShardWriter.shard(holding: term, firstTerms: shardFirstTerms) }

    func shard(_ number: Int) -> TermShard? {
        guard number >= 0, number < shardFirstTerms.count else { return nil }
        if let cached = lock.withLock({ shards[number] }) { return cached }
        guard let bytes = load("t/\(number).bin"), let shard = TermShard(bytes: bytes) else { return nil }
        lock.withLock { shards[number] = shard }
        return shard
    }

    /// The record of document `id` (title, URL, facets, first passages).
    public func record(_ id: Int) -> [String: Any]? {
        if let cached = lock.withLock({ records[id] }) { return cached }
        guard let location = recordLocation(id), let pack = recordPack(location.pack),
              location.offset + location.length <= pack.count,
              let json = Inflate.decompress(Array(pack[location.offset..<(location.offset + location.length)]), limit: 16 << 20),
              let record = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        else { return nil }
        lock.withLock { records[id] = record }
        return record
    }
}

extension SearchIndexReader {
    /// Where record `id` lies (`r/index.bin`, read once).
    private func recordLocation(_ id: Int) -> (pack: Int, offset: Int, length: Int)? {
        if let known = lock.withLock({ recordLocations }) { return id >= 0 && id < known.count ? known[id] : nil }
        guard let bytes = load("r/index.bin"), let locations = RecordPacks.locations(table: bytes) else { return nil }
        lock.withLock { recordLocations = locations }
        return id >= 0 && id < locations.count ? locations[id] : nil
    }

    /// Record pack `number`, read whole once (the reader reads local files, so ranges gain nothing).
    private func recordPack(_ number: Int) -> [UInt8]? {
        if let cached = lock.withLock({ recordPacks[number] }) { return cached }
        guard let bytes = load(RecordPacks.packPath(number)) else { return nil }
        lock.withLock { recordPacks[number] = bytes }
        return bytes
    }
}

/// An index that cannot be read.
public enum SearchIndexError: Error, CustomStringConvertible {
    case unreadable(String)
    public var description: String {
        switch self {
        case .unreadable(let file): "Der Suchindex ist nicht lesbar: \(file) fehlt oder ist beschädigt. Baue die Website mit `vcc build`."
        }
    }
}
