import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

@Suite("Site generation")
struct SiteBuilderTests {
    let baseFiles: [String: String] = [
        "content/kommunen/marburg.md": Fixtures.municipality,
        "content/kommunen/fulda.md": Fixtures.municipality
            .replacingOccurrences(of: "name: Marburg", with: "name: Fulda")
            .replacingOccurrences(of: "06534014", with: "06631009"),
        "content/blaupausen/post.md": Fixtures.blueprint(extra: "adopted_by: [{municipality: fulda, since: 2024-02-01}]",
                                                         body: "## Ziele\n\nSiehe [Dashboard](dashboard.md#kennzahlen)."),
        "content/blaupausen/dashboard.md": Fixtures.blueprint(title: "Dashboard", body: "## Kennzahlen\n\nZahlen."),
    ]

    func build(_ extra: [String: String] = [:]) throws -> BuiltSite {
        let site = try InlineSite(baseFiles.merging(extra) { _, new in new })
        defer { site.remove() }
        return try site.build()
    }

    @Test("pages get pretty URLs and links between Markdown files become page URLs")
    func prettyURLs() throws {
        let site = try build()
        #expect(site.errors.isEmpty, "\(site.errors)")
        let post = try #require(site.text("blaupausen/post/index.html"))
        #expect(post.contains("href=\"/blaupausen/dashboard/#kennzahlen\""))
        for path in ["index.html", "blaupausen/index.html", "kommunen/marburg/index.html", "themen/digitale-verwaltung/index.html",
                     "404.html", "sitemap.xml", "robots.txt", "feed.xml", "suche/index.html",
                     "blaupausen/post/post.md", "blaupausen/katalog.json"] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
    }

    @Test("the table of contents links every section and escapes heading text")
    func tableOfContents() throws {
        let site = try build(["content/seite.md": "---\ntitle: Seite\n---\n## Erste & 1 < 2\n\nText.\n\n### Dritte \"x\"\n\nText.\n"])
        let page = try #require(site.text("seite/index.html"))
        #expect(page.contains("<li class=\"toc-level-2\"><a href=\"#erste-1-2\">Erste &amp; 1 &lt; 2</a><ol class=\"toc-sub\">"), "\(page)")
        #expect(page.contains("<li class=\"toc-level-3\"><a href=\"#dritte-x\">Dritte &quot;x&quot;</a></li>"))
    }

    @Test("two builds of the same input are byte-identical")
    func deterministic() throws {
        let a = try build(), b = try build()
        #expect(a.files == b.files)
    }

    @Test("a municipality page lists what it built and what it adopted")
    func municipalityPage() throws {
        let site = try build()
        let marburg = try #require(site.text("kommunen/marburg/index.html"))
        #expect(marburg.contains("Digitaler Posteingang"))
        let fulda = try #require(site.text("kommunen/fulda/index.html"))
        let adopted = try #require(fulda.range(of: "Nachgenutzte Blaupausen"))
        #expect(fulda[adopted.upperBound...].contains("Digitaler Posteingang"))
    }

    @Test("a dangling reference is an error at the id, with a suggestion")
    func danglingReference() throws {
        let site = try build(["content/blaupausen/x.md": Fixtures.blueprint(title: "X", municipalities: "[marbrug]")])
        let error = try #require(site.errors.first)
        #expect(error.location.file == "content/blaupausen/x.md")
        #expect(error.location.line == 4)
        #expect(error.hint?.contains("Meintest du `marburg`?") == true)
    }

    @Test("a broken link and a missing anchor are errors with file and line")
    func brokenLinks() throws {
        let site = try build(["content/seite.md": "---\ntitle: S\n---\nText\n\n[weg](blaupausen/fehlt.md) [anker](blaupausen/dashboard.md#nichts)\n"])
        #expect(site.errors.count == 2)
        #expect(site.errors.allSatisfy { $0.location.file == "content/seite.md" && $0.location.line == 6 })
        #expect(site.errors.contains { $0.message.contains("#nichts") })
    }

    @Test("two documents with one URL are an error")
    func duplicateURL() throws {
        let site = try build(["content/doppelt.md": "---\ntitle: A\n---\n", "content/doppelt/index.md": "---\ntitle: B\n---\n"])
        #expect(site.errors.contains { $0.message.contains("/doppelt/") })
    }

    @Test("hostile text in front matter is escaped in HTML, XML and JSON")
    func hostileText() throws {
        let site = try build(["content/blaupausen/boese.md": Fixtures.blueprint(title: "\"<img src=x onerror=alert(1)>\"")])
        #expect(site.errors.isEmpty, "\(site.errors)")
        for path in ["blaupausen/boese/index.html", "blaupausen/index.html", "index.html", "feed.xml"] {
            let text = try #require(site.text(path))
            #expect(!text.contains("<img src=x"), "unescaped in \(path)")
            #expect(text.contains("&lt;img src=x onerror=alert(1)&gt;"), "escaped title missing in \(path)")
        }
        let catalogue = try #require(site.files["blaupausen/katalog.json"])
        let json = try JSONSerialization.jsonObject(with: Data(catalogue)) as? [String: Any]
        let titles = (json?["blueprints"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
        #expect(titles?.contains("<img src=x onerror=alert(1)>") == true)
    }

    @Test("course modules are ordered by `order` with previous and next links")
    func courseOrder() throws {
        let course = "---\ntitle: Kurs\nsummary: S\naudience: A\nlearning_outcomes: [L]\nworkload: 2 h\nlicense: CC0-1.0\n---\n"
        func module(_ title: String, _ order: Int) -> String {
            "---\ntitle: \(title)\norder: \(order)\nlearning_objectives: [Z]\nduration: 1 h\n---\nText\n"
        }
        let site = try build([
            "content/qualifizierung/kurs/index.md": course,
            "content/qualifizierung/kurs/b.md": module("Zweites", 2),
            "content/qualifizierung/kurs/a.md": module("Drittes", 3),
            "content/qualifizierung/kurs/c.md": module("Erstes", 1),
        ])
        #expect(site.errors.isEmpty, "\(site.errors)")
        let coursePage = try #require(site.text("qualifizierung/kurs/index.html"))
        let positions = ["Erstes", "Zweites", "Drittes"].map { coursePage.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        let second = try #require(site.text("qualifizierung/kurs/b/index.html"))
        #expect(second.contains("rel=\"prev\">Vorheriges Modul: Erstes"))
        #expect(second.contains("rel=\"next\">Nächstes Modul: Drittes"))
        #expect(second.contains("Modul 2 von 3"))
    }

    @Test("no page has an inline script or style, and nothing loads from another host")
    func strictCSP() throws {
        let site = try build()
        for (path, bytes) in site.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("<script>"), "inline script in \(path)")
            #expect(!html.contains("<style"), "inline style in \(path)")
            #expect(!html.contains(" style=\""), "style attribute in \(path)")
            #expect(!html.contains("src=\"http"), "remote resource in \(path)")
        }
    }

    @Test("a folder with only Markdown builds with the default theme")
    func defaultTheme() throws {
        let site = try InlineSite(["content/notiz.md": "# Notiz\n\nEin Text.", "content/weitere/seite.md": "Noch ein Text."])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.isEmpty)
        #expect(built.text("notiz/index.html")?.contains("<h1>Notiz</h1>") == true)
        #expect(built.text("weitere/seite/index.html")?.contains("Noch ein Text.") == true)
    }

    @Test("a template in templates/ overrides the theme's template of the same name")
    func templateOverride() throws {
        let site = try build(["templates/layouts/page.mustache": "EIGEN {{page.title}}", "content/s.md": "---\ntitle: Seite\n---\n"])
        #expect(site.text("s/index.html") == "EIGEN Seite")
    }

    @Test("a template that does not parse is an error with its line")
    func brokenTemplate() throws {
        let site = try build(["templates/layouts/page.mustache": "Zeile\n{{#offen}}\n"])
        let error = try #require(site.errors.first { $0.location.file.hasPrefix("templates/") })
        #expect(error.location.file == "templates/layouts/page.mustache")
        let closing = try build(["templates/layouts/page.mustache": "Zeile\nZeile\n{{/nie-geoeffnet}}\n"])
        let location = try #require(closing.errors.first { $0.location.file.hasPrefix("templates/") }).location
        #expect(location.line == 3, "the template's own line, not shifted by the content-type line vcc puts in front")
    }

    @Test("{{variables}} are HTML-escaped, {{{variables}}} are not, and a template's own lines keep their whitespace")
    func escaping() throws {
        let site = try build(["templates/layouts/page.mustache": "{{#page}}\n[{{title}}]\n{{/page}}\n{{{page.title}}}",
                              "content/s.md": "---\ntitle: \"A <b> & \\\"c\\\" 'd'\"\n---\n"])
        #expect(site.text("s/index.html") == "[A &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;]\nA <b> & \"c\" 'd'")
    }

    @Test("the feed and sitemap take dates from content and absolute URLs from base_url")
    func feeds() throws {
        let site = try build(["site.yml": "base_url: https://vcc.example.org\n"])
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://vcc.example.org/blaupausen/post/</loc><lastmod>2024-05-01</lastmod>"))
        let feed = try #require(site.text("feed.xml"))
        #expect(feed.contains("<updated>2024-05-01T00:00:00Z</updated>"))
        #expect(feed.contains("https://vcc.example.org/blaupausen/dashboard/"))
    }

    @Test("a site below a path prefixes every internal link with it")
    func basePath() throws {
        let site = try build(["site.yml": "base_url: https://example.org/wiki\n"])
        let home = try #require(site.text("index.html"))
        #expect(home.contains("href=\"/wiki/assets/") && home.contains("/style.css\""))
        #expect(home.contains("href=\"/wiki/blaupausen/\""))
        let post = try #require(site.text("blaupausen/post/index.html"))
        #expect(post.contains("href=\"/wiki/blaupausen/dashboard/#kennzahlen\""))
    }
}
