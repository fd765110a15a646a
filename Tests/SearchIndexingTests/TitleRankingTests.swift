import Foundation
import SearchIndexing
import Testing
import TestSupport

/// A query whose words all stand in a document's title (as words or parts of its compounds) ranks
/// that document above pages that only use the words, even often, in their text.
@Suite("Title ranking")
struct TitleRankingTests {
    @Test("the document whose title holds every query word comes first")
    func titleFirst() throws {
        let body = String(repeating: "Der Tierschutz und die Hunde im Zwinger werden geregelt. ", count: 3)
        let engine = try SearchEngine.built([
            "content/hundeverordnung.md": "---\ntitle: Tierschutz-Hundeverordnung\n---\n\(body)\n",
            "content/zwingerregeln.md": "---\ntitle: Regeln für Zwinger\n---\n\(body)\n",
            "content/tierschutzgesetz.md": "---\ntitle: Tierschutzgesetz\n---\nDas Gesetz schützt Tiere. Hunde werden nicht erwähnt.\n",
        ])
        // "Tierschutz" is the first part of the title compound "Tierschutzgesetz", and a whole word
        // forty times in the text of the other two.
        let results = try engine.search("Tierschutz ", limit: 3).results.map(\.url)
        #expect(results.prefix(2).contains("/tierschutzgesetz/"), "\(results)")
        #expect(results.first != "/zwingerregeln/", "\(results)")
        // Both words in one title beat both words in the text.
        let first = try engine.search("Hunde Zwinger ", limit: 3).results.first?.url
        #expect(first == "/zwingerregeln/" || first == "/hundeverordnung/")
        #expect(try engine.search("Zwinger Regeln ", limit: 3).results.first?.url == "/zwingerregeln/")
    }

    @Test("a document whose keywords hold every query word (a law's abbreviation) comes before pages that cite it")
    func keywordsFirst() throws {
        let citing = String(repeating: "Nach § 3 EStG und § 9 EStG gilt die Regel. ", count: 3)
        let engine = try SearchEngine.built([
            "content/estg.md": "---\ntitle: Einkommensteuergesetz\nkeywords: [EStG]\n---\nDas Gesetz regelt die Steuer auf Einkommen.\n",
            "content/richtlinie.md": "---\ntitle: Richtlinie zur Anwendung\n---\n\(citing)\n",
            "content/verordnung.md": "---\ntitle: Verordnung zur Durchführung\n---\n\(citing)\n",
        ])
        let estg = try engine.search("EStG ", limit: 3).results.map(\.url)
        #expect(estg.first == "/estg/", "\(estg)")
    }

    // Title phrases, words in one passage and spelled-apart compounds are cases of the shared
    // fixture table (Tests/Fixtures/search-queries.json, `sites`), run against both engines.

    @Test("among titles that name the query, a page many times the average length comes first")
    func longMainDocumentFirst() throws {
        let paragraph = "Die Behörde prüft den Antrag und erlässt einen Bescheid über die Leistung. "
        var pages = [
            "content/hauptgesetz.md": "---\ntitle: Gesetz über die Kindergeldkasse\n---\n" + String(repeating: paragraph, count: 400) + "\n",
            "content/verordnung.md": "---\ntitle: Verordnung zur Kindergeldkasse\n---\nDie Kindergeldkasse meldet. Die Kindergeldkasse zahlt.\n",
        ]
        for n in 0..<6 { pages["content/seite-\(n).md"] = "---\ntitle: Seite \(n)\n---\n" + String(repeating: paragraph, count: 3) + "\n" }
        let engine = try SearchEngine.built(pages)
        #expect(try engine.search("Kindergeldkasse", limit: 2).results.first?.url == "/hauptgesetz/")
    }
}

extension SearchEngine {
    /// The search engine of a small site built in memory from `files` (paths relative to the project).
    static func built(_ files: [String: String]) throws -> SearchEngine {
        let site = try InlineSite(files)
        defer { site.remove() }
        let built = try site.build()
        return SearchEngine(index: try SearchIndexReader { path in built.files[SearchIndexBuilder.folder + path] })
    }
}
