import MarkdownRendering
import SiteModel
import Testing
import ParallelSteps

@Suite("Markdown rendering")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    func render(_ markdown: String, resolve: (String) -> LinkResolution = { _ in .unchanged }) -> RenderedMarkdown {
        renderer.render(markdown, file: "content/test.md", firstLine: 5, resolveLink: resolve)
    }

    @Test("headings get German slugs as ids, and repeated headings get a number")
    func headingIDs() {
        let result = render("## Übersicht & Ziele\n\n## Straße\n\n## Übersicht & Ziele\n")
        #expect(result.headings.map(\.id.rawValue) == ["uebersicht-ziele", "strasse", "uebersicht-ziele-2"])
        #expect(result.html.contains("<h2 id=\"uebersicht-ziele\">Übersicht &amp; Ziele</h2>"))
        #expect(result.html.contains("<h2 id=\"uebersicht-ziele-2\">"))
    }

    @Test("pages rendered on several threads at once keep their autolinks and strikethrough")
    func concurrentRendering() {
        // cmark-gfm's inline parser shares one table of special characters between all parsers.
        let markdown = String(repeating: "Text mit ~~alt~~ und www.example.org und mehr Text.\n\n", count: 40)
        let outputs = Array(0..<400).concurrentMap { _ in MarkdownRenderer().render(markdown, file: "x.md") { _ in .unchanged }.html }
        let broken = outputs.filter { $0.components(separatedBy: "<del>").count != 41 || $0.components(separatedBy: "<a href=").count != 41 }
        #expect(broken.count == 0, "renderings that lost autolinks or strikethrough")
    }

    @Test("GFM tables, strikethrough, autolinks, task lists and footnotes render")
    func gfmExtensions() {
        let markdown = """
        | a | b |
        |:--|--:|
        | 1 | 2 |

        ~~alt~~ und www.example.org

        - [x] fertig
        - [ ] offen

        Text[^1]

        [^1]: Fußnote
        """
        let html = render(markdown).html
        #expect(html.contains("<table>"))
        #expect(html.contains("class=\"align-right\""))
        #expect(!html.contains("align=\""), "obsolete align attributes must be replaced")
        #expect(html.contains("<del>alt</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
        #expect(html.contains("Erledigt: "))
        #expect(html.contains("Offen: "))
        #expect(!html.contains("<input"), "task boxes are shown as text, not unlabelled inputs")
        #expect(html.contains("class=\"footnotes\""))
        #expect(html.contains("Zurück zum Text"))
    }

    @Test("raw HTML is dropped unless the site allows it")
    func rawHTML() {
        let markdown = "<script>alert(1)</script>\n\nText <b onclick=\"x()\">fett</b>\n"
        let safe = render(markdown).html
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("onclick"))
        let allowed = MarkdownRenderer(allowsRawHTML: true).render(markdown, file: "t.md") { _ in .unchanged }.html
        #expect(allowed.contains("<b onclick"))
        #expect(!allowed.contains("<script>"), "GFM's tag filter still disarms script tags")
    }

    @Test("text in code and in links is escaped")
    func escaping() {
        let html = render("`<img src=x onerror=alert(1)>` and [x](javascript:alert(1))").html
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("href=\"javascript:"), "cmark drops unsafe link schemes")
    }

    @Test("link destinations go through the resolver; broken ones are errors at their line")
    func linkResolution() {
        let result = render("Erste Zeile\n\nSiehe [A](a.md) und [B](b.md).\n") { url in
            url == "a.md" ? .rewritten("/a/", anchorCheck: nil) : .broken(message: "kaputt", hint: "reparieren")
        }
        #expect(result.html.contains("<a href=\"/a/\">A</a>"))
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.line == 7, "line 3 of the body is line 7 of the file")
        #expect(result.diagnostics.first?.message == "kaputt")
    }

    @Test("plain text is collected per section for search")
    func sections() {
        let result = render("Vorwort hier.\n\n## Ziele\n\nErstes Ziel.\n\n- Punkt eins\n- Punkt zwei\n")
        #expect(result.sections.count == 2)
        #expect(result.sections[0].heading == nil)
        #expect(result.sections[0].text == "Vorwort hier.")
        #expect(result.sections[1].heading?.text == "Ziele")
        #expect(result.sections[1].text.contains("Erstes Ziel. Punkt eins Punkt zwei"))
    }

    @Test("a leading heading equal to the title is dropped, others stay")
    func titleHeading() {
        let dropped = renderer.render("# Titel\n\nText", file: "t.md", titleToDrop: "Titel") { _ in .unchanged }
        #expect(!dropped.html.contains("<h1"))
        let kept = renderer.render("# Anderes\n\nText", file: "t.md", titleToDrop: "Titel") { _ in .unchanged }
        #expect(kept.html.contains("<h1 id=\"anderes\">"))
    }
}

@Suite("Slugs")
struct SlugTests {
    @Test("German text becomes ASCII slugs", arguments: [
        ("Übersicht & Ziele", "uebersicht-ziele"),
        ("Straße der Einheit", "strasse-der-einheit"),
        ("Öffentliche Ämter", "oeffentliche-aemter"),
        ("  --KI!! im   Amt-- ", "ki-im-amt"),
        ("Café Crème", "cafe-creme"),
        ("§ 3 Absatz 2", "3-absatz-2"),
    ])
    func slug(input: String, expected: String) {
        #expect(Slug(input).rawValue == expected)
    }
}
