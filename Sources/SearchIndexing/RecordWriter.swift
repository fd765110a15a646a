import RawDeflate
import SiteModel

/// Encodes the per-document records; passages beyond the first block go to pack files.
///
/// Every record and every later block is compressed on its own with raw DEFLATE (the client undoes
/// it with the browser's `DecompressionStream("deflate-raw")`): law text shrinks to about 0.4 of its
/// size, and each piece can still be fetched alone with a range request.
///
/// A record holds what a result shows (title, URL, type, facets, summary) and the first block of
/// passages. A long document's other passages are appended to a shared pack file (`p/<n>.bin`) and
/// the record says where each block lies, so a client fetches one block with an HTTP range request
/// instead of the index holding one small file per block (tens of thousands on a large site).
/// The records themselves are packed as well (``RecordPacks``).
enum RecordWriter {
    /// A document's passages: the first block for its record, the later blocks compressed, ready for a pack.
    struct EncodedPassages: Sendable {
        var firstBlock: [SearchRecord.Passage]
        var laterBlocks: [[UInt8]]
        var anchors: [SearchRecord.Anchor]
        var count: Int
    }

    /// - Parameter compressed: the later blocks, when they were compressed before (see ``PassagePrecompression``).
    static func encode(_ passages: Passages, laterBlocks compressed: [[UInt8]]? = nil) -> EncodedPassages {
        let all = passages.passages.map { SearchRecord.Passage(anchor: $0.anchor, text: $0.text) }
        let firstEnd = min(SearchTuning.passagesPerBlock, all.count)
        return EncodedPassages(firstBlock: Array(all[0..<firstEnd]), laterBlocks: compressed ?? laterBlocks(of: all),
                               anchors: passages.anchors.map { SearchRecord.Anchor(id: $0.id, heading: $0.heading) }, count: all.count)
    }

    /// The passages after the first block, in blocks of ``SearchTuning/passagesPerLaterBlock``, each
    /// `[[anchor,"text"],…]` written as bytes and compressed: this is all of a site's text.
    static func laterBlocks(of passages: Passages) -> [[UInt8]] {
        laterBlocks(of: passages.passages.map { SearchRecord.Passage(anchor: $0.anchor, text: $0.text) })
    }

    private static func laterBlocks(of all: [SearchRecord.Passage]) -> [[UInt8]] {
        var later: [[UInt8]] = []
        var start = min(SearchTuning.passagesPerBlock, all.count)
        while start < all.count {
            let slice = all[start..<min(start + SearchTuning.passagesPerLaterBlock, all.count)]
            var out: [UInt8] = []
            out.reserveCapacity(slice.reduce(2) { $0 + $1.text.utf8.count + 12 })
            SearchRecord.Passage.appendJSON(slice, to: &out)
            later.append(Deflate.compress(out, effort: .fast))
            start += SearchTuning.passagesPerLaterBlock
        }
        return later
    }

    /// The record of `document` (``SearchRecord``): UTF-8 JSON, compressed with raw DEFLATE.
    static func record(for document: SearchDocument, passages: EncodedPassages, location: SearchRecord.LaterBlocks?) -> [UInt8] {
        let record = SearchRecord(
            url: document.url.rawValue, title: document.title, kind: document.kind, summary: document.summary,
            cities: document.cities, themes: document.themes, project: document.project, anchors: passages.anchors,
            passages: passages.count, block: passages.firstBlock, later: location)
        return Deflate.compress(record.json(), effort: .fast)
    }
}

/// Appends records, in document order, to pack files `r/<n>.bin` of about
/// ``SearchTuning/recordPackBytes`` and writes the table `r/index.bin` that locates each record.
///
/// One file per record made the laws' index 6,636 files; creating files is a large part of a
/// build's time (the kernel allocates an inode for each), so records share packs like later blocks.
struct RecordPacks {
    private let sink: any OutputSink
    private var buffer: [UInt8] = []
    private var inCurrentPack = 0
    /// The number of records in each pack, in pack order.
    private(set) var documentsPerPack: [Int] = []
    /// The byte length of each record, in document order.
    private(set) var lengths: [Int] = []

    init(sink: some OutputSink) {
        self.sink = sink
    }

    mutating func append(_ record: [UInt8]) throws {
        if inCurrentPack > 0 && buffer.count + record.count + 1 > SearchTuning.recordPackBytes { try flush() }
        buffer += record
        buffer.append(0x0A)  // A separator byte after each record, which lengths exclude.
        lengths.append(record.count)
        inCurrentPack += 1
    }

    /// Writes the last pack and the table.
    mutating func finish() throws {
        if inCurrentPack > 0 { try flush() }
        try sink.accept(Self.table(documentsPerPack: documentsPerPack, lengths: lengths))
    }

    private mutating func flush() throws {
        try sink.accept(OutputFile(path: Self.packPath(documentsPerPack.count), contents: buffer))
        documentsPerPack.append(inCurrentPack)
        inCurrentPack = 0
        buffer.removeAll(keepingCapacity: true)
    }

    static func packPath(_ number: Int) -> String { "r/\(number).bin" }

    /// A pack made of whole records (the preview rewrites the one pack an edit touched).
    static func pack(number: Int, records: ArraySlice<[UInt8]>) -> OutputFile {
        var bytes: [UInt8] = []
        for record in records {
            bytes += record
            bytes.append(0x0A)
        }
        return OutputFile(path: packPath(number), contents: bytes)
    }

    /// `r/index.bin`: "VCR1", the pack count, each pack's record count, then each record's length,
    /// all as varints (FORMAT.md).
    static func table(documentsPerPack: [Int], lengths: [Int]) -> OutputFile {
        var bytes = Array("VCR1".utf8)
        VarInt.append(documentsPerPack.count, to: &bytes)
        for count in documentsPerPack { VarInt.append(count, to: &bytes) }
        for length in lengths { VarInt.append(length, to: &bytes) }
        return OutputFile(path: "r/index.bin", contents: bytes)
    }
}

/// Appends later passage blocks to pack files of about ``SearchTuning/passagePackBytes``, in document
/// order, and hands each full pack to the sink. A document's blocks never straddle two packs.
struct PassagePacks {
    private let sink: any OutputSink
    private let firstNumber: Int
    private var number: Int
    private var buffer: [UInt8] = []

    /// Packs are numbered from `firstNumber` (the preview appends packs to an existing index).
    init(sink: some OutputSink, firstNumber: Int = 0) {
        self.sink = sink
        self.firstNumber = firstNumber
        number = firstNumber
    }

    mutating func append(_ blocks: [[UInt8]]) throws -> SearchRecord.LaterBlocks? {
        guard !blocks.isEmpty else { return nil }
        let size = blocks.reduce(0) { $0 + $1.count + 1 }
        if !buffer.isEmpty && buffer.count + size > SearchTuning.passagePackBytes { try flush() }
        let location = SearchRecord.LaterBlocks(pack: number, offset: buffer.count, lengths: blocks.map(\.count))
        for block in blocks {
            buffer += block
            buffer.append(0x0A)  // A separator byte after each block, which lengths exclude.
        }
        return location
    }

    /// The number of packs handed to the sink so far.
    var count: Int { number - firstNumber }

    mutating func finish() throws {
        if !buffer.isEmpty { try flush() }
    }

    private mutating func flush() throws {
        try sink.accept(OutputFile(path: "p/\(number).bin", contents: buffer))
        number += 1
        buffer.removeAll(keepingCapacity: true)
    }
}
