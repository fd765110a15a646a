public import SiteModel
import TextAnalysis

/// The preview's search index, kept in memory so that an edited page rewrites only its record and
/// the term shards of the words it had or has, instead of the whole index.
///
/// The collection statistics of the full build (document count, average field lengths) stay as
/// they were; the edited page's postings and the document frequencies of its terms are exact. The
/// next full build (any change to routes, front matter or templates) starts afresh.
/// Not thread-safe: the preview calls it from one serial queue.
public final class IncrementalSearchIndex: @unchecked Sendable {
    private var documents: [SearchDocument]
    private var idByURL: [URLPath: Int] = [:]
    private var terms: [String]
    private var termIDs: [String: Int32] = [:]
    /// Whole-word term and compound-part terms of every word seen so far.
    private var wordTerms: [String: (whole: Int32, parts: [Int32])] = [:]
    private var postings: [[Posting]]
    /// The terms each document has postings for.
    private var documentTerms: [[Int32]]
    /// Term ids with postings, in UTF-8 byte order of their text (the order of the shards).
    private var sortedTerms: [Int32]
    private let shardFirstTerms: [String]
    private let averages: SIMD4<Float>
    private let decompounder: Decompounder
    /// The full build's compounds by their parts (term ids are global, so they stay valid).
    private let compoundsByParts: [TermTable.PartsKey: [Int32]]
    private let stemmer = GermanStemmer()
    private var nextPack: Int
    /// Every record's JSON and the record packs' sizes, to rewrite the pack of an edited page.
    private var records: [[UInt8]]
    private let documentsPerRecordPack: [Int]
    /// `suche/index/<version>/`, where the full build put the index.
    private let versionFolder: String

    /// Builds the whole index into `sink` and keeps what updates need.
    public init(documents: [SearchDocument], into sink: some OutputSink, synonyms: [[String]] = []) throws {
        let state = try SearchIndexBuilder(synonyms: synonyms).buildKeepingState(documents, into: sink, keepingRecords: true)
        self.documents = state.documents
        terms = state.termTable.terms
        postings = state.postings
        shardFirstTerms = state.shardFirstTerms
        averages = state.averages
        decompounder = state.termTable.decompounder
        compoundsByParts = state.termTable.compoundsByParts
        nextPack = state.records.passagePackCount
        records = state.records.records
        documentsPerRecordPack = state.records.documentsPerPack
        versionFolder = SearchIndexBuilder.folder + state.version + "/"
        for (id, document) in state.documents.enumerated() { idByURL[document.url] = id }
        for (id, term) in terms.enumerated() { termIDs[term] = Int32(id) }
        for (index, word) in state.vocabulary.strings.enumerated() {
            wordTerms[word] = (state.termTable.wholeTerm[index], Array(state.termTable.partTerms(of: index)))
        }
        var perDocument = [[Int32]](repeating: [], count: state.documents.count)
        for (term, list) in state.postings.enumerated() {
            for posting in list { perDocument[Int(posting.document)].append(Int32(term)) }
        }
        documentTerms = perDocument
        let terms = state.termTable.terms, lists = state.postings
        sortedTerms = lists.indices.filter { !lists[$0].isEmpty }.map(Int32.init)
            .sorted { terms[Int($0)].precedesInUTF8(terms[Int($1)]) }
    }

    /// Re-indexes a page that keeps its URL and facets; returns the index files that change, or nil
    /// when the page is not in the index (then the caller builds the index again).
    public func update(_ document: SearchDocument) -> [OutputFile]? {
        guard let id = idByURL[document.url], !shardFirstTerms.isEmpty else { return nil }
        documents[id] = document
        let passages = Passages(document)
        var vocabulary = WorkerVocabulary()
        let analysed = vocabulary.analyse(document, passages: passages, number: Int32(id))

        // The document's words as terms: known words from the table, new ones stemmed and split now.
        var wholeTerm: [Int32] = []
        var partTerms: [[Int32]] = []
        for word in vocabulary.words {
            let known = wordTerms[word] ?? {
                let whole = termID(stemmer.stem(word))
                var parts: [Int32] = []
                for part in (decompounder.indexParts(word) ?? []).map({ termID(stemmer.stem($0)) }) where part != whole && !parts.contains(part) {
                    parts.append(part)  // As in TermTable: a part counts once.
                }
                wordTerms[word] = (whole, parts)
                return (whole, parts)
            }()
            wholeTerm.append(known.whole)
            partTerms.append(known.parts)
        }
        let table = TermTable(wholeTerm: wholeTerm, partTerms: partTerms, decompounder: decompounder, compoundsByParts: compoundsByParts)
        let assembly = PostingsAssembly(documentCount: documents.count, termCount: terms.count)
        let fresh = assembly.postings(for: [(id, analysed)], localToGlobal: wholeTerm.indices.map(Int32.init),
                                      terms: table, averages: averages)

        let old = documentTerms[id]
        for term in old { postings[Int(term)].removeAll { $0.document == UInt32(id) } }
        for (term, posting) in fresh {
            let index = Int(term)
            if postings[index].isEmpty { insertSorted(term) }
            let position = postings[index].firstIndex { $0.document > posting.document } ?? postings[index].endIndex
            postings[index].insert(posting, at: position)
        }
        documentTerms[id] = fresh.map(\.0)

        var files: [OutputFile] = []
        let shards = Set((old + fresh.map(\.0)).map { ShardWriter.shard(holding: terms[Int($0)], firstTerms: shardFirstTerms) })
        for shard in shards.sorted() {
            files.append(OutputFile(path: "t/\(shard).bin", contents: encodeShard(shard)))
        }
        let encoded = RecordWriter.encode(passages)
        // The page's later blocks go into a pack of their own; the old pack keeps the old text unused.
        let sink = CollectedFiles()
        var packs = PassagePacks(sink: sink, firstNumber: nextPack)
        let location: SearchRecord.LaterBlocks?
        do {
            location = try packs.append(encoded.laterBlocks)
            try packs.finish()
        } catch { return nil }  // Not reached: collecting in memory does not fail.
        nextPack += packs.count
        files += sink.files
        records[id] = RecordWriter.record(for: document, passages: encoded, location: location)
        // The record's pack keeps its documents; only its bytes and the table's lengths change.
        var first = 0
        for (pack, count) in documentsPerRecordPack.enumerated() {
            if id < first + count {
                files.append(RecordPacks.pack(number: pack, records: records[first..<(first + count)]))
                break
            }
            first += count
        }
        files.append(RecordPacks.table(documentsPerPack: documentsPerRecordPack, lengths: records.map(\.count)))
        // The preview serves without caching, so the version folder keeps its name after an update.
        return files.map { OutputFile(path: versionFolder + $0.path, contents: $0.contents) }
    }

    private func termID(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(terms.count)
        terms.append(term)
        termIDs[term] = id
        postings.append([])
        return id
    }

    /// Adds a term that had no postings to `sortedTerms`, keeping the byte order.
    private func insertSorted(_ term: Int32) {
        let text = terms[Int(term)]
        let position = lowerBound(text)
        if position < sortedTerms.count && sortedTerms[position] == term { return }
        sortedTerms.insert(term, at: position)
    }

    /// The first position in `sortedTerms` whose text is not below `text`.
    private func lowerBound(_ text: String) -> Int {
        var low = 0, high = sortedTerms.count
        while low < high {
            let mid = (low + high) / 2
            if terms[Int(sortedTerms[mid])].precedesInUTF8(text) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Shard `number` again from the current postings; its range of terms is fixed by the manifest.
    private func encodeShard(_ number: Int) -> [UInt8] {
        let start = number == 0 ? 0 : lowerBound(shardFirstTerms[number])
        let end = number + 1 < shardFirstTerms.count ? lowerBound(shardFirstTerms[number + 1]) : sortedTerms.count
        var encoder = ShardEncoder(documentCount: documents.count)
        for term in sortedTerms[start..<end] where !postings[Int(term)].isEmpty {
            encoder.append(terms[Int(term)], postings[Int(term)])
        }
        return encoder.finish()
    }
}

/// Keeps the files of one update in memory, in the order they come.
private final class CollectedFiles: OutputSink, @unchecked Sendable {
    private(set) var files: [OutputFile] = []
    func accept(_ file: OutputFile) throws { files.append(file) }
    func moveFolder(_ from: String, to: String) throws {
        files = files.map { $0.path.hasPrefix(from) ? OutputFile(path: to + $0.path.dropFirst(from.count), contents: $0.contents) : $0 }
    }
}
