import MarkdownRendering
import SiteModel
import Testing

@Suite("Notice boxes from marked quotes")
struct NoticeBoxTests {
    let renderer = MarkdownRenderer()

    func render(_ markdown: String) -> RenderedMarkdown {
        renderer.renderChecked(markdown, file: "content/test.md", firstLine: 5) { _ in .unchanged }
    }

    @Test("each marker, German and GitHub's, makes its box with the German title", arguments: [
        ("HINWEIS", "NOTE", "notice-info", "Hinweis"),
        ("TIPP", "TIP", "notice-tip", "Tipp"),
        ("WICHTIG", "IMPORTANT", "notice-important", "Wichtig"),
        ("WARNUNG", "WARNING", "notice-warning", "Warnung"),
        ("VORSICHT", "CAUTION", "notice-caution", "Vorsicht"),
    ])
    func markers(german: String, english: String, cssClass: String, title: String) {
        for marker in [german, english] {
            let result = render("> [!\(marker)]\n> Der Antrag braucht eine *Unterschrift*.\n")
            #expect(result.html == """
                <div class="notice \(cssClass)" role="note">
                <p class="notice-title">\(title)</p>
                <p>Der Antrag braucht eine <em>Unterschrift</em>.</p>
                </div>

                """)
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test("markers are read whatever their case")
    func caseInsensitive() {
        for marker in ["hinweis", "Hinweis", "note", "nOtE"] {
            #expect(render("> [!\(marker)]\n> Text\n").html.hasPrefix("<div class=\"notice notice-info\" role=\"note\">\n"))
        }
    }

    @Test("the marker reaches neither the page text, nor the search text, nor the description")
    func markerIsNoText() {
        let result = render("> [!WARNUNG]\n> Vorsicht beim Löschen.\n>\n> - Punkt [Formular](https://example.org)\n")
        #expect(!result.html.contains("[!"))
        #expect(result.sections.map(\.text) == ["Vorsicht beim Löschen. Punkt Formular"])
        #expect(result.diagnostics.isEmpty, "no quality or silent-loss finding: \(result.diagnostics)")
        #expect(result.html.contains("<ul>\n<li>Punkt <a href=\"https://example.org\">Formular</a></li>\n</ul>\n</div>"))
    }

    @Test("a title after the marker replaces the German name and is escaped as text")
    func customTitle() {
        let result = render("> [!HINWEIS] Vor dem <script>alert(1)</script> & Start\n> Text\n")
        #expect(result.html.hasPrefix("""
            <div class="notice notice-info" role="note">
            <p class="notice-title">Vor dem &lt;script&gt;alert(1)&lt;/script&gt; &amp; Start</p>
            <p>Text</p>
            """))
        #expect(!result.html.contains("<script"))
        #expect(result.sections.first?.text == "Vor dem <script>alert(1)</script> & Start Text")
        #expect(result.diagnostics.isEmpty, "HTML in a title is shown as text, not dropped: \(result.diagnostics)")
    }

    @Test("a blank line after the marker keeps the body's paragraphs")
    func markerAlone() {
        let html = render("> [!TIPP]\n>\n> Erster Absatz.\n>\n> Zweiter Absatz.\n").html
        #expect(html == """
            <div class="notice notice-tip" role="note">
            <p class="notice-title">Tipp</p>
            <p>Erster Absatz.</p>
            <p>Zweiter Absatz.</p>
            </div>

            """)
    }

    @Test("an unknown marker stays a quote and is warned about at its place, naming the known markers")
    func unknownMarker() {
        let result = render("Text\n\n> [!FOO]\n> Inhalt\n")
        #expect(result.html.contains("<blockquote>\n<p>[!FOO]"))
        let warning = result.diagnostics.first
        #expect(result.diagnostics.count == 1)
        #expect(warning?.severity == .warning)
        #expect(warning?.location == SourceLocation(file: "content/test.md", line: 7, column: 3))
        #expect(warning?.message.contains("`[!FOO]` ist kein bekannter Hinweistyp; möglich sind [!HINWEIS], [!TIPP]") == true)
    }

    @Test("a box without text is rendered and warned about")
    func emptyNotice() {
        let result = render("> [!WICHTIG]\n")
        #expect(result.html.contains("<p class=\"notice-title\">Wichtig</p>\n</div>"))
        #expect(result.diagnostics.map(\.location.line) == [5])
        #expect(result.diagnostics.first?.message.contains("keinen Text") == true)
    }

    @Test("a marker that is not at the start of the quote, or glued to text, is text", arguments: [
        "> Text [!NOTE]\n> mehr\n", "> [!NOTE]Text\n", "> `[!NOTE]`\n> Text\n", "> *[!NOTE]*\n> Text\n", "[!NOTE]\nText\n",
    ])
    func notAMarker(markdown: String) {
        let result = render(markdown)
        #expect(!result.html.contains("notice"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test("a notice box in a list item, and one in another box, are boxes too")
    func nested() {
        let html = render("- Punkt\n\n  > [!NOTE]\n  > Innen\n\n> [!WARNUNG]\n> Außen\n>\n> > [!TIPP]\n> > Ganz innen\n").html
        #expect(html.contains("<li>\n<p>Punkt</p>\n<div class=\"notice notice-info\" role=\"note\">\n<p class=\"notice-title\">Hinweis</p>\n<p>Innen</p>\n</div>\n</li>"))
        #expect(html.contains("<p>Außen</p>\n<div class=\"notice notice-tip\" role=\"note\">\n<p class=\"notice-title\">Tipp</p>\n<p>Ganz innen</p>\n</div>\n</div>"))
        #expect(!html.contains("blockquote"))
    }

    @Test("headings in a box keep their anchors")
    func headingsInBox() {
        let result = render("> [!HINWEIS]\n> ## Fristen\n> Bis Ende März.\n")
        #expect(result.html.contains("<h2 id=\"fristen\">Fristen</h2>"))
        #expect(result.headings.map(\.id.rawValue) == ["fristen"])
    }

    @Test("a tree rendered twice gives the same box, and the outline shows it as a titled quote")
    func renderAgainAndOutline() {
        renderer.parse("> [!WARNUNG] Achtung\n> Text\n\n> [!TIPP]\n>\n> Mehr\n", file: "x.md") { parsed in
            let first = parsed.render { _ in .unchanged }.html
            let second = parsed.render { _ in .unchanged }.html
            #expect(first == second)
            #expect(first.contains("<p class=\"notice-title\">Achtung</p>"))
            #expect(parsed.outline { $0 } == [
                .quote([.paragraph([.strong([.text("Achtung")])]), .paragraph([.text("Text")])]),
                .quote([.paragraph([.strong([.text("Tipp")])]), .paragraph([.text("Mehr")])]),
            ])
            #expect(parsed.source.text.contains("[!WARNUNG]"), "the Markdown itself keeps the marker")
        }
    }

    @Test("deeply nested marked quotes neither crash nor hang")
    func hostileNesting() {
        let deep = String(repeating: "> [!NOTE]\n", count: 1) + String(repeating: "> ", count: 2000) + "[!TIPP]\n"
        let listed = String(repeating: "- > [!NOTE]\n  ", count: 300) + "x\n"
        for markdown in [deep, listed, "> [!" + String(repeating: "A", count: 100_000) + "]\n", "> [!]\n> [!\n"] {
            _ = render(markdown)
        }
    }
}
