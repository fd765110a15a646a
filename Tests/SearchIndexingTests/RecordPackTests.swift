import Foundation
@testable import SearchIndexing
import SiteModel
import Testing
import TestSupport

@Suite("Record packs")
struct RecordPackTests {
    /// Pages long enough that their records, compressed, fill several packs of ~128 KiB: words of
    /// pseudo-random letters (a fixed sequence), which compress far less than repeated sentences.
    static let pages = (0..<300).map { n in
        SearchDocument(url: URLPath("/seite-\(n)/"), title: "Seite \(n)", kind: "Seite", summary: "Zusammenfassung \(n)",
                       keywords: [], cities: [], themes: [], project: nil,
                       sections: [.init(heading: "", anchor: "", text: randomWords(seed: n, count: 400))])
    }

    static func randomWords(seed: Int, count: Int) -> String {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let letters = Array("abcdefghijklmnopqrstuvwxyzäöü")
        return (0..<count).map { _ in
            String((0..<(3 + Int(state >> 61))).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return letters[Int(state >> 33) % letters.count]
            })
        }.joined(separator: " ")
    }

    static func reader(_ files: [String: [UInt8]]) throws -> SearchIndexReader {
        try SearchIndexReader { files[SearchIndexBuilder.folder + $0] }
    }

    @Test("every record is found through the table, across several packs, and packs stay near their size")
    func recordsAcrossPacks() throws {
        let sink = MemorySink()
        try SearchIndexBuilder().build(Self.pages, into: sink)
        let packs = sink.files.filter { $0.key.hasPrefix(indexVersionFolder(sink.files) + "r/") && $0.key.hasSuffix(".bin") && !$0.key.hasSuffix("index.bin") }
        #expect(packs.count >= 3, "\(packs.count) packs")
        #expect(sink.files.keys.filter { $0.hasSuffix(".json") && $0.contains("/r/") }.isEmpty, "no file per record")
        for (path, bytes) in packs {
            #expect(bytes.count < 128 * 1024 + 16 * 1024, "\(path): \(bytes.count) bytes")
            #expect(bytes.last == 0x0A)
        }
        let reader = try Self.reader(sink.files)
        // Documents are numbered in URL order.
        let urls = Self.pages.map(\.url.rawValue).sorted()
        for (id, url) in urls.enumerated() {
            #expect(try reader.record(id).url == url, "document \(id)")
        }
        #expect(throws: SearchIndexError.self) { try reader.record(urls.count) }
    }

    @Test("the preview rewrites the edited page's pack and the table; every record stays readable")
    func previewUpdate() throws {
        let sink = MemorySink()
        let index = try IncrementalSearchIndex(documents: Self.pages, into: sink)
        var files = sink.files
        let urls = Self.pages.map(\.url.rawValue).sorted()
        let middle = urls.count / 2
        let edited = SearchDocument(url: URLPath(urls[middle]), title: "Neuer Titel", kind: "Seite", summary: "Kurz",
                                    keywords: [], cities: [], themes: [], project: nil,
                                    sections: [.init(heading: "", anchor: "", text: "Ganz kurz.")])
        let changed = try #require(index.update(edited))
        let recordFiles = changed.map(\.path).filter { $0.contains("/r/") }
        #expect(recordFiles.count == 2, "\(recordFiles)")
        let folder = indexVersionFolder(files)
        #expect(recordFiles.contains(folder + "r/index.bin"))
        #expect(!recordFiles.contains(folder + "r/0.bin"), "the middle page is not in the first pack")
        for file in changed { files[file.path] = file.contents }
        let reader = try Self.reader(files)
        for (id, url) in urls.enumerated() {
            #expect(try reader.record(id).url == url, "document \(id)")
        }
        #expect(try reader.record(middle).title == "Neuer Titel")
    }
}

@Suite("Content-addressed index")
struct ContentAddressedIndexTests {
    @Test("an index whose bytes change gets a new version folder; the same input keeps it")
    func versionFollowsContent() throws {
        let pages = Array(RecordPackTests.pages.prefix(20))
        func versionFolder(_ documents: [SearchDocument]) throws -> (String, [String: [UInt8]]) {
            let sink = MemorySink()
            try SearchIndexBuilder().build(documents, into: sink)
            return (indexVersionFolder(sink.files), sink.files)
        }
        let (first, files) = try versionFolder(pages)
        let (again, _) = try versionFolder(pages)
        var edited = pages
        edited[3].sections[0].text += " Ein neues Wort: Zwischenablage."
        let (changed, _) = try versionFolder(edited)
        #expect(first == again)
        #expect(first != changed)
        // Every index file but the entry lies in the version folder.
        #expect(files.keys.allSatisfy { $0 == "suche/index/current.json" || $0.hasPrefix(first) }, "\(files.keys.sorted())")
        #expect(first.count == "suche/index/".count + 17)
    }
}
