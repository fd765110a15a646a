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
        for part in ["einmalig 12.000 €", "jährlich 2.500 €", "Paperless-ngx</a> (Open Source, GPL 3.0+)", "Fachverfahren X (proprietär)",
                     "OZG, DSGVO Art. 6", "5.000 bis 150.000 Einwohnerinnen und Einwohner", "Muster-Dienstvereinbarung",
                     "href=\"/projekte/godonu/\">GoDoNu</a>", "Gemeinde Musterstadt (Beispiel)", "AGS 06435014", "Status der Übernahme:</span> Prüft die Übernahme"] {
            #expect(page.contains(part), "missing: \(part)")
        }
        let project = try #require(site.text("projekte/godonu/index.html"))
        #expect(project.contains("Blaupausen aus dem Projekt") && project.contains("Digitaler Posteingang"))
        let levels = try #require(site.text("reifegrade/index.html"))
        #expect(levels.contains("id=\"pilot\"") && page.contains("href=\"/reifegrade/#pilot\""))
        let fulda = try #require(site.text("kommunen/fulda/index.html"))
        #expect(fulda.contains("Status der Übernahme:</span> Erprobt die Lösung seit 1. September 2024"), "the city's own adoption status")
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
        #expect(page.contains("<svg class=\"chart\"") && page.contains("role=\"img\"") && page.contains("<desc id=\"chart-desc\">Post &lt;&amp;&gt; &quot;Eingang&quot;: 2</desc>"))
        #expect(page.contains("href=\"/kommunen/fulda/\">Fulda</a>") && page.contains("Gemeinde Musterstadt (Beispiel)") && page.contains("2 Nachnutzungen"))
        #expect(!page.contains("<script>"), "no inline script")
    }
}
