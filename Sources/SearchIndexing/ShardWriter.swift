import Foundation
import ParallelSteps

/// Writes the term shards `t/<n>.bin` (format in FORMAT.md): terms in UTF-8 byte order,
/// front-coded, each with its idf and postings, cut into files of about
/// ``SearchTuning/shardTargetBytes``.
struct ShardWriter {
    private(set) var shards: [[UInt8]] = []
    private(set) var firstTerms: [String] = []

    /// Terms per run of shards that are encoded on their own: each run starts a new shard, so runs
    /// can be encoded on all cores, and as their length is fixed the files do not depend on how
    /// many cores there are.
    static let termsPerRun = 16_384

    init(terms: [String], postings: [[Posting]], documentCount: Int) {
        let order = Self.utf8Order(of: terms.indices.filter { !postings[$0].isEmpty }, terms: terms)
        let runs = Array(stride(from: 0, to: order.count, by: Self.termsPerRun)).concurrentMap { start -> ([[UInt8]], [String]) in
            var shards: [[UInt8]] = [], firstTerms: [String] = []
            var encoder = ShardEncoder(documentCount: documentCount)
            for index in order[start..<min(start + Self.termsPerRun, order.count)] {
                if encoder.isEmpty { firstTerms.append(terms[index]) }
                encoder.append(terms[index], postings[index])
                if encoder.size >= SearchTuning.shardTargetBytes { shards.append(encoder.finish()) }
            }
            if !encoder.isEmpty { shards.append(encoder.finish()) }
            return (shards, firstTerms)
        }
        shards = runs.flatMap(\.0)
        firstTerms = runs.flatMap(\.1)
    }

    /// `indices` sorted by their terms in UTF-8 byte order.
    ///
    /// The terms' bytes are copied into one buffer first and compared there, by their first eight
    /// bytes as one integer and the rest with memcmp: sorting the laws' 500,000 terms as Strings
    /// (each comparison retaining and releasing two of them) was a serial step of a tenth of a second.
    static func utf8Order(of indices: [Int], terms: [String]) -> [Int] {
        var bytes: [UInt8] = []
        var keys: [(prefix: UInt64, start: Int, end: Int, index: Int)] = []
        keys.reserveCapacity(indices.count)
        for index in indices {
            let start = bytes.count
            bytes += terms[index].utf8
            var prefix: UInt64 = 0
            for position in 0..<8 { prefix = prefix << 8 | UInt64(start + position < bytes.count ? bytes[start + position] : 0) }
            keys.append((prefix, start, bytes.count, index))
        }
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress
            keys.sort { a, b in
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                // Equal first eight bytes (zero-padded): compare what follows, then the lengths.
                let common = Swift.min(a.end - a.start, b.end - b.start)
                if common > 8, let base {
                    let order = memcmp(base + a.start + 8, base + b.start + 8, common - 8)
                    if order != 0 { return order < 0 }
                }
                return a.end - a.start < b.end - b.start
            }
        }
        return keys.map(\.index)
    }

    /// The number of the shard that holds `term`: the last shard whose first term is not above it
    /// in UTF-8 byte order (the browser client's `shardNumber` does the same).
    static func shard(holding term: String, firstTerms: [String]) -> Int {
        var low = 0, high = firstTerms.count
        while low < high {
            let mid = (low + high) / 2
            if !term.precedesInUTF8(firstTerms[mid]) { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }

    /// BM25's idf, ln(1 + (N − df + 0.5) / (df + 0.5)), times 100 and rounded, at least 1.
    static func idf(documentFrequency df: Int, documentCount n: Int) -> Int {
        let value = log(1 + (Double(n - df) + 0.5) / (Double(df) + 0.5))
        return max(1, Int((value * 100).rounded()))
    }
}

/// Encodes terms, given in UTF-8 byte order, into one shard file.
struct ShardEncoder {
    let documentCount: Int
    private var current: [UInt8] = []
    private var count = 0
    private var previous: [UInt8] = []
    private var body: [UInt8] = []

    init(documentCount: Int) {
        self.documentCount = documentCount
    }

    var isEmpty: Bool { count == 0 }
    var size: Int { current.count }

    mutating func append(_ termText: String, _ list: [Posting]) {
        let term = Array(termText.utf8)
        let shared = zip(previous, term).prefix { $0 == $1 }.count
        VarInt.append(shared, to: &current)
        VarInt.append(term.count - shared, to: &current)
        current += term[shared...]
        VarInt.append(ShardWriter.idf(documentFrequency: list.count, documentCount: documentCount), to: &current)
        VarInt.append(list.count, to: &current)
        body.removeAll(keepingCapacity: true)
        var last: UInt32 = 0
        for (position, posting) in list.enumerated() {
            VarInt.append(Int(position == 0 ? posting.document : posting.document - last), to: &body)
            body.append(posting.weight)
            // The passage number, shifted left, carries the title flag in its lowest bit.
            // The passage + 1 (0: in no passage), shifted left past the title and meta flags.
            VarInt.append(Int(posting.passage + 1) << 2 | (posting.inMeta ? 2 : 0) | (posting.inTitle ? 1 : 0), to: &body)
            // A title term says where in the title it stands, for phrase ranking.
            if posting.inTitle { VarInt.append(Int(posting.titlePosition), to: &body) }
            last = posting.document
        }
        VarInt.append(body.count, to: &current)
        current += body
        count += 1
        previous = term
    }

    /// The shard's bytes; the encoder starts over empty.
    mutating func finish() -> [UInt8] {
        var shard = Array("VCT1".utf8)
        VarInt.append(count, to: &shard)
        shard += current
        current.removeAll(keepingCapacity: true)
        count = 0
        previous = []
        return shard
    }
}

extension String {
    /// Whether this string comes before `other` in UTF-8 byte order, the order of the index's terms
    /// (Swift's `<` compares Unicode scalars after normalisation, which is not the same).
    func precedesInUTF8(_ other: String) -> Bool {
        var a = self, b = other  // Native strings give their bytes without copying.
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = Swift.min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }
}
