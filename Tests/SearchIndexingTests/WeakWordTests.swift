@testable import SearchIndexing
import Testing

/// Weak query words (``SearchTuning/weakUnitPercent``) and the words a result lacks, on the sample site.
@Suite("Weak query words and missing words")
struct WeakWordTests {
    @Test("a word family on many pages (the site's name) lists no page that lacks the other word")
    func frequentFamilyCarriesNoMatchAlone() throws {
        let engine = try SampleSite.engine()
        // "digitalisieren" meets "Digitale Kommune" and "Stabsstelle Digitalisierung" on 22 of 47 pages.
        let alone = try engine.search("digitalisieren ")
        #expect(alone.total * 100 >= engine.index.documentCount * engine.index.manifest.weakDocumentPercent)
        let task = try engine.search("Post digitalisieren ")
        #expect(task.results.first?.url == "/blaupausen/posteingang-digitalisieren/")
        #expect(task.total > 0 && task.total < alone.total)
        #expect(task.results.allSatisfy { !$0.missing.contains(0) }, "\(task.results.map { ($0.url, $0.missing) })")
    }

    @Test("a query of weak words only is searched as before: none of them is weak then")
    func onlyWeakWords() throws {
        let engine = try SampleSite.engine()
        let response = try engine.search("finden ")
        #expect(response.total > 0 && response.complete == response.total)
        #expect(response.results.allSatisfy { $0.missing.isEmpty })
    }

    @Test("a page with every word names none missing; one without the weak word names it and stays complete")
    func missingWords() throws {
        let engine = try SampleSite.engine()
        let response = try engine.search("Medienbrüche finden")
        #expect(response.words == ["medienbruche", "finden"])
        let first = try #require(response.results.first)
        #expect(first.missing == [1])
        #expect(response.complete == response.total, "lacking only a weak word is no partial match")
        // No page is listed for the weak word alone while pages have the topic word.
        #expect(response.results.allSatisfy { $0.missing != [0] })
    }
}
