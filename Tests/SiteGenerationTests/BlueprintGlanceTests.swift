import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Issue 21: facts first. "Auf einen Blick" opens every blueprint, and the table of contents links every section.
@Suite("Blueprint at a glance")
struct BlueprintGlanceTests {
    @Test("the summary list comes before the text and holds the facts for a decision; the contents link every section")
    func factsFirst() throws {
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(
                extra: """
                costs: {one_off: 12000, yearly: 2500}
                suitable_for: {min: 5000, max: 150000}
                products: [{name: Paperless-ngx, open_source: true}]
                legal_basis: [OZG]
                prerequisites: [Ein Scanner]
                adopted_by: [{name: Gemeinde Musterstadt, ags: "06435014", status: interessiert}]
                """,
                body: "## Ziele\n\nText.\n\n## Umsetzung\n\nMehr Text."),
        ])
        defer { site.remove() }
        let page = try #require(try site.build().text("blaupausen/post/index.html"))
        let glance = try #require(page.range(of: "id=\"auf-einen-blick\""))
        let text = try #require(page.range(of: "id=\"ziele\""))
        #expect(glance.lowerBound < text.lowerBound, "facts before prose")
        let list = String(page[glance.lowerBound..<(page.range(of: "</dl>", range: glance.upperBound..<page.endIndex)?.upperBound ?? page.endIndex)])
        for fact in ["Reifegrad", "Im Einsatz", "einmalig 12.000\u{00A0}€", "jährlich 2.500\u{00A0}€", "5.000 bis 150.000", "Paperless-ngx", "(Open Source)",
                     "OZG", "Gemeinde Musterstadt", "Prüft die Übernahme", "Stabsstelle"] {
            #expect(list.contains(fact), "Auf einen Blick lacks \(fact)")
        }
        let toc = try #require(page.range(of: "<nav class=\"toc\"").map { String(page[$0.lowerBound...].prefix { $0 != "\u{0}" }) })
        let nav = String(toc[..<(toc.range(of: "</nav>")?.lowerBound ?? toc.endIndex)])
        var article = String(page[(page.range(of: "</nav>", range: glance.upperBound..<page.endIndex)?.upperBound ?? page.endIndex)...])
        article = String(article[..<(article.range(of: "</article>")?.lowerBound ?? article.endIndex)])
        var ids: [String] = []
        var rest = Substring(article)
        while let h2 = rest.range(of: "<h2 id=\"") {
            rest = rest[h2.upperBound...]
            ids.append(String(rest.prefix { $0 != "\"" }))
        }
        #expect(ids.count >= 6, "\(ids)")
        for id in ids where id != "verwandt" {
            #expect(nav.contains("href=\"#\(id)\""), "the contents do not link #\(id)")
        }
    }
}
