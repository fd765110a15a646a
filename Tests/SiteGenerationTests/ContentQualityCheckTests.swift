import ContentLoading
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// `vcc check`: what builds but hurts readers, each at its line. The text's findings (alt text,
/// heading levels, link texts) come from the build itself, so `vcc build` and `vcc serve` show them too.
@Suite("Content quality check")
struct ContentQualityCheckTests {
    @Test("alt text, heading levels, link texts, stale blueprints, pages without summary, missing legal pages")
    func findings() throws {
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(body: "## Ziele\n\n![](bild.png)\n\n#### Zu tief\n\nMehr [hier](https://example.org) und [die Checkliste](https://example.org).\n"),
            "content/seite.md": "# Seite\n\nText ![Ein Ablaufplan](plan.png).\n",
            "content/impressum.md": "# Impressum\n\nAngaben.\n",
        ])
        defer { site.remove() }
        let project = try ContentLoader().loadProject(at: site.root)
        let built = try site.build().diagnostics.filter { $0.severity == .warning }
        let found = built + ContentQualityCheck(today: ContentDate(iso: "2026-12-01")!).diagnostics(for: project.documents)
        let lines = found.map { "\($0.location.file):\($0.location.line): \($0.message)" }
        #expect(lines.contains { $0.hasPrefix("content/blaupausen/post.md:14:") && $0.contains("Alternativtext") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/blaupausen/post.md:16:") && $0.contains("Ebene 4 folgt auf Ebene 2") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/blaupausen/post.md:18:") && $0.contains("„hier“") }, "\(lines)")
        #expect(!lines.contains { $0.contains("die Checkliste") })
        #expect(lines.contains { $0.hasPrefix("content/blaupausen/post.md:9:") && $0.contains("seit 2 Jahren nicht aktualisiert") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/seite.md:1:") && $0.contains("ohne `summary`") }, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("content/seite.md") && $0.contains("Alternativtext") })
        #expect(lines.contains { $0.hasPrefix("content/datenschutz.md") } && !lines.contains { $0.hasPrefix("content/impressum.md") })
        let fresh = ContentQualityCheck(today: ContentDate(iso: "2024-06-01")!).diagnostics(for: project.documents)
        #expect(!fresh.contains { $0.message.contains("nicht aktualisiert") })
    }

    @Test("a blueprint is due for review after review.after_months whole months, apart from the other findings")
    func review() throws {
        let site = try InlineSite([
            "site.yml": "review: {after_months: 6, strict: true}\n",
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(body: "## Ziele\n\nText.\n"),
        ])
        defer { site.remove() }
        let project = try ContentLoader().loadProject(at: site.root)
        #expect(project.configuration.review == ReviewPolicy(afterMonths: 6, strict: true))
        // `updated: 2024-05-01` in the fixture.
        let check = ContentQualityCheck(today: ContentDate(iso: "2024-11-01")!, review: project.configuration.review)
        let due = check.blueprintsDueForReview(in: project.documents)
        #expect(due.count == 1 && due[0].message.contains("seit 6 Monaten nicht aktualisiert"), "\(due)")
        #expect(!check.contentFindings(for: project.documents).contains { $0.message.contains("nicht aktualisiert") })
        let early = ContentQualityCheck(today: ContentDate(iso: "2024-10-31")!, review: project.configuration.review)
        #expect(early.blueprintsDueForReview(in: project.documents).isEmpty)
        #expect(ContentQualityCheck(today: ContentDate(iso: "2026-04-30")!).blueprintsDueForReview(in: project.documents).isEmpty)
        #expect(ContentQualityCheck(today: ContentDate(iso: "2026-05-01")!).blueprintsDueForReview(in: project.documents).count == 1)
    }

    @Test("review: in site.yml is checked")
    func reviewSettings() throws {
        let site = try InlineSite(["site.yml": "review: {after_months: 0, strict: ja, often: 1}\n"])
        defer { site.remove() }
        let project = try ContentLoader().loadProject(at: site.root)
        let messages = project.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("`review.after_months` muss eine ganze Zahl") }, "\(messages)")
        #expect(messages.contains { $0.contains("`review.strict` ist `true` oder `false`") }, "\(messages)")
        #expect(messages.contains { $0.contains("Unbekanntes Feld `often` in `review`") }, "\(messages)")
        #expect(project.configuration.review == ReviewPolicy())
    }
}
