import Foundation
public import SiteModel
import TextAnalysis
import FileAccess
public import ParallelSteps

/// Builds the prebuilt inverted index (`suche/index/`, see FORMAT.md) from the site's search documents.
///
/// The index is content-addressed: its files live in `suche/index/<version>/`, where the version is
/// the fingerprint of all of them, and the small entry file `suche/index/current.json` names the
/// current version. A browser that cached files of an earlier deploy can never mix them with new
/// ones, because every changed index has new URLs.
public struct SearchIndexBuilder: Sendable {
    /// The folder of the index inside the output.
    public static let folder = "suche/index/"
    /// The entry file in ``folder``: the format and the current version (fetched without caching).
    public static let entryFile = "current.json"
    /// The format written into the entry file and the manifest.
    public static let format = "vcc-search/9"
    /// Where the files go while the index is written, before its fingerprint is known.
    static let pendingFolder = folder + "neu/"

    /// The site's own synonym groups (`site.yml` `synonyms:`), added to ``SearchSynonyms/builtIn``.
    public var synonyms: [[String]] = []

    public init(synonyms: [[String]] = []) { self.synonyms = synonyms }

    /// Analyses all documents and hands every index file to `sink`; returns the time of each step.
    @discardableResult
    /// - Parameter precompression: passages already cut and compressed while the pages were rendered.
    public func build(_ documents: [SearchDocument], into sink: some OutputSink, precompression: PassagePrecompression? = nil) throws -> [Lap] {
        try buildKeepingState(documents, into: sink, prepared: precompression?.finish() ?? [:]).laps
    }

    /// What a full build knows at its end, for ``IncrementalSearchIndex``.
    struct State {
        var documents: [SearchDocument]
        var vocabulary: ByteStringTable
        var termTable: TermTable
        var postings: [[Posting]]
        var averages: SIMD4<Float>
        var shardFirstTerms: [String]
        var records: WrittenRecords
        var laps: [Lap]
        /// The fingerprint naming the index's folder.
        var version: String
    }

    /// What the record writer produced.
    struct WrittenRecords: Sendable {
        var passagePackCount = 0
        var documentsPerPack: [Int] = []
        /// Every record's JSON, kept only when asked for (the preview rewrites packs from them).
        var records: [[UInt8]] = []
    }

    func buildKeepingState(_ documents: [SearchDocument], into site: some OutputSink, keepingRecords: Bool = false,
                           prepared: [URLPath: PassagePrecompression.Prepared] = [:]) throws -> State {
        var clock = StepClock()
        let sink = IndexFolderSink(base: site, folder: Self.pendingFolder)
        let documents = documents.sorted { $0.url < $1.url }
        let passages = documents.concurrentMap { prepared[$0.url]?.passages ?? Passages($0) }

        clock.lap("Passagen")
        // Records and passage packs need only the passages. Compressing them is a fifth of the build's
        // CPU but has no step waiting for it, so it runs in the cores' spare time beside the analysis
        // below: the serial parts of merging, stemming and grouping postings leave a core idle.
        let records = SpareTimeTask {
            Result { try writeRecords(documents, passages: passages, prepared: prepared, into: sink, keeping: keepingRecords) }
        }
        // Never leave, not even by throwing, while records are still going to the sink.
        defer { _ = records.wait() }
        // 1. Tokenise every document on all cores, each worker with its own vocabulary.
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let analysed = Array(0..<workers).concurrentMap { worker -> (WorkerVocabulary, [(Int, AnalysedDocument)]) in
            var vocabulary = WorkerVocabulary()
            var results: [(Int, AnalysedDocument)] = []
            var index = worker
            while index < documents.count {
                results.append((index, vocabulary.analyse(documents[index], passages: passages[index], number: Int32(index))))
                index += workers
            }
            return (vocabulary, results)
        }

        clock.lap("Wörter zählen")
        // 2. Merge the vocabularies, then stem and split every distinct word once.
        var vocabulary = ByteStringTable(capacity: analysed.map(\.0.count).max() ?? 0)
        var counts: [Int] = []
        var localToGlobal: [[Int32]] = []
        for (worker, _) in analysed {
            var map = [Int32](repeating: 0, count: worker.count)
            for local in 0..<Int32(worker.count) {
                let (global, isNew) = worker.withWord(local) { vocabulary.intern($0, hash: worker.hash(local)) }
                if isNew { counts.append(0) }
                counts[Int(global)] += Int(worker.standaloneCount(of: local))
                map[Int(local)] = global
            }
            localToGlobal.append(map)
        }
        clock.lap("Wortschätze vereinen")
        let termTable = TermTable(vocabulary: vocabulary, standaloneCounts: counts)
        let wordMaps = localToGlobal
        clock.lap("Stammformen und Komposita")

        // 3. Postings per document, then grouped by term.
        let postings = PostingsAssembly(documentCount: documents.count, termCount: termTable.terms.count)
        let averages = PostingsAssembly.averageFieldLengths(analysed.flatMap { $0.1.map { $0.1.fieldLengths } })
        let perWorker = Array(0..<analysed.count).concurrentMap { worker in
            postings.postings(for: analysed[worker].1, localToGlobal: wordMaps[worker], terms: termTable, averages: averages)
        }
        let byTerm = postings.groupByTerm(perWorker)

        clock.lap("Postings")
        // 4. Write shards, manifest, facets and records.
        let shards = ShardWriter(terms: termTable.terms, postings: byTerm, documentCount: documents.count)
        // Creating the files is mostly the kernel's work; both cores share it.
        let shardFailures = Array(shards.shards.indices).concurrentMap { index -> (any Error)? in
            do { try sink.accept(OutputFile(path: "t/\(index).bin", contents: shards.shards[index])) } catch { return error }
            return nil
        }
        if let failure = shardFailures.lazy.compactMap({ $0 }).first { throw failure }
        let manifest = IndexManifest(documentCount: documents.count, shardFirstTerms: shards.firstTerms,
                                     termCount: termTable.terms.count, synonyms: synonyms)
        try sink.accept(OutputFile(path: IndexManifest.file, contents: try manifest.fileBytes()))
        try sink.accept(OutputFile(path: FacetsFile.file, contents: try FacetWriter.file(documents).bytes()))
        clock.lap("Wortlisten schreiben")
        let written = try records.wait().get()
        let version = sink.fingerprint.hex
        try site.moveFolder(Self.pendingFolder, to: Self.folder + version + "/")
        try site.accept(OutputFile(path: Self.folder + Self.entryFile, contents: try IndexEntry(version: version).bytes()))
        clock.lap("auf Datensätze warten")
        return State(documents: documents, vocabulary: vocabulary, termTable: termTable, postings: byTerm, averages: averages,
                     shardFirstTerms: shards.firstTerms, records: written, laps: clock.laps, version: version)
    }

    /// Records and passage packs, a chunk of documents at a time: passages are encoded on all cores,
    /// packed in document order (so pack offsets are deterministic), the records encoded on all
    /// cores and then packed in order. Only one chunk's encoded text is held at once.
    private func writeRecords(_ documents: [SearchDocument], passages: [Passages], prepared: [URLPath: PassagePrecompression.Prepared],
                              into sink: some OutputSink, keeping: Bool) throws -> WrittenRecords {
        var passagePacks = PassagePacks(sink: sink)
        var recordPacks = RecordPacks(sink: sink)
        var kept: [[UInt8]] = []
        let chunkSize = 256
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for chunkStart in stride(from: 0, to: documents.count, by: chunkSize) {
            let ids = Array(chunkStart..<min(chunkStart + chunkSize, documents.count))
            // Threads of their own rather than the shared pool's: they inherit the spare-time priority.
            let encoded = ids.concurrentMap(threads: cores) { RecordWriter.encode(passages[$0], laterBlocks: prepared[documents[$0].url]?.laterBlocks) }
            var packed: [SearchRecord.LaterBlocks?] = []
            for passages in encoded { packed.append(try passagePacks.append(passages.laterBlocks)) }
            let locations = packed
            let records = Array(ids.indices).concurrentMap(threads: cores) { index in
                RecordWriter.record(for: documents[ids[index]], passages: encoded[index], location: locations[index])
            }
            for record in records { try recordPacks.append(record) }
            if keeping { kept += records }
        }
        try passagePacks.finish()
        try recordPacks.finish()
        return WrittenRecords(passagePackCount: passagePacks.count, documentsPerPack: recordPacks.documentsPerPack, records: kept)
    }

    /// The browser client (`Client/*.js`; its tests are `*.test.mjs` and so never published), with
    /// paths relative to the theme's assets folder (`search/engine.js`), compacted (``ClientScriptCompaction``).
    public static func clientFiles() throws -> [OutputFile] {
        guard let folder = ResourceFolder.path(bundle: "vcc_SearchIndexing", fallback: { Bundle.module.resourcePath }).map({ $0 + "/Client" })
        else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".js") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            return OutputFile(path: "search/" + name, contents: ClientScriptCompaction.served(name: name, contents: Array(data)))
        }
    }
}

/// Puts the index's files (paths relative to the index) into `folder` of the site and fingerprints them.
private final class IndexFolderSink<Base: OutputSink>: OutputSink, @unchecked Sendable {
    private let base: Base
    private let folder: String
    let fingerprint = FileSetFingerprint()

    init(base: Base, folder: String) {
        self.base = base
        self.folder = folder
    }

    func accept(_ file: OutputFile) throws {
        fingerprint.add(path: file.path, contents: file.contents)
        try base.accept(OutputFile(path: folder + file.path, contents: file.contents))
    }

    func moveFolder(_ from: String, to: String) throws { try base.moveFolder(folder + from, to: folder + to) }
}
