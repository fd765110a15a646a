/// `r/index.bin` as read by the reference engine (format in FORMAT.md; ``RecordPacks`` writes it):
/// where each document's record lies in its pack.
struct RecordTable: Sendable {
    /// Pack number, byte offset and compressed length of each document's record.
    private(set) var locations: [(pack: Int, offset: Int, length: Int)] = []

    static let file = "r/index.bin"

    /// Reads the table of an index of `documentCount` documents: the packs' record counts must add
    /// up to it, the file must hold a length byte at least for each, and every length and offset
    /// must stay within ``IndexLimits/fileBytes``.
    init(bytes: [UInt8], documentCount: Int) throws(SearchIndexError) {
        var cursor = IndexByteCursor(bytes, file: Self.file, offset: 4)
        guard cursor.starts(with: "VCR1") else { throw cursor.damage("keine Datensatztabelle (VCR1)") }
        // Every pack count and every record length takes one byte at least.
        let packCount = try cursor.number(from: 0, through: cursor.remaining, "Die Zahl der Pakete")
        var counts: [Int] = []
        var total = 0
        for _ in 0..<packCount {
            let count = try cursor.number(from: 1, through: documentCount - total, "Die Zahl der Datensätze eines Pakets")
            counts.append(count)
            total += count
        }
        guard total == documentCount else { throw cursor.damage("\(total) Datensätze statt \(documentCount) (manifest.bin)") }
        // Checked before anything is sized by the count: this proves documentCount ≤ the file's bytes.
        guard total <= cursor.remaining else { throw cursor.damage("\(total) Längen passen nicht in \(cursor.remaining) Bytes") }
        locations.reserveCapacity(total)
        for (pack, count) in counts.enumerated() {
            var offset = 0
            for _ in 0..<count {
                let length = try cursor.number(from: 1, through: IndexLimits.fileBytes - offset - 1, "Die Länge eines Datensatzes")
                locations.append((pack, offset, length))
                offset += length + 1
            }
        }
        guard cursor.remaining == 0 else { throw cursor.damage("Nach der letzten Länge folgen noch \(cursor.remaining) Bytes") }
    }
}
