import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Issue 18, item 7: what arrives spelled out (YAML escapes, character references) or looks
/// harmless (quotes in `base_url`, `Umwelt` beside `umwelt`, year 0000) is an error at its place.
@Suite("Spelled-out input")
struct SpelledOutInputTests {
    func build(_ files: [String: String]) throws -> BuiltSite {
        let site = try InlineSite(["content/kommunen/marburg.md": Fixtures.municipality].merging(files) { _, new in new })
        defer { site.remove() }
        return try site.build()
    }

    func error(_ site: BuiltSite, containing text: String) -> Diagnostic? {
        site.errors.first { $0.message.contains(text) }
    }

    @Test("control characters written as YAML escapes are errors at the value, in pages and in site.yml")
    func yamlEscapes() throws {
        for (escape, code) in [("\\e[31m", "U+001B"), ("\\u0001", "U+0001"), ("\\x7f", "U+007F"), ("\\u009b", "U+009B")] {
            let site = try build([
                "content/blaupausen/post.md": Fixtures.blueprint(title: "\"Posteingang \(escape)\""),
                "site.yml": "title: \"Wissen \(escape)\"\n",
            ])
            let page = try #require(site.errors.first { $0.location.file == "content/blaupausen/post.md" }, "\(escape)")
            #expect(page.location.line == 2 && page.location.column == 8 && page.message.contains(code))
            let config = try #require(site.errors.first { $0.location.file == "site.yml" }, "\(escape)")
            #expect(config.location.line == 1 && config.message.contains(code))
        }
    }

    @Test("character references to controls in Markdown are errors at their column; other references stay")
    func characterReferences() throws {
        let site = try build(["content/seite.md": "---\ntitle: Seite\n---\nText &#27;[2J und &#X1B; &#0; &#155;.\n"])
        let columns = site.errors.filter { $0.location.file == "content/seite.md" && $0.location.line == 4 }.map(\.location.column)
        #expect(columns == [6, 19, 26, 31], "\(site.errors)")
        let fine = try build(["content/seite.md": "---\ntitle: Seite\n---\n&#65; &#x2013; &amp; &#10;\n"])
        #expect(fine.errors.isEmpty, "\(fine.errors)")
    }

    @Test("a base_url with quotes or angle brackets is an error, not invalid JSON in the catalogue schema")
    func baseURLCharacters() throws {
        for url in ["https://x.example/\\\"a", "https://x.example/<b>", "https://x.example/a`b"] {
            let site = try build(["site.yml": "base_url: \"\(url)\"\n"])
            #expect(error(site, containing: "darf") != nil, "\(url): \(site.errors)")
        }
    }

    @Test("data_themes keys that differ only in case, and dates in year 0000, are errors")
    func themesAndYearZero() throws {
        let themes = try build(["site.yml": "data_themes: {Umwelt: ENVI, UMWELT: TRAN}\n"])
        let duplicate = try #require(error(themes, containing: "dasselbe Thema"))
        #expect(duplicate.location.line == 1)
        let year = try build(["content/blaupausen/post.md": Fixtures.blueprint().replacingOccurrences(of: "2024-05-01", with: "0000-05-01")])
        #expect(error(year, containing: "kein gültiges Datum") != nil, "\(year.errors)")
    }
}
