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

/// Shards need their terms in UTF-8 byte order; the writer sorts them on bytes, not as Strings.
@Suite("Term order of the shards")
struct ShardTermOrderTests {
    @Test("the byte sort gives the order of precedesInUTF8, for prefixes, umlauts, long common starts and NUL")
    func sameAsStringOrder() {
        var terms = ["a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefgha", "abcdefgh\u{0}", "ab\u{0}c", "ä", "äb", "z", "zz",
                     "verwaltungsgericht", "verwaltungsgerichte", "verwaltungsgesetz", "verwaltung", "öffentlich", "über", "ß", ""]
        var state: UInt64 = 7
        let letters = Array("abäöüßz")
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60) + 1
            terms.append(String((0..<length).map { letters[Int((state >> UInt64(3 * $0 % 50)) % UInt64(letters.count))] }))
        }
        terms = Array(Set(terms))
        let expected = terms.indices.sorted { terms[$0].precedesInUTF8(terms[$1]) }.map { terms[$0] }
        let sorted = ShardWriter.utf8Order(of: Array(terms.indices), terms: terms).map { terms[$0] }
        #expect(sorted == expected)
    }
}
