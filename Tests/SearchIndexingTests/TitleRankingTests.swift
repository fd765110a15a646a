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
        let site = try InlineSite([
            "content/hundeverordnung.md": "---\ntitle: Tierschutz-Hundeverordnung\n---\n\(body)\n",
            "content/zwingerregeln.md": "---\ntitle: Regeln für Zwinger\n---\n\(body)\n",
            "content/tierschutzgesetz.md": "---\ntitle: Tierschutzgesetz\n---\nDas Gesetz schützt Tiere. Hunde werden nicht erwähnt.\n",
        ])
        defer { site.remove() }
        let built = try site.build()
        let reader = try SearchIndexReader { path in built.files[SearchIndexBuilder.folder + path] }
        let engine = SearchEngine(index: reader)
        // "Tierschutz" is the first part of the title compound "Tierschutzgesetz", and a whole word
        // forty times in the text of the other two.
        let results = engine.search("Tierschutz ", limit: 3).results.map(\.url)
        #expect(results.prefix(2).contains("/tierschutzgesetz/"), "\(results)")
        #expect(results.first != "/zwingerregeln/", "\(results)")
        // Both words in one title beat both words in the text.
        #expect(engine.search("Hunde Zwinger ", limit: 3).results.first?.url == "/zwingerregeln/" ||
                engine.search("Hunde Zwinger ", limit: 3).results.first?.url == "/hundeverordnung/")
        #expect(engine.search("Zwinger Regeln ", limit: 3).results.first?.url == "/zwingerregeln/")
    }

    @Test("a document whose keywords hold every query word (a law's abbreviation) comes before pages that cite it")
    func keywordsFirst() throws {
        let citing = String(repeating: "Nach § 3 EStG und § 9 EStG gilt die Regel. ", count: 3)
        let site = try InlineSite([
            "content/estg.md": "---\ntitle: Einkommensteuergesetz\nkeywords: [EStG]\n---\nDas Gesetz regelt die Steuer auf Einkommen.\n",
            "content/richtlinie.md": "---\ntitle: Richtlinie zur Anwendung\n---\n\(citing)\n",
            "content/verordnung.md": "---\ntitle: Verordnung zur Durchführung\n---\n\(citing)\n",
        ])
        defer { site.remove() }
        let built = try site.build()
        let engine = SearchEngine(index: try SearchIndexReader { path in built.files[SearchIndexBuilder.folder + path] })
        #expect(engine.search("EStG ", limit: 3).results.first?.url == "/estg/", "\(engine.search("EStG ", limit: 3).results.map(\.url))")
    }

    /// The site of ``phraseFirst()``, also built by the browser engine's test (engine.test.mjs).
    static let phraseSite = [
        "content/gesetz.md": "---\ntitle: Gesetz über die Alterssicherung der Landwirte\n---\nDie Kasse zahlt Renten.\n",
        "content/wandel.md": "---\ntitle: Landwirte und die Alterssicherung im Wandel\n---\n"
            + String(repeating: "Die Alterssicherung der Landwirte ändert sich. ", count: 4) + "\n",
    ]

    @Test("a title with the query's words one after the other comes before one with them apart")
    func phraseFirst() throws {
        let site = try InlineSite(Self.phraseSite)
        defer { site.remove() }
        let built = try site.build()
        let engine = SearchEngine(index: try SearchIndexReader { path in built.files[SearchIndexBuilder.folder + path] })
        // Both titles hold both words; the second uses them more often in its text.
        #expect(engine.search("Alterssicherung Landwirte", limit: 2).results.map(\.url) == ["/gesetz/", "/wandel/"])
        // In the other order neither title is a phrase, and the text decides.
        #expect(engine.search("Landwirte Alterssicherung", limit: 2).results.map(\.url) == ["/wandel/", "/gesetz/"])
    }

    /// The compound must be a word of the site and its parts words of it standing alone (twice),
    /// as on a real site.
    @Test("a title that spells a compound apart answers the compound")
    func spelledApartCompound() throws {
        let site = try InlineSite([
            "content/amg.md": "---\ntitle: Gesetz über den Verkehr mit Arzneimitteln\n---\nArzneimittel müssen zugelassen sein. Jedes Arzneimittel hat ein Gesetz.\n",
            "content/verordnung.md": "---\ntitle: Verordnung über Ausnahmen\n---\n"
                + String(repeating: "Nach dem Arzneimittelgesetz gilt eine Ausnahme. ", count: 3) + "\n",
        ])
        defer { site.remove() }
        let built = try site.build()
        let engine = SearchEngine(index: try SearchIndexReader { path in built.files[SearchIndexBuilder.folder + path] })
        #expect(engine.search("Arzneimittelgesetz", limit: 2).results.first?.url == "/amg/")
    }

    @Test("among titles that name the query, a page many times the average length comes first")
    func longMainDocumentFirst() throws {
        let paragraph = "Die Behörde prüft den Antrag und erlässt einen Bescheid über die Leistung. "
        var pages = [
            "content/hauptgesetz.md": "---\ntitle: Gesetz über die Kindergeldkasse\n---\n" + String(repeating: paragraph, count: 400) + "\n",
            "content/verordnung.md": "---\ntitle: Verordnung zur Kindergeldkasse\n---\nDie Kindergeldkasse meldet. Die Kindergeldkasse zahlt.\n",
        ]
        for n in 0..<6 { pages["content/seite-\(n).md"] = "---\ntitle: Seite \(n)\n---\n" + String(repeating: paragraph, count: 3) + "\n" }
        let site = try InlineSite(pages)
        defer { site.remove() }
        let built = try site.build()
        let engine = SearchEngine(index: try SearchIndexReader { path in built.files[SearchIndexBuilder.folder + path] })
        #expect(engine.search("Kindergeldkasse", limit: 2).results.first?.url == "/hauptgesetz/")
    }

    /// The site of ``nearFirst()``, also built by the browser engine's test (engine.test.mjs): the
    /// same words in both pages, once together and once three hundred characters apart.
    static let nearSite: [String: String] = {
        let filler = String(repeating: "Die Unterlagen liegen im Amt bereit und werden sorgfältig geprüft, bevor die Sachbearbeitung weitere Schritte einleitet. ", count: 3)
        return [
            "content/a-weit.md": "---\ntitle: Merkblatt eins\n---\nAntrag \(filler) Bescheid\n",
            "content/b-nah.md": "---\ntitle: Merkblatt zwei\n---\nAntrag Bescheid \(filler)\n",
        ]
    }()

    @Test("a page with the query's words in one passage comes before one with them far apart")
    func nearFirst() throws {
        let site = try InlineSite(Self.nearSite)
        defer { site.remove() }
        let built = try site.build()
        let engine = SearchEngine(index: try SearchIndexReader { path in built.files[SearchIndexBuilder.folder + path] })
        // Same words, same counts, same lengths: only where the words stand differs.
        #expect(engine.search("Antrag Bescheid", limit: 2).results.map(\.url) == ["/b-nah/", "/a-weit/"])
    }
}
