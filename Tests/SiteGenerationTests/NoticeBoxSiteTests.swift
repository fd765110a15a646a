import SiteModel
import Testing
import TestSupport

/// A notice box (`> [!WARNUNG]`) in a real build: on the page as a box, in the description without
/// its marker, and an unknown marker as a warning at its place in the file.
@Suite("Hinweiskästen in a build")
struct NoticeBoxSiteTests {
    @Test("a blueprint's notice box reaches the page as a box; the marker is in no page text")
    func blueprintBox() throws {
        let body = "> [!WARNUNG]\n> Ohne Unterschrift ist der Antrag ungültig.\n\n## Ziele\n\n> [!ACHTUNG]\n> Kein Kasten.\n"
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(body: body),
            "content/seite.md": "---\ntitle: Seite\n---\n> [!HINWEIS]\n> Die Seite beginnt mit einem Hinweis.\n",
        ])
        defer { site.remove() }
        let built = try site.build()
        let page = try #require(built.text("blaupausen/post/index.html"))
        #expect(page.contains("<div class=\"notice notice-warning\" role=\"note\">\n<p class=\"notice-title\">Warnung</p>\n<p>Ohne Unterschrift ist der Antrag ungültig.</p>\n</div>"))
        #expect(!page.contains("[!WARNUNG]"))
        #expect(page.contains("[!ACHTUNG]"), "an unknown marker stays in its quote")
        let warnings = built.warnings.filter { $0.message.contains("kein bekannter Hinweistyp") }
        #expect(warnings.map { "\($0.location)" } == ["content/blaupausen/post.md:17:3"], "\(built.diagnostics)")
        let other = try #require(built.text("seite/index.html"))
        #expect(other.contains("content=\"Die Seite beginnt mit einem Hinweis.\""), "the description is the box's text")
        #expect(!other.contains("[!HINWEIS]"))
    }
}
