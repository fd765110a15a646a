import Foundation
@testable import SearchIndexing
import SiteModel
import Testing
import TestSupport

/// The shared query table `Tests/Fixtures/search-queries.json`, also run by `Client/engine.test.mjs`.
struct QueryFixture: Decodable {
    struct Query: Decodable {
        var query: String
        var kind: String
        var top: String
        var filters: [String: [String]]?
        /// A small site of ``sites`` instead of the sample site.
        var site: String?
        /// Text that one of the top result's passages must hold as written (excerpts without
        /// stray spaces before punctuation).
        var passage: String?
        /// The query words (folded) the top result lacks, as a search page names them ("Es fehlt: …").
        var missing: [String]?
    }
    var queries: [Query]
    /// Small sites for ranking cases the sample site has no pages for: files by path.
    var sites: [String: [String: String]]

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load() throws -> QueryFixture {
        try JSONDecoder().decode(QueryFixture.self, from: Data(contentsOf: repository.appendingPathComponent("Tests/Fixtures/search-queries.json")))
    }
}

/// The sample site of the repository, built once in memory, with its search engine.
enum SampleSite {
    static let built: BuiltSite = {
        let project = try! ContentLoaderForTests.load(QueryFixture.repository.path)
        return project
    }()

    static func engine() throws -> SearchEngine {
        let files = built.files
        let reader = try SearchIndexReader { path in files[SearchIndexBuilder.folder + path] }
        return SearchEngine(index: reader)
    }
}

@Suite("Search on the sample site")
struct SearchFixtureTests {
    @Test("every query of the shared fixture table ranks its expected page first")
    func fixtureTable() throws {
        let sample = try SampleSite.engine()
        let fixture = try QueryFixture.load()
        #expect(fixture.queries.count >= 15)
        let smallSites = try fixture.sites.mapValues(SearchEngine.built)
        for query in fixture.queries {
            let engine = try #require(query.site.map { smallSites[$0] } ?? sample, "site \(query.site ?? "")")
            let filters = (query.filters ?? [:]).mapValues(Set.init)
            let response = try engine.search(query.query, filters: filters, limit: 10)
            #expect(response.results.first?.url == query.top, "\(query.kind): \(query.query) -> \(response.results.map(\.url))")
            if let missing = query.missing {
                #expect(response.results.first.map { $0.missing.map { response.words[$0] } } == missing, "\(query.kind): \(query.query)")
            }
            if let passage = query.passage, let first = response.results.first {
                let record = try engine.index.record(first.document)
                #expect(record.block.contains { $0.text.contains(passage) }, "\(query.kind): \(query.query) -> \(record.block.map(\.text))")
            }
        }
    }

    @Test("facet counts stay right when values of two groups are selected")
    func facetCounts() throws {
        let engine = try SampleSite.engine()
        let all = try engine.search("Daten")
        let blueprints = all.facets.first { $0.group == "type" && $0.value == "Blaupause" }!.count
        let filtered = try engine.search("Daten", filters: ["type": ["Blaupause"], "city": ["Offenbach am Main"]])
        #expect(filtered.total > 0 && filtered.total < blueprints)
        // Within the type group, counts ignore the type selection but respect the city selection.
        let typeCount = filtered.facets.first { $0.group == "type" && $0.value == "Blaupause" }!.count
        #expect(typeCount == filtered.total)
        // Within the city group, counts ignore the city selection but respect the type selection.
        let offenbach = filtered.facets.first { $0.group == "city" && $0.value == "Offenbach am Main" }!.count
        #expect(offenbach == filtered.total)
        let marburg = filtered.facets.first { $0.group == "city" && $0.value == "Marburg" }?.count ?? 0
        let marburgOnly = try engine.search("Daten", filters: ["type": ["Blaupause"], "city": ["Marburg"]])
        #expect(marburg == marburgOnly.total)
    }

    @Test("several words must all match; when none has all, partial matches rank lower")
    func andWithFallback() throws {
        let engine = try SampleSite.engine()
        let both = try engine.search("Posteingang Scanner")
        #expect(both.results.first?.url == "/blaupausen/posteingang-digitalisieren/")
        #expect(try both.total < engine.search("Posteingang").total + engine.search("Scanner").total)
        let partial = try engine.search("Posteingang Quantencomputer")
        #expect(partial.results.first?.url == "/blaupausen/posteingang-digitalisieren/")
        #expect(partial.results.first!.score < both.results.first!.score)
    }

    @Test("a whole-word match ranks above a match inside a compound")
    func wholeAboveParts() throws {
        let site = try InlineSite([
            "content/a.md": "---\ntitle: Seite A\n---\nDas Kompetenzzentrum ist heute offen.\n",
            "content/b.md": "---\ntitle: Seite B\n---\nDas Zentrum ist heute offen.\n",
        ])
        defer { site.remove() }
        let files = try site.build().files
        let engine = SearchEngine(index: try SearchIndexReader { files[SearchIndexBuilder.folder + $0] })
        #expect(try engine.search("Zentrum ").results.map(\.url) == ["/b/", "/a/"])
        #expect(try engine.search("Kompetenzzentrum ").results.map(\.url) == ["/a/"])
    }

    @Test("stopwords alone find nothing, and an empty query finds nothing")
    func emptyQueries() throws {
        let engine = try SampleSite.engine()
        #expect(try engine.search("und der die").total == 0)
        #expect(try engine.search("   ").total == 0)
    }

    @Test("the index is split into shards, records and a manifest that names them")
    func indexFiles() throws {
        let files = SampleSite.built.files.keys.filter { $0.hasPrefix(SearchIndexBuilder.folder) }
        let folder = indexVersionFolder(SampleSite.built.files)
        #expect(files.contains(SearchIndexBuilder.folder + "current.json"))
        #expect(files.contains(folder + IndexManifest.file))
        #expect(files.contains(folder + "facets.json"))
        #expect(files.contains { $0.hasPrefix(folder + "t/") && $0.hasSuffix(".bin") })
        #expect(files.contains(folder + "r/index.bin"))
        #expect(files.contains(folder + "r/0.bin"), "records are packed")
        let reader = try SearchIndexReader { SampleSite.built.files[SearchIndexBuilder.folder + $0] }
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(IndexManifest.json(ofFile: SampleSite.built.files[folder + IndexManifest.file]!)!)) as? [String: Any])
        let documents = try #require(manifest["documents"] as? Int)
        #expect(documents >= 35, "one record per page of content")
        #expect((0..<documents).allSatisfy { (try? reader.record($0)) != nil }, "every record is readable")
        #expect(SampleSite.built.files.keys.contains { $0.hasPrefix("assets/") && $0.hasSuffix("/search/engine.js") })
    }
}

/// Loads and builds a project folder in memory.
enum ContentLoaderForTests {
    static func load(_ root: String) throws -> BuiltSite {
        let site = try InlineSite.existing(root)
        return try site.build()
    }
}
