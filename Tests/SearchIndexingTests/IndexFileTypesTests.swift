import Foundation
@testable import SearchIndexing
import Testing
import TestSupport

/// Each JSON file of the index has one `Codable` type that `vcc build` writes and the reference
/// engine reads; the query thresholds travel in the manifest.
@Suite("Index file types")
struct IndexFileTypesTests {
    static var files: [String: [UInt8]] { DamagedIndexTests.site }
    static func file(_ name: String) -> [UInt8] { files[indexVersionFolder(files) + name] ?? [] }

    @Test("the manifest, the facets and the entry file read back into their types and write the same bytes")
    func roundTrips() throws {
        let manifest = try IndexManifest(fileBytes: Self.file(IndexManifest.file))
        #expect(try manifest.fileBytes() == Self.file(IndexManifest.file))
        // Stored compressed: less than half of its JSON.
        #expect(try Self.file(IndexManifest.file).count * 2 < manifest.bytes().count)
        #expect(manifest.typoMinimumLetters == SearchTuning.typoMinimumLetters)
        #expect(manifest.splitLinkingElements == SearchTuning.splitLinkingElements)
        #expect(manifest.matchWeights == SearchTuning.matchWeights)
        let facets = try IndexJSONDecoder.decode(FacetsFile.self, from: Self.file(FacetsFile.file))
        #expect(try facets.bytes() == Self.file(FacetsFile.file))
        let entryBytes = Self.files[SearchIndexBuilder.folder + IndexEntry.file] ?? []
        let entry = try #require(IndexEntry(bytes: entryBytes))
        #expect(try entry.bytes() == entryBytes)
        #expect(IndexEntry(bytes: Array(#"{"format":"vcc-search/9","version":"../x"}"#.utf8)) == nil)
    }

    @Test("a record's fast writer gives the bytes of its Codable encoding, and it reads back")
    func recordBytes() throws {
        let record = SearchRecord(
            url: "/a/", title: "Titel mit \"Anführung\" und <b>", kind: "Seite", summary: "Zeile\nzwei\u{2028}", cities: ["Marburg"],
            themes: [], project: nil, anchors: [.init(id: "", heading: ""), .init(id: "ziele", heading: "Ziele")], passages: 20,
            block: [.init(anchor: 1, text: "Text \\ mit\ttab"[...])], later: .init(pack: 3, offset: 52_114, lengths: [1830, 1764]))
        #expect(record.json() == (try IndexJSONEncoder().encode(record)))
        #expect(try IndexJSONDecoder.decode(SearchRecord.self, from: record.json()) == record)
        var other = record
        other.project = "Projekt"
        other.later = nil
        #expect(other.json() == (try IndexJSONEncoder().encode(other)))
        #expect(try IndexJSONDecoder.decode(SearchRecord.self, from: other.json()) == other)
    }

    /// The sample index with `key` of its manifest set to `value`, searched for `query`.
    static func total(_ query: String, setting key: String, to value: String) throws -> Int {
        try DamagedIndexTests.engine(changing: IndexManifest.file) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let pattern = try! Regex("\"\(key)\":[0-9]+")
            #expect(text.contains(pattern), "\(key)")
            bytes = Array(text.replacing(pattern, with: "\"\(key)\":\(value)").utf8)
        }.search(query).total
    }

    @Test("vcc search takes its query thresholds from the manifest")
    func thresholdsFromManifest() throws {
        #expect(try Self.total("Posteingnag", setting: "typoMinimumLetters", to: "5") == 2)
        #expect(try Self.total("Posteingnag", setting: "typoMinimumLetters", to: "20") == 0)
        #expect(try Self.total("Scannerposteingang ", setting: "splitMinimumLetters", to: "8") == 1)
        #expect(try Self.total("Scannerposteingang ", setting: "splitMinimumLetters", to: "30") == 0)
        #expect(try Self.total("Scannerposteingang ", setting: "splitMinimumPartLetters", to: "10") == 0)
    }

    @Test("a manifest without a threshold, or with one out of range, is damage")
    func missingThreshold() {
        #expect(DamagedIndexTests.reportsDamage(of: IndexManifest.file, changing: IndexManifest.file) {
            DamagedIndexTests.replacingJSON(&$0, "\"typoMinimumLetters\":5,", "")
        })
        #expect(DamagedIndexTests.reportsDamage(of: IndexManifest.file, changing: IndexManifest.file) {
            DamagedIndexTests.replacingJSON(&$0, "\"prefixFollowingShards\":2", "\"prefixFollowingShards\":-1")
        })
        #expect(DamagedIndexTests.reportsDamage(of: IndexManifest.file, changing: IndexManifest.file) {
            DamagedIndexTests.replacingJSON(&$0, "\"splitLinkingElements\":[", "\"splitLinkingElements\":[1,")
        })
    }
}
