import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Issue 21: courses a head of department can act on.
@Suite("Course offer")
struct CourseOfferTests {
    static let course = """
    ---
    title: Grundlagen
    summary: Ein Einstiegskurs.
    audience: Beschäftigte
    learning_outcomes: [Prozesse beschreiben]
    workload: 8 Stunden
    license: CC-BY-4.0
    format: [vor-ort, in-house-material]
    provider: Kompetenzzentrum
    dates: [{date: 2026-03-12, place: Rathaus Marburg}, 2026-02-01]
    cost: kostenfrei
    free_of_charge: true
    registration: https://example.org/anmeldung
    contact: {name: Personalamt, email: fortbildung@example.org}
    themes: [Digitale Verwaltung]
    ---
    Text.
    """
    static let module = "---\ntitle: Prozesse verstehen\norder: 1\nlearning_objectives: [Einen Ablauf zeichnen]\nduration: 2 Stunden\n---\nText.\n"

    @Test("format, provider, dates with place, cost, registration and contact are on the course page; the theme page lists the course and its modules")
    func courseOffer() throws {
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality, "content/blaupausen/post.md": Fixtures.blueprint(),
            "content/qualifizierung/grundlagen/index.md": Self.course, "content/qualifizierung/grundlagen/01.md": Self.module,
        ])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.isEmpty, "\(built.errors)")
        let page = try #require(built.text("qualifizierung/grundlagen/index.html"))
        for part in ["Vor Ort, Material für eigene Schulungen im Haus", "Kompetenzzentrum", "1. Februar 2026</time></li><li><time datetime=\"2026-03-12\">12. März 2026</time>, Rathaus Marburg",
                     "kostenfrei", "href=\"https://example.org/anmeldung\"", "Personalamt", "\"hasCourseInstance\""] {
            #expect(page.contains(part), "missing \(part)")
        }
        let amb = try #require(built.text("qualifizierung/grundlagen/amb.json"))
        #expect(amb.contains("\"isAccessibleForFree\":true"), "the AMB record carries what AMB has a field for")
        let theme = try #require(built.text("themen/digitale-verwaltung/index.html"))
        #expect(theme.contains("Kurse zum Thema") && theme.contains("href=\"/qualifizierung/grundlagen/\""))
        #expect(theme.contains("Grundlagen: Prozesse verstehen"), "the theme page lists the course's modules")
    }

    @Test("a format outside the list and a registration that is no web address are errors at their lines")
    func checkedFields() throws {
        let site = try InlineSite(["content/qualifizierung/grundlagen/index.md": Self.course
            .replacingOccurrences(of: "format: [vor-ort, in-house-material]", with: "format: [praesenz]")
            .replacingOccurrences(of: "registration: https://example.org/anmeldung", with: "registration: javascript:alert(1)")])
        defer { site.remove() }
        let errors = try site.build().errors
        #expect(errors.contains { $0.message.contains("`format: praesenz`") && $0.location.line == 8 })
        #expect(errors.contains { $0.message.contains("`registration`") })
    }

    @Test("a course's material is a package to run it in-house: the course and its modules as ODT in order, HTML, sources, a notice")
    func materialPackage() throws {
        let site = try InlineSite([
            "content/qualifizierung/grundlagen/index.md": Self.course, "content/qualifizierung/grundlagen/01-prozesse.md": Self.module,
            "content/qualifizierung/grundlagen/daten.md": Self.module.replacingOccurrences(of: "order: 1", with: "order: 2")
                .replacingOccurrences(of: "title: Prozesse verstehen", with: "title: Daten"),
        ])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.isEmpty, "\(built.errors)")
        let zip = try #require(built.files["qualifizierung/grundlagen/grundlagen-material.zip"])
        #expect(PackageContentsTests.entryNames(zip) == [
            "NACHWEIS.txt", "grundlagen.odt", "01-prozesse.odt", "02-daten.odt", "grundlagen.html", "technik/stil.css",
            "technik/grundlagen.md", "technik/01-prozesse.md", "technik/02-daten.md",
        ])
        let page = try #require(built.text("qualifizierung/grundlagen/index.html"))
        #expect(page.contains("href=\"/qualifizierung/grundlagen/grundlagen-material.zip\" download><span>Kursmaterial herunterladen"))
        #expect(page.contains("Kurs und 2 Module als ODT, HTML, Markdown, Nachweis"))
    }
}
