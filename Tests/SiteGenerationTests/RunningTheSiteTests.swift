import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Defects found by staff running a real site (issue "Running the site", item 9) and the edit link (item 8).
@Suite("Running the site")
struct RunningTheSiteTests {
    func build(_ files: [String: String]) throws -> BuiltSite {
        let site = try InlineSite(["content/kommunen/marburg.md": Fixtures.municipality].merging(files) { _, new in new })
        defer { site.remove() }
        return try site.build()
    }

    @Test("system junk in content/ is not published and is named once")
    func systemJunk() throws {
        let built = try build([
            "content/blaupausen/Thumbs.db": "x", "content/.DS_Store": "x", "content/~$antrag.docx": "x",
            "content/seite.md~": "x", "content/.~lock.tabelle.ods#": "x", "content/desktop.ini": "x",
            "content/anhang.pdf": "%PDF", "content/seite.md": "# Seite\n\nText.\n",
        ])
        #expect(built.files["anhang.pdf"] != nil)
        for junk in ["blaupausen/Thumbs.db", ".DS_Store", "~$antrag.docx", "seite.md~", ".~lock.tabelle.ods#", "desktop.ini"] {
            #expect(built.files[junk] == nil, "\(junk) must not be published")
        }
        let notes = built.warnings.filter { $0.message.contains("Systemdateien") }
        #expect(notes.count == 1, "\(built.warnings)")
        #expect(notes.first?.message.contains("und 5 weitere") == true, "\(notes)")
    }

    @Test("a list written without brackets warns with the list form")
    func commaList() throws {
        let built = try build(["content/blaupausen/post.md": Fixtures.blueprint().replacingOccurrences(
            of: "themes: [Digitale Verwaltung]", with: "themes: Digitale Verwaltung, Open Data")])
        let warning = try #require(built.warnings.first { $0.message.contains("`themes: Digitale Verwaltung, Open Data`") })
        #expect(warning.hint?.contains("`themes: [Digitale Verwaltung, Open Data]`") == true)
        #expect(warning.location.line == 5)
        // A quoted text with a comma is one entry on purpose.
        let quoted = try build(["content/blaupausen/post.md": Fixtures.blueprint(extra: "legal_basis: \"DSGVO Art. 6, Abs. 1\"")])
        #expect(!quoted.warnings.contains { $0.message.contains("keine Liste") })
    }

    @Test("the last module links back to its course")
    func lastModule() throws {
        let course = "---\ntitle: Kurs\nsummary: Ein Kurs.\naudience: Alle\nlearning_outcomes: [Etwas]\nworkload: 2 Stunden\nlicense: CC-BY-4.0\n---\nText.\n"
        func module(_ order: Int) -> String { "---\ntitle: Modul \(order)\norder: \(order)\nduration: 1 Stunde\nlearning_objectives: [Etwas]\n---\nText.\n" }
        let built = try build(["content/qualifizierung/kurs/index.md": course, "content/qualifizierung/kurs/01-a.md": module(1),
                               "content/qualifizierung/kurs/02-b.md": module(2)])
        let last = try #require(built.text("qualifizierung/kurs/02-b/index.html"))
        #expect(last.contains("<a class=\"pager-next\" href=\"/qualifizierung/kurs/\">Zurück zum Kurs: Kurs</a>"))
        let first = try #require(built.text("qualifizierung/kurs/01-a/index.html"))
        #expect(!first.contains("Zurück zum Kurs") && first.contains("Nächstes Modul: Modul 2"))
    }

    @Test("the footer links only legal pages that exist, and a human site index")
    func footer() throws {
        let without = try build(["content/seite.md": "# Seite\n\nText.\n"])
        let home = try #require(without.text("index.html"))
        #expect(!home.contains("/impressum/") && !home.contains("/datenschutz/") && !home.contains("/barrierefreiheit/"))
        #expect(home.contains("href=\"/seitenuebersicht/\">Seitenübersicht</a>") && !home.contains(">Sitemap</a>"))
        let index = try #require(without.text("seitenuebersicht/index.html"))
        #expect(index.contains("href=\"/seite/\">Seite</a>") && index.contains("href=\"/kommunen/marburg/\">Marburg</a>"))
        #expect(!home.contains("Wissensbasis – <"), "a site without publisher has no dangling dash")
        #expect(without.text("projekte/index.html")?.contains("facet-nav") == false, "only blueprint lists have filters")
        let with = try build(["content/impressum.md": "# Impressum\n\nAngaben.\n"])
        let page = try #require(with.text("index.html"))
        #expect(page.contains("href=\"/impressum/\">Impressum</a>") && !page.contains("/datenschutz/"))
    }

    @Test("edit_url gives content pages an edit link; a template without {path} is an error")
    func editLink() throws {
        let built = try build([
            "site.yml": "title: VCC\nedit_url: https://gitlab.example.org/vcc/-/edit/main/content/{path}\n",
            "content/über uns.md": "# Über uns\n\nText.\n",
        ])
        let page = try #require(built.text("ueber-uns/index.html"))
        #expect(page.contains("<a href=\"https://gitlab.example.org/vcc/-/edit/main/content/%C3%BCber%20uns.md\">Diese Seite bearbeiten</a>"))
        #expect(built.text("blaupausen/index.html")?.contains("Diese Seite bearbeiten") == false, "generated pages have no source to edit")
        let wrong = try build(["site.yml": "title: VCC\nedit_url: https://gitlab.example.org/vcc/edit\n"])
        #expect(wrong.errors.contains { $0.location.file == "site.yml" && $0.message.contains("{path}") })
        let hostile = try build(["site.yml": "title: VCC\nedit_url: \"javascript:alert(1)//{path}\"\n"])
        #expect(hostile.errors.contains { $0.location.file == "site.yml" && $0.message.contains("edit_url") })
    }

    @Test("the table of contents nests sub-sections inside their section instead of numbering them as sections")
    func nestedTableOfContents() throws {
        let built = try build(["content/seite.md": "# Seite\n\n## Eins\n\n### Eins a\n\n### Eins b\n\n## Zwei\n\nText.\n"])
        let page = try #require(built.text("seite/index.html"))
        #expect(page.contains("<ol><li class=\"toc-level-2\"><a href=\"#eins\">Eins</a><ol class=\"toc-sub\"><li class=\"toc-level-3\"><a href=\"#eins-a\">Eins a</a></li>"
            + "<li class=\"toc-level-3\"><a href=\"#eins-b\">Eins b</a></li></ol></li><li class=\"toc-level-2\"><a href=\"#zwei\">Zwei</a></li></ol>"), "\(page)")
    }
}
