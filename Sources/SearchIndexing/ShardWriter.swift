import Foundation

/// Writes the term shards `t/<n>.bin` (format in FORMAT.md): terms in UTF-8 byte order,
/// front-coded, each with its idf and postings, cut into files of about
/// ``SearchTuning/shardTargetBytes``.
struct ShardWriter {
    private(set) var shards: [[UInt8]] = []
    private(set) var firstTerms: [String] = []

    init(terms: [String], postings: [[Posting]], documentCount: Int) {
        let order = terms.indices.filter { !postings[$0].isEmpty }
            .sorted { terms[$0].utf8.lexicographicallyPrecedes(terms[$1].utf8) }
        var current: [UInt8] = []
        var currentCount = 0
        var previous: [UInt8] = []
        var body: [UInt8] = []
        func flush() {
            guard currentCount > 0 else { return }
            var shard = Array("VCT1".utf8)
            VarInt.append(currentCount, to: &shard)
            shard += current
            shards.append(shard)
            current.removeAll(keepingCapacity: true)
            currentCount = 0
            previous = []
        }
        for index in order {
            let term = Array(terms[index].utf8)
            if currentCount == 0 { firstTerms.append(terms[index]) }
            let shared = zip(previous, term).prefix { $0 == $1 }.count
            VarInt.append(shared, to: &current)
            VarInt.append(term.count - shared, to: &current)
            current += term[shared...]
            let list = postings[index]
            VarInt.append(Self.idf(documentFrequency: list.count, documentCount: documentCount), to: &current)
            VarInt.append(list.count, to: &current)
            body.removeAll(keepingCapacity: true)
            var last: UInt32 = 0
            for (position, posting) in list.enumerated() {
                VarInt.append(Int(position == 0 ? posting.document : posting.document - last), to: &body)
                body.append(posting.weight)
                VarInt.append(Int(posting.passage), to: &body)
                last = posting.document
            }
            VarInt.append(body.count, to: &current)
            current += body
            currentCount += 1
            previous = term
            if current.count >= SearchTuning.shardTargetBytes { flush() }
        }
        flush()
    }

    /// BM25's idf, ln(1 + (N − df + 0.5) / (df + 0.5)), times 100 and rounded, at least 1.
    static func idf(documentFrequency df: Int, documentCount n: Int) -> Int {
        let value = log(1 + (Double(n - df) + 0.5) / (Double(df) + 0.5))
        return max(1, Int((value * 100).rounded()))
    }
}
