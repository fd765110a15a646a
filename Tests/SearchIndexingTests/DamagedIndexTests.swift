import Foundation
@testable import SearchIndexing
import Testing
import TestSupport

/// A damaged index throws ``SearchIndexError/damaged(file:problem:)`` instead of trapping, looping or
/// answering with empty results. The whole crafted corpus (tests/damaged_search_index.py) runs
/// through `vcc search` and the browser engine; these are the same cases on the reader itself.
@Suite("Damaged search index")
struct DamagedIndexTests {
    static let site: [String: [UInt8]] = {
        let files = ["content/a.md": "# Posteingang\n\nDer Posteingang wird gescannt.\n",
                     "content/b.md": "# Scanner\n\nDer Scanner liest den Posteingang.\n"]
        let site = try! InlineSite(files)
        defer { site.remove() }
        return try! site.build().files
    }()

    /// The site's index with `change` applied to the file `name` of its version folder.
    static func engine(changing name: String, _ change: (inout [UInt8]) -> Void) throws -> SearchEngine {
        var files = site
        let path = indexVersionFolder(files) + name
        var bytes = files[path] ?? []
        if name == IndexManifest.file, var json = IndexManifest.json(ofFile: bytes) {
            // The manifest is compressed: its JSON is what the cases change.
            change(&json)
            bytes = IndexManifest.compressed(json)
        } else {
            change(&bytes)
        }
        files[path] = bytes
        return SearchEngine(index: try SearchIndexReader { [files] in files[SearchIndexBuilder.folder + $0] })
    }

    /// Whether opening the changed index, or searching it, reports damage of `file`.
    static func reportsDamage(of file: String, changing name: String, _ change: (inout [UInt8]) -> Void) -> Bool {
        do {
            _ = try engine(changing: name, change).search("Posteingang")
            return false
        } catch let error {
            guard case .damaged(let damaged, _) = error as? SearchIndexError else { return false }
            return damaged == file && "\(error)".hasPrefix("Der Suchindex ist beschädigt: ") && "\(error)".hasSuffix("– bitte neu bauen (vcc build).")
        }
    }

    static func replacingJSON(_ bytes: inout [UInt8], _ old: String, _ new: String) {
        bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }

    @Test("the intact index answers")
    func intact() throws {
        #expect(try Self.engine(changing: IndexManifest.file) { _ in }.search("Posteingang").total == 2)
    }

    @Test("huge and negative manifest numbers are damage, not a trap")
    func manifestNumbers() {
        #expect(Self.reportsDamage(of: IndexManifest.file, changing: IndexManifest.file) { Self.replacingJSON(&$0, "\"documents\":2", "\"documents\":4611686018427387904") })
        #expect(Self.reportsDamage(of: IndexManifest.file, changing: IndexManifest.file) { Self.replacingJSON(&$0, "\"maximumPrefixTerms\":60", "\"maximumPrefixTerms\":-1") })
        #expect(Self.reportsDamage(of: IndexManifest.file, changing: IndexManifest.file) { Self.replacingJSON(&$0, "\"exact\":10", "\"exact\":4611686018427387904") })
    }

    @Test("facet runs outside the documents, of negative length or of 10^11 documents are damage")
    func facetRuns() {
        for runs in ["[0,100000000000]", "[1,-5]", "[-3,2]", "[4611686018427387904,4611686018427387904]", "[0]"] {
            #expect(Self.reportsDamage(of: "facets.json", changing: "facets.json") { Self.replacingJSON(&$0, "\"runs\":[0,2]", "\"runs\":" + runs) }, "\(runs)")
        }
    }

    @Test("a record length of 2^62, a truncated varint and more records than length bytes in the record table are damage")
    func recordTable() {
        #expect(Self.reportsDamage(of: "r/index.bin", changing: "r/index.bin") { $0 = $0.dropLast(2) + [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40] })
        #expect(Self.reportsDamage(of: "r/index.bin", changing: "r/index.bin") { $0 = $0.dropLast() + [0x80] })
        // One pack of both records, and the length of one.
        #expect(Self.reportsDamage(of: "r/index.bin", changing: "r/index.bin") { $0 = Array("VCR1".utf8) + [1, 2, 40] })
    }

    @Test("a truncated or garbled record pack is damage, not a result without title and URL")
    func recordPacks() {
        #expect(Self.reportsDamage(of: "r/0.bin", changing: "r/0.bin") { $0 = Array($0.prefix(10)) })
        #expect(Self.reportsDamage(of: "r/0.bin", changing: "r/0.bin") { $0 = $0.map { $0 == 0x0A ? 0x0A : $0 ^ 0x5A } })
    }

    @Test("random bytes, an empty file or a truncated varint in a term shard are damage, not 0 hits")
    func termShards() {
        #expect(Self.reportsDamage(of: "t/0.bin", changing: "t/0.bin") { $0 = Array("VCT1".utf8) + (0..<400).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) } })
        #expect(Self.reportsDamage(of: "t/0.bin", changing: "t/0.bin") { $0 = [] })
        #expect(Self.reportsDamage(of: "t/0.bin", changing: "t/0.bin") { $0 = Array("VCT1".utf8) + [0x80] })
    }

    /// A shard of `count` terms `z`, `zz`, `zzz`, …: each repeats the previous one whole and adds a byte.
    static func growingShard(_ count: Int) -> [UInt8] {
        var bytes = Array("VCT1".utf8)
        VarInt.append(count, to: &bytes)
        for shared in 0..<count {
            VarInt.append(shared, to: &bytes)
            bytes += [1, 0x7A, 1, 1, 3, 0, 0x10, 4]  // suffix, idf, df, postings length, one posting
        }
        return bytes
    }

    @Test("a term longer than IndexLimits.termBytes is damage, also when each term repeats the previous one and adds a byte")
    func termLength() throws {
        #expect(try TermShard(bytes: Self.growingShard(IndexLimits.termBytes), file: "t/0.bin", documentCount: 5).terms.count == IndexLimits.termBytes)
        #expect(throws: SearchIndexError.self) { try TermShard(bytes: Self.growingShard(IndexLimits.termBytes + 1), file: "t/0.bin", documentCount: 5) }
        var long = Array("VCT1".utf8) + [1, 0]
        VarInt.append(IndexLimits.termBytes + 1, to: &long)
        long += [UInt8](repeating: 0x7A, count: IndexLimits.termBytes + 1) + [1, 1, 3, 0, 0x10, 4]
        #expect(Self.reportsDamage(of: "t/0.bin", changing: "t/0.bin") { $0 = long })
    }

    @Test("a term shard's postings are checked: ids ascend and stay below the count")
    func postings() throws {
        let shard = try TermShard(bytes: Array("VCT1".utf8) + [1, 0, 1, 0x61, 50, 2, 6, 1, 9, 4, 0, 9, 4], file: "t/0.bin", documentCount: 5)
        #expect(throws: SearchIndexError.self) { try shard.postings(at: 0) }
        let good = try TermShard(bytes: Array("VCT1".utf8) + [1, 0, 1, 0x61, 50, 2, 6, 1, 9, 4, 3, 9, 4], file: "t/0.bin", documentCount: 5)
        #expect(try good.postings(at: 0).map(\.document) == [1, 4])
        let beyond = try TermShard(bytes: Array("VCT1".utf8) + [1, 0, 1, 0x61, 50, 2, 6, 1, 9, 4, 3, 9, 4], file: "t/0.bin", documentCount: 4)
        #expect(throws: SearchIndexError.self) { try beyond.postings(at: 0) }
    }
}
