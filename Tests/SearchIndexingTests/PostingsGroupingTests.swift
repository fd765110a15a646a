@testable import SearchIndexing
import Testing

/// Grouping postings by term merges the workers' lists instead of sorting each term's list; the
/// shards and the client rely on every list being in document order.
@Suite("Postings grouped by term")
struct PostingsGroupingTests {
    static func posting(_ document: UInt32, weight: UInt8 = 1) -> Posting {
        Posting(document: document, weight: weight, passage: -1)
    }

    @Test("documents of interleaved workers come out in document order, each posting once")
    func documentOrder() {
        // Three workers taking documents 0, 3, 6, … / 1, 4, 7, … / 2, 5, 8, …, as the index builder
        // deals them out; worker 2 has no postings at all for some documents.
        var perWorker: [[(Int32, Posting)]] = [[], [], []]
        var expected = [[UInt32]](repeating: [], count: 4)
        for document in UInt32(0)..<30 {
            let worker = Int(document % 3)
            guard worker != 2 || document % 2 == 0 else { continue }
            for term in Int32(0)..<4 where (Int(document) + Int(term)) % 3 != 0 {
                perWorker[worker].append((term, Self.posting(document, weight: UInt8(term + 1))))
                expected[Int(term)].append(document)
            }
        }
        let lists = PostingsAssembly(documentCount: 30, termCount: 5).groupByTerm(perWorker)
        #expect(lists.count == 5)
        for term in 0..<4 {
            #expect(lists[term].map(\.document) == expected[term], "term \(term)")
            #expect(lists[term].allSatisfy { $0.weight == UInt8(term + 1) })
        }
        #expect(lists[4].isEmpty)
    }
}
