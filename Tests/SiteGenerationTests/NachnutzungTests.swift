import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// What a clerk elsewhere needs to take a blueprint over: licence, attribution, decision facts,
/// adoptions and a way to report them.
@Suite("Nachnutzung")
struct NachnutzungTests {
    let base: [String: String] = [
        "site.yml": "base_url: https://vcc.example.org\nfeedback: {email: vcc@example.org, issue_url: \"https://git.example.org/vcc/-/issues/new?issue[title]={title}&issue[description]={body}\"}\n",
        "content/kommunen/marburg.md": Fixtures.municipality,
        "content/kommunen/fulda.md": Fixtures.municipality.replacingOccurrences(of: "name: Marburg", with: "name: Fulda")
            .replacingOccurrences(of: "06534014", with: "06631009"),
        "content/projekte/godonu.md": "---\ntitle: GoDoNu\nacronym: GDN\nlead: marburg\nstatus: laufend\nstart: 2023-01-01\n---\nText.\n",
        "content/blaupausen/vorlage.txt": "Vorlage",
    ]

    func build(_ extra: [String: String]) throws -> BuiltSite {
        let site = try InlineSite(base.merging(extra) { _, new in new })
        defer { site.remove() }
        return try site.build()
    }

    static let decisionFields = """
    costs: {one_off: 12000, yearly: 2500, note: "Lizenzen, Beispielwerte"}
    products:
      - {name: Paperless-ngx, open_source: true, license: GPL-3.0-or-later, url: "https://docs.paperless-ngx.com/"}
      - {name: Fachverfahren X, open_source: false}
    legal_basis: [OZG, "DSGVO Art. 6"]
    documents: [{title: Muster-Dienstvereinbarung, path: vorlage.txt}]
    suitable_for: {min: 5000, max: 150000}
    project: godonu
    adopted_by:
      - {municipality: fulda, since: 2024-09-01, status: pilot}
      - {name: "Gemeinde Musterstadt (Beispiel)", ags: "06435014", since: 2025-02-01, status: interessiert}
    """

    @Test("the licence is named and linked with rel=license, with a ready attribution and conditions")
    func licenceAndAttribution() throws {
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(extra: Self.decisionFields)])
        #expect(site.errors.isEmpty, "\(site.errors)")
        let page = try #require(site.text("blaupausen/post/index.html"))
        #expect(page.contains("<a rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/deed.de\">Creative Commons Namensnennung 4.0 International</a>"))
        #expect(page.contains("„Digitaler Posteingang“ von Marburg – Quelle: https://vcc.example.org/blaupausen/post/ – Lizenz: CC BY 4.0"))
        #expect(page.contains("data-copy=\"quellenangabe\""))
        #expect(page.contains("wenn die Urheber und die Quelle genannt werden"))
    }

    @Test("the facts for a decision are shown: costs, software, legal basis, size, templates, project")
    func decisionFacts() throws {
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(extra: Self.decisionFields)])
        let page = try #require(site.text("blaupausen/post/index.html"))
        for part in ["einmalig 12.000\u{00A0}€", "jährlich 2.500\u{00A0}€", "Paperless-ngx</a> (Open Source, GPL 3.0+)", "Fachverfahren X (proprietär)",
                     "OZG, DSGVO Art. 6", "5.000 bis 150.000 Einwohnerinnen und Einwohner", "Muster-Dienstvereinbarung",
                     "href=\"/projekte/godonu/\">GoDoNu</a>", "Gemeinde Musterstadt (Beispiel)", "AGS 06435014", "Status der Übernahme:</span> <span class=\"tag tag-adoption status-interessiert\">Prüft die Übernahme</span>"] {
            #expect(page.contains(part), "missing: \(part)")
        }
        let project = try #require(site.text("projekte/godonu/index.html"))
        #expect(project.contains("Blaupausen aus dem Projekt") && project.contains("Digitaler Posteingang"))
        let levels = try #require(site.text("reifegrade/index.html"))
        #expect(levels.contains("id=\"pilot\"") && page.contains("href=\"/reifegrade/#pilot\""))
        let fulda = try #require(site.text("kommunen/fulda/index.html"))
        #expect(fulda.contains("Status der Übernahme:</span> <span class=\"tag tag-adoption\">Erprobt die Lösung seit 1. September 2024</span>"), "the city's own adoption status")
    }

    @Test("feedback links carry subject and body, percent-encoded, for mail and issue tracker")
    func feedbackLinks() throws {
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint()])
        let page = try #require(site.text("blaupausen/post/index.html"))
        #expect(page.contains("href=\"mailto:vcc@example.org?subject=Nachnutzung%3A%20Digitaler%20Posteingang&amp;body="))
        #expect(page.contains("https://git.example.org/vcc/-/issues/new?issue%5Btitle%5D=Frage%20zu%3A%20Digitaler%20Posteingang"))
        #expect(page.contains("Nachnutzung melden") && page.contains("Frage an das Team"))
    }

    @Test("wrong decision fields and adoption entries are errors at their line; an unknown adopter id is a warning")
    func validation() throws {
        let extra = """
        costs: {one_off: -5, yearly: "viel"}
        suitable_for: {min: 9000, max: 10}
        adopted_by:
          - {name: Irgendwo, status: läuft}
          - {name: Nirgendwo, ags: "123"}
        """
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(extra: extra)])
        let text = site.diagnostics.map(\.description).joined(separator: "\n")
        for part in ["post.md:10:18: error: `costs.one_off`", "post.md:10:30: error: `costs.yearly`", "post.md:11:15: error: `suitable_for`: `min` (9000) ist größer",
                     "post.md:13:5: error: Eine Kommune außerhalb der Kooperation braucht ihren Amtlichen Gemeindeschlüssel `ags`",
                     "`status: läuft`", "post.md:14:28: error: `ags` muss der achtstellige"] {
            #expect(text.contains(part), "missing: \(part) in \(text)")
        }
        #expect(!text.contains("ist leer"))
        // References are checked once the file itself is valid.
        let referring = try build(["content/blaupausen/post.md": Fixtures.blueprint(extra: "project: gibtsnicht\nadopted_by: [{municipality: fuldaa, status: pilot}]")])
        #expect(referring.errors.contains { $0.message.contains("`project` verweist auf `gibtsnicht`") })
        #expect(referring.warnings.contains { $0.message.contains("`fuldaa`") && ($0.hint ?? "").contains("Meintest du `fulda`?") })
    }

    @Test("a licence vcc does not know is an error with the allowed ids")
    func unknownLicence() throws {
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint().replacingOccurrences(of: "CC-BY-4.0", with: "CC-BY-4")])
        #expect(site.errors.contains { $0.message.contains("`license: CC-BY-4`") && ($0.hint ?? "").contains("Meintest du `CC-BY-4.0`?") })
    }

    @Test("/nachnutzung/ lists every adoption in a table and draws a chart with a text alternative")
    func adoptionOverview() throws {
        let site = try build(["content/blaupausen/post.md": Fixtures.blueprint(title: "Post <&> \"Eingang\"", extra: Self.decisionFields)])
        let page = try #require(site.text("nachnutzung/index.html"))
        #expect(page.contains("<svg class=\"chart\"") && page.contains("role=\"img\"")
                && page.contains("<desc id=\"chart-desc\">Post &lt;&amp;&gt; &quot;Eingang&quot;: 2 (1 Erprobt die Lösung, 1 Prüft die Übernahme)</desc>"))
        #expect(page.contains("href=\"/kommunen/fulda/\">Fulda</a>") && page.contains("Gemeinde Musterstadt (Beispiel)") && page.contains("2 Nachnutzungen"))
        #expect(!page.contains("<script>"), "no inline script")
    }

    /// Three adoptions of one blueprint in three statuses, one of another without a status.
    static let mixedStatuses = [
        "content/blaupausen/post.md": Fixtures.blueprint(extra: """
        adopted_by:
          - {municipality: fulda, since: 2024-09-01, status: interessiert}
          - {name: "Gemeinde Musterstadt (Beispiel)", ags: "06435014", since: 2025-02-01, status: im-betrieb}
          - {name: "Stadt Beispielfeld (Beispiel)", ags: "06631099", status: pilot}
        """),
        "content/blaupausen/termine.md": Fixtures.blueprint(title: "Terminvergabe", municipalities: "[fulda]",
                                                            extra: "adopted_by: [{municipality: marburg, since: 2023-01-01}]"),
    ]

    /// The text from the first `start` to the `end` after it, both included.
    static func part(of text: String, from start: String, to end: String) -> String? {
        guard let first = text.range(of: start), let last = text.range(of: end, range: first.upperBound..<text.endIndex) else { return nil }
        return String(text[first.lowerBound..<last.upperBound])
    }

    @Test("the chart stacks each blueprint's bar by status, in use first, each segment named, with a legend of the statuses shown")
    func chartStackedByStatus() throws {
        let site = try build(Self.mixedStatuses)
        let page = try #require(site.text("nachnutzung/index.html"))
        let chart = try #require(Self.part(of: page, from: "<svg class=\"chart\"", to: "</svg>"))
        // Segments of the first bar in the order of the stack, each with its pattern and a tooltip.
        let segments = ["url(#chart-muster-im-betrieb)\" x=\"0\"", "<title>Nutzt die Lösung im Betrieb: 1</title>", "url(#chart-muster-pilot)",
                        "<title>Erprobt die Lösung: 1</title>", "url(#chart-muster-interessiert)", "<title>Prüft die Übernahme: 1</title>"]
        var position = chart.startIndex
        for part in segments {
            let found = try #require(chart.range(of: part, range: position..<chart.endIndex), "missing or out of order: \(part)")
            position = found.upperBound
        }
        #expect(chart.contains("<title>Ohne Angabe: 1</title>") && chart.contains("1 Nutzt die Lösung im Betrieb, 1 Erprobt die Lösung, 1 Prüft die Übernahme"))
        #expect(chart.contains("<pattern id=\"chart-muster-pilot\"") && !chart.contains("chart-bar"), "one bar per status, not one per blueprint")
        #expect(chart.contains("Digitaler Posteingang: 3 (1 Nutzt die Lösung im Betrieb, 1 Erprobt die Lösung, 1 Prüft die Übernahme); Terminvergabe: 1 (1 Ohne Angabe)</desc>"))
        for status in ["im-betrieb", "pilot", "interessiert", "ohne-angabe"] {
            #expect(page.contains("<li data-status=\"\(status)\"><svg class=\"swatch\" aria-hidden=\"true\""), "no legend entry for \(status)")
        }
        #expect(!page.contains("data-status=\"beendet\""), "the legend names only statuses that occur")
        #expect(page.contains("<strong>Nutzt die Lösung im Betrieb</strong> (1): Die Lösung ist im regulären Betrieb."))
        #expect(page.contains("Bisher eingetragen: 4 Nachnutzungen, davon 1 im Betrieb."))
    }

    @Test("/nachnutzung/ names the developing municipality, as a table and as cards, with filters for blueprint and municipality")
    func developersCardsAndFilters() throws {
        let site = try build(Self.mixedStatuses)
        let page = try #require(site.text("nachnutzung/index.html"))
        #expect(page.contains("<th scope=\"col\">Entwickelt von</th><th scope=\"col\">Nachnutzende Kommune</th>"))
        let postRow = "<td><a href=\"/blaupausen/post/\">Digitaler Posteingang</a></td><td><a href=\"/kommunen/marburg/\">Marburg</a></td>"
        #expect(page.components(separatedBy: postRow).count == 4, "each of the three adoptions names the developer")
        #expect(page.contains("<td><a href=\"/blaupausen/termine/\">Terminvergabe</a></td><td><a href=\"/kommunen/fulda/\">Fulda</a></td>"))
        // The same rows as cards, for screens below 600 px.
        let cards = try #require(page.range(of: "<ul class=\"adoption-cards\">").map { String(page[$0.lowerBound...]) })
        #expect(cards.components(separatedBy: "<li class=\"card\" data-adoption").count == 5)
        #expect(cards.contains("<dt>Entwickelt von</dt><dd><a href=\"/kommunen/marburg/\">Marburg</a></dd>"))
        // Filters: each blueprint and each adopting municipality once, in German order; the script from the assets.
        #expect(page.contains("<option value=\"\">Alle Blaupausen</option><option>Digitaler Posteingang</option><option>Terminvergabe</option></select>"))
        #expect(page.contains("<option value=\"\">Alle Kommunen</option><option>Fulda</option><option>Gemeinde Musterstadt (Beispiel)</option><option>Marburg</option><option>Stadt Beispielfeld (Beispiel)</option></select>"))
        #expect(page.contains("data-blueprint=\"Terminvergabe\" data-municipality=\"Marburg\" data-since=\"2023-01-01\""))
        #expect(page.contains("/adoption-filters.js\"></script>") && !page.contains("<script>"))
    }

    @Test("/nachnutzung/ is linked from the header navigation, after the sections, and from the home page")
    func linkedFromNavigationAndHome() throws {
        let site = try build(Self.mixedStatuses)
        let home = try #require(site.text("index.html"))
        let nav = try #require(Self.part(of: home, from: "aria-label=\"Hauptnavigation\"", to: "</nav>"))
        let link = try #require(nav.range(of: "<li><a href=\"/nachnutzung/\">Nachnutzung</a></li>"))
        #expect(nav.range(of: "href=\"/themen/\"").map { $0.upperBound < link.lowerBound } == true, "after the sections")
        #expect(home.contains("<li><a href=\"/nachnutzung/\"><span class=\"entry-title\">Nachnutzung</span>"), "an entry point on the home page")
        let page = try #require(site.text("nachnutzung/index.html"))
        #expect(page.contains("<a href=\"/nachnutzung/\" aria-current=\"page\">Nachnutzung</a>"))
    }
}
