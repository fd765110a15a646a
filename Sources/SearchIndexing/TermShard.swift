/// A decoded term shard (`t/<n>.bin`): its terms in order, with idf and the byte range of each postings list.
///
/// Postings are decoded only for the terms a query touches. Every number is checked against the
/// format and the manifest's document count as it is read (``IndexLimits``): a damaged shard throws
/// ``SearchIndexError/damaged(file:problem:)``.
struct TermShard: Sendable {
    var terms: [String] = []
    var idf: [Int] = []
    var documentFrequency: [Int] = []
    private var postingRanges: [Range<Int>] = []
    private let bytes: [UInt8]
    private let file: String
    private let documentCount: Int

    /// The smallest posting: a one-byte document delta, the weight, a one-byte passage value.
    private static let minimumPostingBytes = 3

    /// Parses shard `file` of an index of `documentCount` documents.
    init(bytes: [UInt8], file: String, documentCount: Int) throws(SearchIndexError) {
        self.bytes = bytes
        self.file = file
        self.documentCount = documentCount
        var cursor = IndexByteCursor(bytes, file: file, offset: 4)
        guard cursor.starts(with: "VCT1") else { throw cursor.damage("keine Termdatei (VCT1)") }
        let count = try cursor.number(from: 1, through: cursor.remaining, "Die Zahl der Terme")
        var previous: [UInt8] = []
        for _ in 0..<count {
            let shared = try cursor.number(from: 0, through: previous.count, "Ein gemeinsamer Präfix")
            // Capped, so that terms repeating the previous one whole cannot add up to more than
            // termBytes times the term count.
            let suffixLength = try cursor.number(from: 0, through: min(cursor.remaining, IndexLimits.termBytes - shared), "Eine Termlänge")
            let term = Array(previous[0..<shared]) + bytes[cursor.offset..<(cursor.offset + suffixLength)]
            cursor.offset += suffixLength
            // Binary search needs the terms in byte order.
            guard terms.isEmpty || previous.lexicographicallyPrecedes(term) else { throw cursor.damage("Die Terme sind nicht sortiert") }
            idf.append(try cursor.number(from: 1, through: IndexLimits.idf, "Ein idf-Wert"))
            let df = try cursor.number(from: 1, through: documentCount, "Eine Dokumentfrequenz")
            let length = try cursor.number(from: 0, through: cursor.remaining, "Eine Postings-Länge")
            guard df <= length / Self.minimumPostingBytes else { throw cursor.damage("\(df) Postings passen nicht in \(length) Bytes") }
            terms.append(String(decoding: term, as: UTF8.self))
            documentFrequency.append(df)
            postingRanges.append(cursor.offset..<(cursor.offset + length))
            cursor.offset += length
            previous = term
        }
        guard cursor.remaining == 0 else { throw cursor.damage("Nach dem letzten Term folgen noch \(cursor.remaining) Bytes") }
    }

    /// The postings of the term at `index`: document ids ascending and below the document count.
    func postings(at index: Int) throws(SearchIndexError) -> [Posting] {
        let range = postingRanges[index]
        var cursor = IndexByteCursor(bytes, file: file, offset: range.lowerBound)
        var out: [Posting] = []
        out.reserveCapacity(documentFrequency[index])
        var document = -1
        for _ in 0..<documentFrequency[index] {
            // The first delta is the id itself; later ones are at least 1, as ids ascend.
            let delta = try cursor.number(from: document < 0 ? 0 : 1, through: IndexLimits.documents, "Ein Dokumentabstand")
            document = max(document, 0) + delta
            guard document < documentCount else {
                throw cursor.damage("Dokumentnummer \(document) im Posting, der Index hat nur \(documentCount) Dokumente")
            }
            guard cursor.offset < range.upperBound, bytes[cursor.offset] > 0 else { throw cursor.damage("Ein Posting hat kein Gewicht") }
            let weight = bytes[cursor.offset]
            cursor.offset += 1
            let passage = try cursor.number(from: 0, through: IndexLimits.postingValue, "Eine Passagennummer")
            var titlePosition = 0
            if passage & 1 == 1 { titlePosition = min(try cursor.number(from: 0, through: IndexLimits.postingValue, "Eine Titelposition"), 255) }
            guard cursor.offset <= range.upperBound else { throw cursor.damage("Die Postings von „\(terms[index])“ sind länger als angegeben") }
            out.append(Posting(document: UInt32(document), weight: weight, passage: Int32((passage >> 2) - 1), inTitle: passage & 1 == 1,
                               inMeta: passage & 2 == 2, titlePosition: UInt8(titlePosition)))
        }
        guard cursor.offset == range.upperBound else { throw cursor.damage("Die Postings von „\(terms[index])“ sind kürzer als angegeben") }
        return out
    }

    /// The index of `term`, by binary search in byte order.
    func index(of term: String) -> Int? {
        let i = lowerBound(term)
        return i < terms.count && terms[i] == term ? i : nil
    }

    /// The first index whose term is not below `term` in byte order.
    func lowerBound(_ term: String) -> Int {
        var low = 0, high = terms.count
        while low < high {
            let mid = (low + high) / 2
            if terms[mid].precedesInUTF8(term) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
