import Foundation
import Glibc
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Inputs that once crashed, hung or slipped through: each must now be an error at file:line.
@Suite("Hostile input")
struct HostileInputTests {
    let base: [String: String] = [
        "content/kommunen/marburg.md": Fixtures.municipality,
        "content/blaupausen/post.md": Fixtures.blueprint(),
    ]

    func build(_ extra: [String: String]) throws -> BuiltSite {
        let site = try InlineSite(base.merging(extra) { _, new in new })
        defer { site.remove() }
        return try site.build()
    }

    func messages(_ site: BuiltSite) -> String { site.errors.map(\.description).joined(separator: "\n") }

    @Test("a partial that includes itself is an error naming the chain, not a crash")
    func selfIncludingPartial() throws {
        let site = try build(["templates/partials/tags.mustache": "x {{> partials/tags}}"])
        let error = try #require(site.errors.first { $0.message.contains("im Kreis") })
        #expect(error.location.file == "templates/partials/tags.mustache" && error.location.line == 1)
        #expect(error.message.contains("partials/tags → partials/tags"))
    }

    @Test("a base layout that inherits from itself, and partials that include each other, are errors")
    func inheritanceCycles() throws {
        let site = try build([
            "templates/base.mustache": "{{<base}}{{$main}}x{{/main}}{{/base}}",
            "templates/partials/a.mustache": "{{> partials/b}}",
            "templates/partials/b.mustache": "\n{{> partials/a}}",
        ])
        let text = messages(site)
        #expect(text.contains("base → base"), "\(text)")
        #expect(text.contains("partials/a → partials/b → partials/a"), "\(text)")
        #expect(text.contains("templates/partials/b.mustache:2:1"), "\(text)")
    }

    @Test("a partial that inherits from base inside a page that inherits from base is an error, not endless work")
    func partialInheritingBase() throws {
        let site = try build(["templates/partials/tags.mustache": "{{<base}}{{/base}}"])
        #expect(messages(site).contains("layouts/blueprint → partials/tags → base"), "\(messages(site))")
    }

    @Test("{{.}} outside a section is an error, and an object printed inside one renders the same in every run")
    func wholeContextTag() throws {
        let top = try build(["templates/layouts/page.mustache": "{{<base}}{{$main}}\n  {{.}}{{/main}}{{/base}}",
                             "content/seite.md": "# Seite\n"])
        let error = try #require(top.errors.first { $0.message.contains("{{.}}") })
        #expect(error.location == SourceLocation(file: "templates/layouts/page.mustache", line: 2, column: 3))
        let inner = ["templates/layouts/page.mustache": "{{<base}}{{$main}}[{{#page}}{{.}}{{/page}}]{{/main}}{{/base}}",
                     "content/seite.md": "# Seite\n"]
        let first = try build(inner), second = try build(inner)
        #expect(first.errors.isEmpty, "\(messages(first))")
        #expect(first.text("seite/index.html") == second.text("seite/index.html"))
        #expect(first.text("seite/index.html")?.contains("[]") == true)
    }

    /// A blueprint whose themes are `prefix 0` … `prefix count-1`.
    func blueprint(_ title: String, themes count: Int, prefix: String) -> String {
        let themes = (0..<count).map { "\(prefix) \($0)" }.joined(separator: ", ")
        return Fixtures.blueprint(title: title).replacingOccurrences(of: "themes: [Digitale Verwaltung]", with: "themes: [\(themes)]")
    }

    @Test("a blueprint with 10,000 themes is an error at its line and takes seconds, not minutes")
    func tenThousandThemes() throws {
        let started = Date()
        let site = try build(["content/blaupausen/post.md": blueprint("Viele Themen", themes: 10_000, prefix: "Thema")])
        #expect(Date().timeIntervalSince(started) < 20)
        let error = try #require(site.errors.first { $0.message.contains("10000 Einträge") })
        #expect(error.location.file == "content/blaupausen/post.md" && error.location.line == 5)
    }

    @Test("with a thousand themes every filter page shows at most 30 of them and links the overview")
    func manyThemesStayLinear() throws {
        var files: [String: String] = [:]
        for number in 0..<10 { files["content/blaupausen/b\(number).md"] = blueprint("Blaupause \(number)", themes: 100, prefix: "T\(number)") }
        let started = Date()
        let site = try build(files)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(site.errors.isEmpty, "\(messages(site))")
        let page = try #require(site.text("themen/t3-7/index.html"))
        let shown = page.components(separatedBy: "data-facet-key=\"thema:").count - 1
        #expect(shown == 31, "30 largest and the page's own theme, not all 1,000: \(shown)")
        #expect(page.contains("Alle 1001 anzeigen") || page.contains("Alle 1000 anzeigen"))
        #expect(page.contains("aria-current=\"page\">T3 7</a>"))
    }

    @Test("a table with thousands of columns is an error at its delimiter row and takes no time")
    func wideTable() throws {
        let header = "|" + String(repeating: "a|", count: 2_000)
        let delimiter = "|" + String(repeating: "-|", count: 2_000)
        let rows = String(repeating: "x\n", count: 2_000)
        let started = Date()
        let site = try build(["content/seite.md": "---\ntitle: Tabelle\n---\nText\n\n\(header)\n\(delimiter)\n\(rows)"])
        #expect(Date().timeIntervalSince(started) < 5)
        let error = try #require(site.errors.first { $0.message.contains("Tabelle ist zu groß") })
        #expect(error.location.file == "content/seite.md" && error.location.line == 7)
        // A normal table still renders.
        let normal = try build(["content/seite.md": "---\ntitle: T\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n"])
        #expect(normal.text("seite/index.html")?.contains("<table>") == true)
    }

    @Test("content that collides with a generated file or with another source is an error naming both")
    func collisions() throws {
        // HTML from content only with the opt-in; XML never (it could carry XHTML script), so
        // `sitemap.xml` and `feed.xml` are left out with a warning instead of colliding.
        let site = try build([
            "site.yml": "publish_html_files: true\n",
            "content/sitemap.xml": "x", "content/404.html": "x", "content/feed.xml": "x",
            "content/a.md": "# A\n", "content/a/index.html": "<p>x</p>",
            "content/suche/index/manifest.json": "{}",
        ])
        let text = messages(site)
        for expected in ["content/404.html:1:1", "content/a/index.html:1:1", "content/suche/index/manifest.json:1:1", "content/a.md"] {
            #expect(text.contains(expected), "\(expected) missing in \(text)")
        }
        for leftOut in ["content/sitemap.xml", "content/feed.xml"] {
            #expect(site.warnings.contains { $0.location.file == leftOut && $0.message.contains("nicht veröffentlicht") })
            #expect(site.text(String(leftOut.dropFirst("content/".count))) != "x")
        }
    }

    @Test("a file name that is not UTF-8 is an error at that file")
    func invalidFileName() throws {
        let site = try InlineSite(base)
        defer { site.remove() }
        // Bytes FF FE are no UTF-8; the name can only be written through the C API.
        let path = Array((site.root + "/content/").utf8) + [0xFF, 0xFE] + Array(".md".utf8) + [0]
        let descriptor = path.withUnsafeBytes { open($0.baseAddress!.assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let built = try site.build()
        let error = try #require(built.errors.first { $0.message.contains("UTF-8") })
        #expect(error.location.line == 1)
    }

    @Test("a duplicate key and control characters are reported at their own line and column")
    func duplicateKeysAndControls() throws {
        let duplicate = Fixtures.blueprint().replacingOccurrences(of: "license: CC-BY-4.0", with: "license: CC-BY-4.0\nmaturity: idee")
        let site = try build([
            "content/blaupausen/post.md": duplicate,
            "content/seite.md": "---\ntitle: A\u{1B}[31m\n---\nText \u{7} und \u{85}.\n",
        ])
        let text = messages(site)
        #expect(text.contains("content/blaupausen/post.md:8:1: error: Das Feld `maturity` steht zweimal"), "\(text)")
        #expect(text.contains("content/seite.md:2:9: error: Unsichtbares Steuerzeichen U+001B"), "\(text)")
        // The body's C1 control (from a wrong code page) is a warning only; the C0 control BEL is an error.
        #expect(site.warnings.contains { $0.message.contains("U+0085") && $0.location.line == 4 })
        #expect(site.errors.contains { $0.message.contains("U+0007") && $0.location == SourceLocation(file: "content/seite.md", line: 4, column: 6) })
    }

    @Test("templates nested a thousand deep or with tens of thousands of tags are errors, not a crash or a long wait")
    func oversizedTemplates() throws {
        let started = Date()
        let deep = try build(["templates/layouts/page.mustache": String(repeating: "{{#x}}", count: 1_000), "content/s.md": "# S\n"])
        #expect(messages(deep).contains("mehr als 64 Sektionen"), "\(messages(deep))")
        let wide = try build(["templates/layouts/page.mustache": String(repeating: "{{page.title}}x", count: 40_000), "content/s.md": "# S\n"])
        #expect(messages(wide).contains("40000 Platzhalter"), "\(messages(wide))")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("two file names that differ only in Unicode form are an error, not a crash")
    func equivalentNames() throws {
        // Swift compares the two spellings as equal, so the second is written through the C API.
        let inline = try InlineSite(base.merging(["content/\u{00DC}bersicht.md": "# A\n"]) { _, new in new })
        defer { inline.remove() }
        let path = Array((inline.root + "/content/U").utf8) + [0xCC, 0x88] + Array("bersicht.md".utf8) + [0]
        let descriptor = path.withUnsafeBytes { open($0.baseAddress!.assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let site = try inline.build()
        #expect(site.errors.count == 1 && messages(site).contains("Unicode-Schreibweise"), "\(messages(site))")
    }

    @Test("an image from another host is an error: the site makes no third-party requests")
    func externalImage() throws {
        let site = try build(["content/seite.md": "---\ntitle: S\n---\n![Logo](https://evil.example/x.png)\n"])
        #expect(messages(site).contains("content/seite.md:4:1") && messages(site).contains("anderen Website"), "\(messages(site))")
    }

    @Test("a blueprint nested thousands deep builds its reuse package without overflowing the stack")
    func deeplyNestedBlueprint() throws {
        let body = String(repeating: "> - ", count: 5_000) + "x\n"
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(body: body)])
        #expect(site.files["blaupausen/post/post.zip"] != nil)
    }

    @Test("a municipality id in other letter case is an error at its line, not two filter pages at one address (found by the fuzzer)")
    func municipalityIdInOtherCase() throws {
        let site = try build([
            "content/kommunen/fulda.md": Fixtures.municipality.replacingOccurrences(of: "Marburg", with: "Fulda"),
            "content/blaupausen/zweite.md": Fixtures.blueprint(title: "Zweite", municipalities: "[FULDA]"),
            "content/blaupausen/dritte.md": Fixtures.blueprint(title: "Dritte", municipalities: "[fulda]"),
        ])
        let error = try #require(site.errors.first { $0.message.contains("`FULDA`") })
        #expect(error.location.file == "content/blaupausen/zweite.md" && error.location.line == 4)
    }
}
