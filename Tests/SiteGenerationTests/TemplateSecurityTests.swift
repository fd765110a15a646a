import Foundation
import SiteGeneration
import SiteModel
import Templating
import Testing
import TestSupport

/// Issue 22: templates are checked like content. What the site's CSP (`default-src 'self'`) would
/// block, or what would ask another server, is an error at the template's line.
@Suite("Templates under the content security policy")
struct TemplateSecurityTests {
    @Test("inline scripts, style blocks and attributes, event handlers and resources from other hosts are errors at their lines")
    func checkedLikeContent() throws {
        let theme = try #require(BuiltInTheme.files().first { $0.path == "layouts/page.mustache" })
        let page = String(decoding: theme.contents, as: UTF8.self).replacingOccurrences(of: "{{/main}}", with: """
        <script>alert(1)</script>
        <style>p { color: red }</style>
        <p style="color: red">Rot</p>
        <button onclick="los()">Los</button>
        <img src="https://cdn.example.com/logo.png" alt="Logo">
        <link rel="stylesheet" href="https://fonts.example.com/font.css">
        <a href="https://www.example.com/">Ein Link ist erlaubt</a>
        <script type="application/ld+json">{}</script>
        <script type="module" src="{{site.assets}}/eigen.js"></script>
        {{/main}}
        """)
        let site = try InlineSite(["content/ueber.md": "---\ntitle: Über\n---\nText.\n", "templates/layouts/page.mustache": page])
        defer { site.remove() }
        let built = try site.build()
        let errors = built.errors.filter { $0.location.file == "templates/layouts/page.mustache" }
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of text: String) -> Int { (lines.firstIndex { $0.contains(text) } ?? -1) + 1 }
        for (text, message) in [("<script>alert", "Skript direkt im HTML"), ("<style>", "`<style>`-Block"), ("<p style", "`style`-Attribut"),
                                ("onclick", "Ereignis-Handler `onclick`"), ("cdn.example.com", "von einem anderen Server"),
                                ("fonts.example.com", "von einem anderen Server")] {
            #expect(errors.contains { $0.location.line == line(of: text) && $0.message.contains(message) }, "no error for \(text)")
        }
        #expect(errors.count == 6, "links, JSON-LD blocks and scripts from the site's assets are fine: \(errors.map(\.message))")
    }

    @Test("the built-in theme passes its own check")
    func builtInThemeIsClean() {
        let (_, problems) = TemplateSet.load(siteTemplates: nil)
        #expect(problems.isEmpty, "\(problems)")
    }
}
