import SiteModel

/// Writes the per-document records `r/<id>.json`; passages beyond the first block go to pack files.
///
/// A record holds what a result shows (title, URL, type, facets, summary) and the first block of
/// passages. A long document's other passages are appended to a shared pack file (`p/<n>.txt`) and
/// the record says where each block lies, so a client fetches one block with an HTTP range request
/// instead of the index holding one small file per block (tens of thousands on a large site).
enum RecordWriter {
    /// A document's passages as JSON: the first block and the later blocks, ready for a pack.
    struct EncodedPassages: Sendable {
        var firstBlock: String
        var laterBlocks: [[UInt8]]
        var anchors: String
        var count: Int
    }

    /// Where a document's later blocks lie: pack number, byte offset of the first, each block's length.
    struct PackLocation: Sendable {
        var pack: Int
        var offset: Int
        var lengths: [Int]
    }

    static func encode(_ passages: Passages) -> EncodedPassages {
        func block(_ slice: ArraySlice<(anchor: Int, text: Substring)>) -> String {
            JSONText.array(slice.map { "[\($0.anchor)," + JSONText.string(String($0.text)) + "]" })
        }
        let all = passages.passages
        let firstEnd = min(SearchTuning.passagesPerBlock, all.count)
        var later: [[UInt8]] = []
        var start = firstEnd
        while start < all.count {
            later.append(Array(block(all[start..<min(start + SearchTuning.passagesPerLaterBlock, all.count)]).utf8))
            start += SearchTuning.passagesPerLaterBlock
        }
        let anchors = JSONText.array(passages.anchors.map { JSONText.strings([$0.id, $0.heading]) })
        return EncodedPassages(firstBlock: block(all[0..<firstEnd]), laterBlocks: later, anchors: anchors, count: all.count)
    }

    static func record(for document: SearchDocument, passages: EncodedPassages, location: PackLocation?, id: Int) -> OutputFile {
        let later = location.map { "[\($0.pack),\($0.offset),[" + $0.lengths.map(String.init).joined(separator: ",") + "]]" }
        let record = JSONText.object([
            ("url", JSONText.string(document.url.rawValue)),
            ("title", JSONText.string(document.title)),
            ("kind", JSONText.string(document.kind)),
            ("summary", JSONText.string(document.summary)),
            ("cities", JSONText.strings(document.cities)),
            ("themes", JSONText.strings(document.themes)),
            ("project", document.project.map(JSONText.string) ?? "null"),
            ("anchors", passages.anchors),
            ("passages", String(passages.count)),
            ("block", passages.firstBlock),
            ("later", later ?? "null"),
        ])
        return OutputFile(path: SearchIndexBuilder.folder + "r/\(id).json", text: record + "\n")
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

    mutating func append(_ blocks: [[UInt8]]) throws -> RecordWriter.PackLocation? {
        guard !blocks.isEmpty else { return nil }
        let size = blocks.reduce(0) { $0 + $1.count + 1 }
        if !buffer.isEmpty && buffer.count + size > SearchTuning.passagePackBytes { try flush() }
        let location = RecordWriter.PackLocation(pack: number, offset: buffer.count, lengths: blocks.map(\.count))
        for block in blocks {
            buffer += block
            buffer.append(0x0A)  // A newline between blocks keeps the pack readable; lengths exclude it.
        }
        return location
    }

    /// The number of packs handed to the sink so far.
    var count: Int { number - firstNumber }

    mutating func finish() throws {
        if !buffer.isEmpty { try flush() }
    }

    private mutating func flush() throws {
        try sink.accept(OutputFile(path: SearchIndexBuilder.folder + "p/\(number).txt", contents: buffer))
        number += 1
        buffer.removeAll(keepingCapacity: true)
    }
}
