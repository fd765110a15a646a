@testable import SearchIndexing
import SiteModel
import Testing
import TextAnalysis

/// Issue 25: word families, partial matches after complete ones, and the thesaurus by stem.
@Suite("Task queries: word families, partial matches, thesaurus")
struct TaskQueryTests {
    /// The Snowball stem of `word` as a query word (folded, stopwords kept).
    private func stem(_ word: String) -> String {
        QueryAnalysis.words(of: word + " ", stopwords: [], stemmer: GermanStemmer()).first!.stem
    }

    private func related(_ a: String, _ b: String) -> Bool {
        let word = QueryAnalysis.words(of: a + " ", stopwords: [], stemmer: GermanStemmer()).first!.folded
        return WordFamilyRules.builtIn.relatedStems(of: stem(a), word: word).contains(stem(b))
    }

    @Test("the rules relate verb, action noun, participle and adjective, and the verb with be- to its noun")
    func families() {
        let families: [(String, String)] = [
            ("digitalisieren", "digital"), ("Digitalisierung", "digital"), ("digital", "digitalisiert"),
            ("digitalisieren", "Digitalisierung"), ("genehmigt", "Genehmigung"), ("Genehmigung", "genehmigt"),
            ("beantragen", "Antrag"), ("Beantragung", "Antrag"), ("bezahlen", "Zahlung"), ("Zahlung", "bezahlen"),
            ("Zahlung", "zahlen"), ("Buchung", "buchen"), ("Prüfung", "prüfen"), ("Veröffentlichung", "veröffentlichen"),
            ("automatisieren", "automatisch"), ("Qualifizierung", "qualifizieren"), ("visualisieren", "Visualisierung"),
            ("Schulung", "schulen"), ("Planung", "planen"), ("Dokumentation", "dokumentieren"),
            ("informieren", "Information"), ("Integration", "integrieren"), ("Registrierung", "Registration"),
        ]
        for (a, b) in families {
            // Pairs that Snowball already gives one stem need no rule.
            #expect(stem(a) == stem(b) || related(a, b), "\(a) -> \(b)")
        }
    }

    @Test("the exceptions keep words apart whose shorter form names something else")
    func exceptions() {
        let apart: [(String, String)] = [
            ("Zeitung", "Zeit"), ("Zeit", "Zeitung"), ("Satzung", "Satz"), ("Sitzung", "Sitz"), ("Bildung", "Bild"),
            ("Bereich", "Reich"), ("Reich", "Bereich"), ("Betrieb", "Trieb"), ("Beruf", "Ruf"), ("Bezug", "Zug"),
            ("Betriebsrat", "Triebsrat"), ("Bestand", "Stand"), ("Operation", "Oper"), ("Oper", "operieren"),
            ("organisieren", "Organ"), ("Organ", "organisiert"), ("Papier", "Pap"), ("Stiftung", "Stift"),
        ]
        for (a, b) in apart { #expect(!related(a, b), "\(a) -/-> \(b)") }
    }

    @Test("related stems are sorted, exclude the stem itself and are the same for every member's root")
    func relatedStemsShape() {
        let rules = WordFamilyRules.builtIn
        let forms = rules.relatedStems(of: "digitalisi", word: "digitalisieren")
        #expect(forms == forms.sorted { $0.precedesInUTF8($1) })
        #expect(!forms.contains("digitalisi") && forms.contains("digital") && forms.contains("digitalisier"))
        #expect(rules.root(of: "digitalisier") == rules.root(of: "digitalisi"))
        #expect(rules.relatedStems(of: "zeitung", word: "zeitung").isEmpty, "an exception has no family")
        #expect(!rules.relatedStems(of: "betriebsrat", word: "betriebsrat").contains("triebsrat"), "no prefix relation for a noun")
    }

    @Test("a family match ranks below the typed form, and the manifest carries the rules")
    func familyBelowExact() throws {
        let engine = try SearchEngine.built([
            "content/verb.md": "---\ntitle: Seite A\n---\nWir digitalisieren alles.\n",
            "content/adjektiv.md": "---\ntitle: Seite B\n---\nAlles wird digital.\n",
        ])
        #expect(engine.index.manifest.wordFamilies == WordFamilyRules.builtIn)
        let results = try engine.search("digital ").results
        #expect(results.map(\.url) == ["/adjektiv/", "/verb/"])
        #expect(results[0].score > results[1].score)
    }

    @Test("with few complete matches, partial ones follow: more and rarer units first")
    func partialAfterComplete() throws {
        let engine = try SearchEngine.built([
            "content/drei.md": "---\ntitle: Seite drei\n---\nWiderspruch, Frist, Bescheid und Klage an einem Ort.\n",
            "content/selten.md": "---\ntitle: Seite eins\n---\nGegen die Entscheidung ist Widerspruch möglich, die Frist beträgt einen Monat.\n",
            "content/haeufig.md": "---\ntitle: Seite zwei\n---\nDer Bescheid kommt. Der Bescheid gilt. Der Bescheid wird zugestellt.\n",
            "content/b1.md": "---\ntitle: Seite fünf\n---\nEin Bescheid.\n",
        ])
        let response = try engine.search("Widerspruch Frist Bescheid Klage ")
        // The complete match first, then the page with half the units; pages with one unit of four
        // (the common "Bescheid") are no partial match (`partialMatchMinimumPercent`).
        #expect(response.complete == 1 && response.total == 2)
        #expect(response.results.map(\.url) == ["/drei/", "/selten/"])
        // Of two units, one is enough: the rare one ranks before the common one repeated.
        #expect(try engine.search("Widerspruch Bescheid Quantencomputer Frist ").results.map(\.url).prefix(2) == ["/drei/", "/selten/"])
        // No page has half of these units: the pages with the most of them (one) are still shown.
        let few = try engine.search("Widerspruch Quantencomputer Raumschiff ")
        #expect(few.complete == 0 && Set(few.results.map(\.url)) == ["/drei/", "/selten/"])
        let rare = try engine.search("Frist Bescheid ")
        #expect(rare.complete == 1 && rare.results.map(\.url).prefix(2) == ["/drei/", "/selten/"])
        let none = try engine.search("Widerspruch Frist Quantencomputer ")
        #expect(none.complete == 0 && Set(none.results.prefix(2).map(\.url)) == ["/drei/", "/selten/"])
    }

    @Test("the Art facet holds each page's kind by its German name, for any kind; the kind is a title word")
    func kindFacetAndAlias() throws {
        let engine = try SampleSite.engine()
        let kinds = Set(ContentKind.allCases.map(\.germanName))
        let facet = try #require(engine.index.facetGroups.first { $0.key == "type" })
        #expect(facet.label == "Art" && !facet.values.isEmpty)
        #expect(facet.values.allSatisfy { kinds.contains($0.value) }, "\(facet.values.map(\.value))")
        // "Fortbildung" means the course: the thesaurus meets its kind "Kurs", which is a title alias.
        #expect(try engine.search("Fortbildung ").results.first?.url == "/qualifizierung/digitale-verwaltung-grundlagen/")
    }

    @Test("a thesaurus group meets inflected query words (by stem), and the typed word scores first")
    func thesaurusByStem() {
        let stemmer = GermanStemmer()
        let groups = SynonymGroups.merged(SearchSynonyms.builtIn.map { group in
            group.map { QueryAnalysis.words(of: $0 + " ", stopwords: [], stemmer: stemmer) }
        })
        let units = QueryAnalysis.units(of: QueryAnalysis.words(of: "Schulungen ", stopwords: [], stemmer: stemmer), synonyms: groups)
        let alternatives = Set(units[0].alternatives.map { $0.map(\.folded).joined(separator: " ") })
        #expect(alternatives.isSuperset(of: ["fortbildung", "kurs", "qualifizierung", "weiterbildung"]))
        #expect(SearchTuning.synonymPercent < 100)
    }
}
