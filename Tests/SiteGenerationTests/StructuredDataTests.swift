import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// schema.org JSON-LD, meta descriptions and Open Graph on every page.
@Suite("Structured data")
struct StructuredDataTests {
    func jsonLD(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let data = Data(html[start.upperBound..<end.lowerBound].utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("every page has JSON-LD that parses, typed by its content, a description and Open Graph tags")
    func everyPage() throws {
        let site = try InlineSite([
            "site.yml": "title: VCC\npublisher: Digitale Kommune@Hessen\nbase_url: https://vcc.example.org\n",
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(title: "Post </script><script>alert(1)</script> \"x\""),
            "content/seite.md": "# Seite ohne Zusammenfassung\n\nDer erste Absatz beschreibt die Seite.\n",
        ])
        defer { site.remove() }
        let built = try site.build()
        var types: Set<String> = []
        for (path, bytes) in built.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let object = try jsonLD(html)
            #expect(object["@context"] as? String == "https://schema.org", "\(path)")
            let graph = try #require(object["@graph"] as? [[String: Any]], "\(path)")
            types.formUnion(graph.compactMap { $0["@type"] as? String })
            #expect(graph.contains { $0["@type"] as? String == "BreadcrumbList" }, "\(path)")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(path)")
            for property in ["og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name"] {
                #expect(html.contains("<meta property=\"\(property)\""), "\(property) in \(path)")
            }
        }
        #expect(types.isSuperset(of: ["WebSite", "Organization", "CreativeWork", "GovernmentOrganization", "WebPage", "BreadcrumbList"]))
        let post = try #require(built.text("blaupausen/post/index.html"))
        #expect(!post.contains("</script><script>alert"), "a title cannot close the JSON-LD block")
        let blueprint = try #require((try jsonLD(post)["@graph"] as? [[String: Any]])?.first)
        #expect(blueprint["license"] as? String == "https://creativecommons.org/licenses/by/4.0/deed.de")
        #expect((blueprint["creator"] as? [[String: Any]])?.first?["name"] as? String == "Marburg")
        let marburgPage = try #require(built.text("kommunen/marburg/index.html"))
        let marburg = try #require((try jsonLD(marburgPage)["@graph"] as? [[String: Any]])?.first)
        #expect((marburg["identifier"] as? [String: Any])?["value"] as? String == "06534014")
        let feed = try #require(built.text("feed.xml"))
        #expect(feed.contains("<category term=\"digitale-verwaltung\" label=\"Digitale Verwaltung\"/>"))
        #expect(feed.contains("<rights>Creative Commons Namensnennung 4.0 International (https://creativecommons.org/licenses/by/4.0/deed.de)</rights>"))
        let page = try #require(built.text("seite/index.html"))
        #expect(page.contains("<meta name=\"description\" content=\"Der erste Absatz beschreibt die Seite.\">"))
    }

    @Test("site.yml data_themes file blueprints under EU data themes; unknown codes are errors, unused themes warnings")
    func dataThemes() throws {
        let site = try InlineSite([
            "site.yml": "title: VCC\nbase_url: https://vcc.example.org\ndata_themes:\n  digitale verwaltung: [TECH, gove]\n  Umwelt: ENVX\n  Digitale Verwaltng: REGI\n",
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(),
            "content/blaupausen/andere.md": Fixtures.blueprint(title: "Andere").replacingOccurrences(of: "[Digitale Verwaltung]", with: "[Sonstiges]"),
        ])
        defer { site.remove() }
        let built = try site.build()
        let turtle = try #require(built.text("katalog/dcat.ttl"))
        func block(_ id: String) throws -> String {
            let start = try #require(turtle.range(of: "\n<https://vcc.example.org/blaupausen/\(id)/#datensatz>\n    a "))
            return turtle[start.lowerBound...].components(separatedBy: " .\n").first ?? ""
        }
        let postBlock = try block("post")
        #expect(postBlock.contains("data-theme/GOVE>") && postBlock.contains("data-theme/TECH>"), "\(postBlock)")
        let otherBlock = try block("andere")
        #expect(otherBlock.contains("data-theme/GOVE>") && !otherBlock.contains("data-theme/TECH>"), "\(otherBlock)")
        let messages = built.diagnostics.map { "\($0.location.file):\($0.location.line): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("site.yml:5:") && $0.contains("`ENVX`") && $0.contains("kein EU-Datenthema") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("site.yml:6:") && $0.contains("`Digitale Verwaltng`") }, "\(messages)")
        #expect(built.warnings.contains { $0.hint?.contains("digitale-verwaltung") == true })
    }
}
