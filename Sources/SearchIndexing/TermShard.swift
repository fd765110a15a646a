/// A decoded term shard: its terms in order, with idf and the byte range of each postings list.
///
/// Postings are decoded only for the terms a query touches.
struct TermShard: Sendable {
    var terms: [String] = []
    var idf: [Int] = []
    var documentFrequency: [Int] = []
    private var postingRanges: [Range<Int>] = []
    private let bytes: [UInt8]

    /// Parses a shard file; nil when it is not a valid `VCT1` shard.
    init?(bytes: [UInt8]) {
        self.bytes = bytes
        guard bytes.count >= 4, bytes[0..<4].elementsEqual("VCT1".utf8) else { return nil }
        var offset = 4
        guard let count = VarInt.read(bytes, &offset) else { return nil }
        var previous: [UInt8] = []
        for _ in 0..<count {
            guard let shared = VarInt.read(bytes, &offset), let suffixLength = VarInt.read(bytes, &offset),
                  shared <= previous.count, suffixLength <= bytes.count - offset else { return nil }
            let term = Array(previous[0..<shared]) + bytes[offset..<(offset + suffixLength)]
            offset += suffixLength
            guard let idf = VarInt.read(bytes, &offset), let df = VarInt.read(bytes, &offset),
                  let length = VarInt.read(bytes, &offset), length <= bytes.count - offset else { return nil }
            terms.append(String(decoding: term, as: UTF8.self))
            self.idf.append(idf)
            documentFrequency.append(df)
            postingRanges.append(offset..<(offset + length))
            offset += length
            previous = term
        }
    }

    /// The postings of the term at `index`.
    func postings(at index: Int) -> [Posting] {
        var offset = postingRanges[index].lowerBound
        var out: [Posting] = []
        out.reserveCapacity(min(documentFrequency[index], postingRanges[index].count))
        var document = 0
        for position in 0..<documentFrequency[index] {
            guard let delta = VarInt.read(bytes, &offset), offset < bytes.count else { break }
            let (sum, overflow) = document.addingReportingOverflow(delta)
            guard !overflow else { break }
            document = position == 0 ? delta : sum
            let weight = bytes[offset]
            offset += 1
            guard let passage = VarInt.read(bytes, &offset) else { break }
            var titlePosition = 0
            if passage & 1 == 1 {
                guard let position = VarInt.read(bytes, &offset) else { break }
                titlePosition = min(position, 255)
            }
            guard let number = Int32(exactly: (passage >> 2) - 1), let id = UInt32(exactly: document) else { break }
            out.append(Posting(document: id, weight: weight, passage: number, inTitle: passage & 1 == 1,
                               inMeta: passage & 2 == 2, titlePosition: UInt8(titlePosition)))
        }
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
