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
}
