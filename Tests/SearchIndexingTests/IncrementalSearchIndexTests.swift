import SearchIndexing
import SiteModel
import Testing
import TestSupport

@Suite("Incremental search index (preview)")
struct IncrementalSearchIndexTests {
    static func page(_ url: String, _ title: String, _ text: String) -> SearchDocument {
        SearchDocument(url: URLPath(url), title: title, kind: "Seite", summary: "", keywords: [], cities: [], themes: [],
                       project: nil, sections: [.init(heading: "", anchor: "", text: text)])
    }

    static let pages = (0..<40).map { n in
        page("/seite-\(n)/", "Seite \(n)", "Die Verwaltung der Stadt digitalisiert den Posteingang. Nummer \(n) beschreibt das Verfahren "
             + String(repeating: "mit weiteren Angaben zum Antrag und zur Genehmigung. ", count: n % 7 + 1))
    }

    static func engine(_ files: [String: [UInt8]]) throws -> SearchEngine {
        SearchEngine(index: try SearchIndexReader { files[SearchIndexBuilder.folder + $0] })
    }

    @Test("an edited page is found by its new words and no longer by the removed ones; other shards stay")
    func updateOnePage() throws {
        let sink = MemorySink()
        let index = try IncrementalSearchIndex(documents: Self.pages, into: sink)
        var files = sink.files
        #expect(try Self.engine(files).search("Genehmigung ").total == 40)

        let edited = Self.page("/seite-7/", "Seite 7", "Der Zauberwortantrag ersetzt die Baugenehmigung vollständig. Zauberwort!")
        let changed = try #require(index.update(edited))
        let folder = indexVersionFolder(files)
        let shardCount = files.keys.filter { $0.hasPrefix(folder + "t/") }.count
        #expect(shardCount > 0)
        #expect(changed.filter { $0.path.contains("/t/") }.count < shardCount || shardCount == 1)
        #expect(changed.filter { $0.path.hasPrefix(folder + "r/") }.map(\.path).sorted()
                == [folder + "r/0.bin", folder + "r/index.bin"], "the page's record pack and the table")
        for file in changed { files[file.path] = file.contents }

        let engine = try Self.engine(files)
        #expect(try engine.search("Zauberwort ").results.map(\.url) == ["/seite-7/"])
        #expect(try engine.search("Verfahren ").total == 39, "the edited page lost the word")
        #expect(try engine.search("Baugenehmigung ").results.first?.url == "/seite-7/")

        // The same documents built from scratch find the same pages.
        let full = MemorySink()
        try SearchIndexBuilder().build(Self.pages.map { $0.url == edited.url ? edited : $0 }, into: full)
        let fresh = try Self.engine(full.files)
        for query in ["Zauberwort ", "Verfahren ", "Posteingang ", "Genehmigung "] {
            #expect(Set(try engine.search(query, limit: 100).results.map(\.url)) == Set(try fresh.search(query, limit: 100).results.map(\.url)), "\(query)")
        }
    }

    @Test("a page that is not in the index asks for a full rebuild")
    func unknownPage() throws {
        let index = try IncrementalSearchIndex(documents: Self.pages, into: MemorySink())
        #expect(index.update(Self.page("/neu/", "Neu", "Neuer Text")) == nil)
    }
}
