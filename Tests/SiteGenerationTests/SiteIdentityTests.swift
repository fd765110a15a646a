import SiteModel
import Testing
import TestSupport

/// site.yml logo, organisation and colours; colours below WCAG 2.1 AA contrast are errors.
@Suite("Site identity")
struct SiteIdentityTests {
    @Test("#7fb2e5 on white is an error naming its contrast ratio and the nearest passing shade")
    func lowContrast() throws {
        let site = try InlineSite(["site.yml": "title: VCC\ncolors:\n  primary: \"#7fb2e5\"\n  dark: {accent: \"#1a3d66\"}\n",
                                   "content/seite.md": "# Seite\n\nText.\n"])
        defer { site.remove() }
        let built = try site.build()
        let light = try #require(built.errors.first { $0.message.contains("#7fb2e5") })
        #expect(light.location.file == "site.yml" && light.location.line == 3)
        #expect(light.message.contains("2.23:1 zum Hintergrund #ffffff") && light.message.contains("4.5:1"), "\(light.message)")
        let shade = try #require(light.hint?.split(separator: "`").dropFirst().first.map(String.init))
        let suggested = try #require(HexColor(shade))
        #expect(suggested.contrast(with: HexColor("#f3f5f8")!) >= 4.5 && suggested.contrast(with: HexColor("#ffffff")!) >= 4.5)
        #expect(built.errors.contains { $0.message.contains("colors.dark.accent: #1a3d66") && $0.message.contains("dunklen") })
    }

    @Test("passing colours, a logo and the organisations reach the pages")
    func identity() throws {
        let site = try InlineSite([
            "site.yml": "title: VCC\nlogo: logo.svg\norganisation: [Marburg, Gießen]\ncolors: {primary: \"#004f7c\", accent: \"#7a1f3d\"}\n",
            "logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>",
            "content/seite.md": "# Seite\n\nText.\n",
        ])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.isEmpty, "\(built.errors)")
        let home = try #require(built.text("index.html"))
        let folder = try #require(home.range(of: "/assets/")).upperBound
        let fingerprint = String(home[folder...].prefix(12))
        #expect(home.contains("<img class=\"site-logo\" src=\"/assets/\(fingerprint)/logo.svg\" alt=\"\""))
        #expect(home.contains("href=\"/assets/\(fingerprint)/farben.css\"") && home.contains("Ein Angebot von Marburg, Gießen"))
        #expect(built.text("assets/\(fingerprint)/farben.css")?.contains("--link: #004f7c;") == true)
        #expect(built.files["assets/\(fingerprint)/logo.svg"] != nil)
        let missing = try InlineSite(["site.yml": "title: VCC\nlogo: fehlt.png\n", "content/seite.md": "# S\n"])
        defer { missing.remove() }
        #expect(try missing.build().errors.contains { $0.location.file == "site.yml" && $0.message.contains("fehlt.png") })
    }
}
