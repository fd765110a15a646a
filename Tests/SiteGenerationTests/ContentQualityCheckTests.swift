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
}
