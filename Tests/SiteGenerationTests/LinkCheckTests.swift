import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Every address that content puts into a page is checked, and one file's errors do not cascade.
@Suite("Links and addresses")
struct LinkCheckTests {
    let base: [String: String] = [
        "content/kommunen/marburg.md": Fixtures.municipality,
        "content/projekte/godonu.md": "---\ntitle: GoDoNu\nacronym: GDN\nlead: marburg\nstatus: laufend\nstart: 2023-01-01\n---\nText.\n",
        "content/blaupausen/post.md": Fixtures.blueprint(),
        "content/blaupausen/anhang.txt": "Checkliste",
    ]

    func build(_ extra: [String: String]) throws -> BuiltSite {
        let site = try InlineSite(base.merging(extra) { _, new in new })
        defer { site.remove() }
        return try site.build()
    }

    func errors(_ site: BuiltSite) -> String { site.errors.map(\.description).joined(separator: "\n") }

    @Test("a contact address with javascript: and a website without a scheme are errors at their line, with a hint")
    func frontMatterAddresses() throws {
        let site = try build([
            "content/blaupausen/post.md": Fixtures.blueprint(extra: "").replacingOccurrences(
                of: "contact: {name: Stabsstelle, email: digital@example.org}",
                with: "contact: {name: Stabsstelle, url: \"javascript:alert(1)\"}"),
            "content/kommunen/fulda.md": Fixtures.municipality.replacingOccurrences(of: "https://www.marburg.de", with: "www.fulda.de")
                .replacingOccurrences(of: "06534014", with: "06631009"),
        ])
        let text = errors(site)
        #expect(text.contains("content/blaupausen/post.md:8:") && text.contains("`javascript:`"), "\(text)")
        #expect(text.contains("content/kommunen/fulda.md:5:") && text.contains("https://www.fulda.de"), "\(text)")
        #expect(site.text("blaupausen/post/index.html")?.contains("javascript:") != true)
    }

    @Test("a link to a draft says that the page is a draft, not that it does not exist; with --drafts it resolves")
    func linkToDraft() throws {
        let files = [
            "content/blaupausen/post.md": Fixtures.blueprint(body: "Siehe [Entwurf](entwurf.md)."),
            "content/blaupausen/entwurf.md": Fixtures.blueprint(title: "Noch nicht fertig", extra: "draft: true"),
        ]
        let site = try build(files)
        let text = errors(site)
        #expect(text.contains("content/blaupausen/post.md:") && text.contains("ist ein Entwurf"), "\(text)")
        #expect(!text.contains("gibt es nicht"), "\(text)")
        let withDrafts = try InlineSite(base.merging(files) { _, new in new })
        defer { withDrafts.remove() }
        #expect(try withDrafts.build(drafts: true).errors.isEmpty)
    }

    @Test("attachments must be files of the site: absolute hosts, paths out of content/ and missing files are errors")
    func attachments() throws {
        let attachments = """
        attachments:
          - {title: Setup, path: /evil.example/setup.exe}
          - {title: Hoch, path: ../../x.pdf}
          - {title: Fehlt, path: fehlt.pdf}
          - {title: Gut, path: anhang.txt}
        """
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(extra: attachments)])
        let text = errors(site)
        for line in [11, 12, 13] { #expect(text.contains("content/blaupausen/post.md:\(line):"), "line \(line): \(text)") }
        #expect(!text.contains(":14:"), "the existing attachment is fine: \(text)")
        #expect(site.errors.count == 3)
    }

    @Test("Markdown links: only https, http, mailto and tel leave the site")
    func markdownSchemes() throws {
        let body = """
        ## Ziele

        [a](javascript:alert(1)) [b](//evil.example/x) [c](www.fulda.de) [d](data:text/html,x) [e](vbscript:x)

        [ok1](https://example.org) [ok2](mailto:a@b.de) [ok3](tel:+4969123) [ok4](http://example.org)
        """
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(body: body)])
        let text = errors(site)
        for part in ["`javascript:`", "protokollrelativ", "https://www.fulda.de", "`data:`", "`vbscript:`"] {
            #expect(text.contains(part), "\(part) missing: \(text)")
        }
        #expect(site.errors.count == 5, "\(text)")
    }

    @Test("generated pages are link targets, and anchors are checked against the target's real ids")
    func generatedTargetsAndAnchors() throws {
        let body = """
        ## Ziele

        [Liste](/blaupausen/) [Thema](../themen/digitale-verwaltung/) [Kommunen](../kommunen/) [Suche](/suche/) [Feed](/feed.xml)
        [Projekte von Marburg](../kommunen/marburg.md#projekte) [Oben](#ziele)

        [falsch](#gibt-es-nicht) [Lernziele](../kommunen/marburg.md#lernziele)
        """
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(body: body)])
        let text = errors(site)
        #expect(site.errors.count == 2, "\(text)")
        #expect(text.contains("`#gibt-es-nicht`") && text.contains("`#lernziele`"), "\(text)")
        let page = try #require(site.text("blaupausen/post/index.html"))
        #expect(page.contains("href=\"/themen/digitale-verwaltung/\"") && page.contains("href=\"/kommunen/\""))
    }

    @Test("a blueprint with broken YAML is reported once; files that point at it are not")
    func noCascade() throws {
        let site = try build([
            "content/blaupausen/post.md": Fixtures.blueprint().replacingOccurrences(of: "maturity: pilot", with: "maturity: [pilot"),
            "content/blaupausen/zwei.md": Fixtures.blueprint(title: "Zwei", extra: "related: [post]", body: "Siehe [Post](post.md#ziele)."),
        ])
        #expect(site.errors.count == 1, "\(errors(site))")
        #expect(site.errors.first?.location.file == "content/blaupausen/post.md")
    }

    @Test("base_url must be a whole https address without query or fragment")
    func baseURL() throws {
        for (value, accepted) in [("https://vcc.example.org", true), ("https://example.org/wissen/", true),
                                  ("https://", false), ("https://x.example/?a=1#f", false), ("http://a b", false), ("vcc.example.org", false)] {
            let site = try build(["site.yml": "base_url: \"\(value)\"\n"])
            #expect(site.errors.isEmpty == accepted, "\(value): \(errors(site))")
        }
    }
}
