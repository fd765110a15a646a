import MarkdownRendering
import SiteModel
import Testing

/// One parse serves every use of a body: HTML twice with different links, the outline, and edits
/// of the Markdown itself at the places the syntax tree gives.
@Suite("One parse of a Markdown body")
struct ParsedMarkdownTests {
    let renderer = MarkdownRenderer()

    func source(_ markdown: String) -> MarkdownSource {
        renderer.parse(markdown, file: "t.md") { $0.source }
    }

    @Test("one tree renders twice with different links, each time as a fresh parse would, title and heading ids included")
    func renderTwice() {
        let markdown = "# Titel\n\n## Ziele\n\nSiehe [Plan](plan.md) und ![Bild](b.png).\n\n## Ziele\n"
        let relative: (String) -> LinkResolution = { .rewritten("/kb/" + $0, anchorCheck: nil) }
        let absolute: (String) -> LinkResolution = { .rewritten("https://example.org/" + $0, anchorCheck: nil) }
        let log = MarkdownParseLog()
        let once = MarkdownRenderer(parseLog: log).parse(markdown, file: "t.md") { parsed in
            (parsed.render(titleToDrop: "Titel", resolveLink: relative).html, parsed.render(titleToDrop: "Titel", resolveLink: absolute).html,
             parsed.render(resolveLink: { _ in .unchanged }).html, parsed.outline(titleToDrop: "Titel") { "x/" + $0 })
        }
        #expect(log.parses(of: "t.md") == 1)
        #expect(once.0 == renderer.render(markdown, file: "t.md", titleToDrop: "Titel", resolveLink: relative).html)
        #expect(once.1 == renderer.render(markdown, file: "t.md", titleToDrop: "Titel", resolveLink: absolute).html)
        #expect(once.1.contains("href=\"https://example.org/plan.md\"") && once.1.contains("<h2 id=\"ziele-2\">"))
        #expect(once.2 == renderer.render(markdown, file: "t.md") { _ in .unchanged }.html, "the title is back in the tree")
        #expect(once.3 == MarkdownOutline.blocks(of: markdown, titleToDrop: "Titel") { "x/" + $0 })
    }

    @Test("destinations are replaced where the links are; the same text in a code span or code block stays as written")
    func replaceInPlace() {
        let markdown = """
            Siehe [a](x.md) und `[b](x.md)`, [c](<x.md> "Titel") und ![d](x.md).

            ```
            [e](x.md)
            ```

            > Zitat
            weiter [f](x.md) hier
            - Liste
               mehr [g](x.md)
            1. eins
               [lang
               er](x.md) [h](a\\)b.md)
            """
        let replaced = source(markdown).replacingDestinations { $0.destination == "x.md" ? "https://e.org/x/" : nil }
        #expect(replaced == markdown.replacingOccurrences(of: "[a](x.md)", with: "[a](https://e.org/x/)")
            .replacingOccurrences(of: "[c](<x.md>", with: "[c](<https://e.org/x/>")
            .replacingOccurrences(of: "![d](x.md)", with: "![d](https://e.org/x/)")
            .replacingOccurrences(of: "[f](x.md)", with: "[f](https://e.org/x/)")
            .replacingOccurrences(of: "[g](x.md)", with: "[g](https://e.org/x/)")
            .replacingOccurrences(of: "er](x.md)", with: "er](https://e.org/x/)"))
        #expect(source(markdown).links.map(\.destination) == ["x.md", "x.md", "x.md", "x.md", "x.md", "x.md", "a)b.md"])
    }

    @Test("without links keeps each link's text: inline, reference, image, image in a link; code spans and autolinks stay")
    func withoutLinks() {
        let markdown = """
            [a *b*](x.md) `[c](y.md)` [d][r] [e] [f][] ![g](p.png) [![h](l.png)](z.md) <https://x.org> [i [j] k](m.md)

            [r]: r.md
            [e]: e.md
            [f]: f.md
            """
        #expect(source(markdown).withoutLinks == """
            a *b* `[c](y.md)` d e f g h <https://x.org> i [j] k

            [r]: r.md
            [e]: e.md
            [f]: f.md
            """)
    }

    @Test("each link knows its line in the file")
    func linkLines() {
        let lines = renderer.parse("Text\n\n> [a](a.md)\n\nb\n[c](c.md)", file: "t.md", firstLine: 10) { $0.source.links.map(\.location.line) }
        #expect(lines == [12, 15])
    }
}
