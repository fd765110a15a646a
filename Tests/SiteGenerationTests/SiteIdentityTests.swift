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
        #expect(light.message.contains("Links auf dem Hintergrund nur einen Kontrast von 2.23:1 (#7fb2e5 auf #ffffff)") && light.message.contains("4.5:1"), "\(light.message)")
        let shade = try #require(light.hint?.split(separator: "`").dropFirst().first.map(String.init))
        let suggested = try #require(HexColor(shade))
        #expect(suggested.contrast(with: HexColor("#f3f5f8")) >= 4.5 && suggested.contrast(with: HexColor("#ffffff")) >= 4.5)
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
        // Without a dark variant the logo sits on a light plate in dark mode.
        #expect(home.contains("<img class=\"site-logo site-logo-plate\" src=\"/assets/\(fingerprint)/logo.svg\" alt=\"\""))
        #expect(home.contains("href=\"/assets/\(fingerprint)/farben.css\""))
        #expect(home.contains("<ul class=\"member-list\"><li>Marburg</li><li>Gießen</li></ul>"))
        #expect(built.text("assets/\(fingerprint)/farben.css")?.contains("--link: #004f7c;") == true)
        #expect(built.files["assets/\(fingerprint)/logo.svg"] != nil)
        let missing = try InlineSite(["site.yml": "title: VCC\nlogo: fehlt.png\n", "content/seite.md": "# S\n"])
        defer { missing.remove() }
        #expect(try missing.build().errors.contains { $0.location.file == "site.yml" && $0.message.contains("fehlt.png") })
    }
}

/// site.yml menu, notice, phase banner and the dark logo.
@Suite("Site frame settings")
struct SiteFrameSettingsTests {
    @Test("menu: entries replace the default navigation, mark the current page and are checked like links")
    func menu() throws {
        let site = try InlineSite([
            "site.yml": "title: VCC\nmenu:\n  - {label: Über uns, link: /ueber-uns/}\n  - {label: Gesetze, link: \"https://www.gesetze-im-internet.de/\"}\n  - {label: Katalog, link: /katalog}\n  - {label: Fehlt, link: /gibt-es-nicht/}\n",
            "content/ueber-uns.md": "# Über uns\n\nText.\n",
        ])
        defer { site.remove() }
        let built = try site.build()
        let page = try #require(built.text("ueber-uns/index.html"))
        #expect(page.contains("<li><a href=\"/ueber-uns/\" aria-current=\"page\">Über uns</a></li>"))
        #expect(page.contains("<li><a href=\"https://www.gesetze-im-internet.de/\">Gesetze</a></li>"))
        #expect(!page.contains(">Blaupausen</a></li>"), "the default navigation is replaced")
        let slash = try #require(built.errors.first { $0.message.contains("`/katalog`") })
        #expect(slash.location.file == "site.yml" && slash.location.line == 5 && slash.hint?.contains("link: /katalog/") == true)
        let missing = try #require(built.errors.first { $0.message.contains("/gibt-es-nicht/") })
        #expect(missing.location.line == 6 && missing.message.contains("„Fehlt“"))
        let broken = try InlineSite(["site.yml": "menu:\n  - {label: X, link: \"javascript:alert(1)\"}\n  - {label: Y}\n", "content/a.md": "# A\n"])
        defer { broken.remove() }
        let errors = try broken.build().errors
        #expect(errors.contains { $0.location.line == 2 && $0.message.contains("javascript:alert(1)") })
        #expect(errors.contains { $0.location.line == 3 && $0.message.contains("`label`") })
    }

    @Test("without menu: the sections; notice and phase are shown once under the header, escaped")
    func noticeAndPhase() throws {
        let site = try InlineSite([
            "site.yml": "title: VCC\nnotice: \"Beispielseite <b>erfunden</b>\"\nphase: {label: Beta, text: \"Neu & unfertig\"}\n",
            "content/a.md": "# A\n\nText.\n",
        ])
        defer { site.remove() }
        let built = try site.build()
        let home = try #require(built.text("index.html"))
        #expect(home.contains(">Blaupausen</a></li>") && home.contains(">Nachnutzung</a></li>"))
        #expect(home.components(separatedBy: "class=\"site-notice\"").count == 2)
        #expect(home.contains("Beispielseite &lt;b&gt;erfunden&lt;/b&gt;") && home.contains("<strong class=\"tag tag-phase\">Beta</strong> <span>Neu &amp; unfertig</span>"))
        let plain = try InlineSite(["site.yml": "title: VCC\n", "content/a.md": "# A\n"])
        defer { plain.remove() }
        let bare = try #require(try plain.build().text("index.html"))
        #expect(!bare.contains("site-notice") && !bare.contains("phase-banner"))
        let linked = try InlineSite(["site.yml": "phase: {label: Beta, text: Neu., link: \"mailto:a@example.org\", link_text: Schreiben Sie uns}\n",
                                     "content/a.md": "# A\n"])
        defer { linked.remove() }
        #expect(try linked.build().text("index.html")?.contains("<span>Neu. <a href=\"mailto:a@example.org\">Schreiben Sie uns</a></span>") == true)
        let wrong = try InlineSite(["site.yml": "phase: Beta\nnotice: [a, b]\n", "content/a.md": "# A\n"])
        defer { wrong.remove() }
        let errors = try wrong.build().errors
        #expect(errors.contains { $0.location.line == 1 && $0.message.contains("`phase` braucht `label`") })
        #expect(errors.contains { $0.location.line == 2 && $0.message.contains("`notice`") })
    }

    @Test("logo: {hell, dunkel} shows the dark variant in dark mode")
    func darkLogo() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>"
        let site = try InlineSite(["site.yml": "title: VCC\nlogo: {hell: l.svg, dunkel: d.svg}\n", "l.svg": svg, "d.svg": svg, "content/a.md": "# A\n"])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.isEmpty, "\(built.errors)")
        let home = try #require(built.text("index.html"))
        let folder = try #require(home.range(of: "/assets/")).upperBound
        let fingerprint = String(home[folder...].prefix(12))
        #expect(home.contains("<source srcset=\"/assets/\(fingerprint)/logo-dunkel.svg\" media=\"(prefers-color-scheme: dark)\"><img class=\"site-logo\" src=\"/assets/\(fingerprint)/logo.svg\""))
        #expect(built.files["assets/\(fingerprint)/logo-dunkel.svg"] != nil)
        let half = try InlineSite(["site.yml": "logo: {dunkel: d.svg}\n", "d.svg": svg, "content/a.md": "# A\n"])
        defer { half.remove() }
        #expect(try half.build().errors.contains { $0.message.contains("`logo` braucht `hell`") })
    }
}
