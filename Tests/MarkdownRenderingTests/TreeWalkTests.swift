import CCmarkGFM
@testable import MarkdownRendering
import Testing

/// Notice boxes are found by a walk over blocks only; it must meet every quote the full walk meets.
@Suite("Walks of the syntax tree")
struct TreeWalkTests {
    static let markdown = """
        # Titel

        > Ein Zitat mit **fett** und [Link](https://example.org).
        >
        > > Ein Zitat im Zitat.
        > > - mit Liste
        > >   > und Zitat im Listenpunkt

        - Punkt eins
          > [!HINWEIS]
          > Hinweis in einer Liste.
        - Punkt zwei
          1. innen
             > tief innen

        | a | b |
        |---|---|
        | > kein | Zitat |

        Text mit Fußnote[^1].

        [^1]: Die Fußnote.

            > Zitat in der Fußnote (eingerückt)

        ```
        > im Codeblock
        ```

        <div>
        > HTML
        </div>

        Letzter Absatz.
        """

    @Test("the block walk enters the same blocks in the same order as the full walk, and no inline node")
    func blocksInOrder() {
        MarkdownRenderer.withSyntaxTree(of: Self.markdown) { root in
            var all: [(OpaquePointer, cmark_node_type)] = []
            TreeWalk.forEachNode(under: root) { all.append(($0, $1)) }
            var blocks: [OpaquePointer] = []
            TreeWalk.forEachBlock(under: root) { node, _ in blocks.append(node) }
            // Every block the full walk meets outside paragraphs, headings and tables.
            func isInsideLeaf(_ node: OpaquePointer) -> Bool {
                var parent = cmark_node_parent(node)
                while let current = parent {
                    let type = cmark_node_get_type(current)
                    if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { return true }
                    if let name = cmark_node_get_type_string(current), String(cString: name) == "table" { return true }
                    parent = cmark_node_parent(current)
                }
                return false
            }
            let expected = all.filter { !isInsideLeaf($0.0) }.map(\.0)
            #expect(blocks == expected)
            let quotes = all.filter { $0.1 == CMARK_NODE_BLOCK_QUOTE }.count
            // Six: the indented line continues the footnote; the table cell, fenced code and HTML block hold none.
            #expect(quotes == 6)
            #expect(blocks.filter { cmark_node_get_type($0) == CMARK_NODE_BLOCK_QUOTE }.count == quotes)
            #expect(!blocks.contains { cmark_node_get_type($0) == CMARK_NODE_TEXT })
        }
    }

    @Test("only the extension's blocks (the table) count as extension blocks, no core or inline node")
    func extensionBlocks() {
        MarkdownRenderer.withSyntaxTree(of: Self.markdown) { root in
            var named: [String] = []
            TreeWalk.forEachNode(under: root) { node, type in
                if SilentLossCheck.isExtensionBlock(type) { named.append(String(cString: cmark_node_get_type_string(node))) }
            }
            // The table, its rows and its cells: the table extension's node types are all blocks.
            #expect(named.first == "table")
            #expect(Set(named).isSubset(of: ["table", "table_header", "table_row", "table_cell"]))
            #expect(named.count == 7)  // table, header row, 2 cells, row, 2 cells
        }
        for core in [CMARK_NODE_DOCUMENT, CMARK_NODE_PARAGRAPH, CMARK_NODE_FOOTNOTE_DEFINITION, CMARK_NODE_TEXT, CMARK_NODE_FOOTNOTE_REFERENCE] {
            #expect(!SilentLossCheck.isExtensionBlock(core))
        }
    }

    @Test("a table row with more cells than the header is reported, at the first dropped cell")
    func extraCells() {
        let rendered = MarkdownRenderer().renderChecked("Text\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", file: "content/t.md", firstLine: 3) { _ in .unchanged }
        let errors = rendered.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("Die Zeile hat 3 Zellen, die Kopfzeile nur 2") == true)
        #expect(errors.first?.location.line == 7)
    }

    @Test("only paragraphs with a tab, | or ] are looked at closely; the others have no findings")
    func paragraphPrefilter() {
        let cases: [(String, Bool)] = [
            // A link that parsed leaves no `]` in the text; one broken by a space does.
            ("Ein Absatz mit **fett** und [Link](https://example.org).", false),
            ("Siehe [Bericht](mein bericht.pdf).", true),
            ("Ein ganz gewöhnlicher Absatz\nüber zwei Zeilen.", false),
            ("a\tb\nc\td", true),
            ("| a | b |\n| 1 | 2 |", true),
            ("Nur *Betonung* und `Code`.", false),
        ]
        for (markdown, expected) in cases {
            MarkdownRenderer.withSyntaxTree(of: markdown) { root in
                guard let paragraph = cmark_node_first_child(root) else { return }
                #expect(SilentLossCheck.mayHaveFindings(paragraph) == expected, "\(markdown)")
            }
        }
    }

    @Test("spaces are cut from headings as Characters would be, also next to combining marks")
    func trimmedHeadings() {
        let samples = ["  Ziele  ", "Ziele", "   ", "", " \u{0308}a ", "a\u{0600} ", " Über ", "§ 1 ", " x\u{0301} "]
        for sample in samples {
            #expect(SyntaxTreeWalker.trimmingSpaces(Array(sample.utf8)) == sample.trimmingSpaces(), "\(sample.debugDescription)")
        }
    }
}
