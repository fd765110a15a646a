import CCmarkGFM
import Foundation
import SiteModel

/// Turns every quote whose first line is a notice marker (see ``NoticeMarker``) into a notice box:
///
///     <div class="notice notice-warning" role="note">
///     <p class="notice-title">Warnung</p>
///     …the quote's other content, rendered by cmark…
///     </div>
///
/// The quote is swapped for a custom block that takes over its children; the marker line is
/// unlinked, so its text reaches neither the page nor the search text nor the description. A
/// title from the marker line goes into a text node, which cmark escapes like any text; the
/// default title (the kind's German name) is vcc's own markup and, like the marker, no page text.
///
/// Runs after the checks that read the tree as parsed and before ``SyntaxTreeWalker``; every change
/// is undone by ``restore()``, so the tree can be rendered again.
struct NoticeBoxes {
    let file: String
    let lineOffset: Int
    /// Whether ``restore()`` will be called; a tree rendered once frees what it takes out at once.
    var keepsOriginals = true

    private(set) var diagnostics: [Diagnostic] = []
    private var rewritten: [Rewrite] = []

    /// One quote made a box, with what is needed to put it back.
    private struct Rewrite {
        let quote: OpaquePointer
        let box: OpaquePointer
        let paragraph: OpaquePointer
        /// The block holding the title from the marker line; nil for the kind's name, which is markup.
        let titleBlock: OpaquePointer?
        let lineNodes: [OpaquePointer]
        /// The first paragraph held only the marker line and was taken out of the box.
        let paragraphRemoved: Bool
    }

    /// The tree's allocator, for the nodes this adds (cmark links only nodes of one allocator).
    private let memory: UnsafeMutablePointer<cmark_mem>

    init(file: String, lineOffset: Int, memory: UnsafeMutablePointer<cmark_mem> = cmark_get_default_mem_allocator()) {
        self.file = file
        self.lineOffset = lineOffset
        self.memory = memory
    }

    /// Rewrites every marked quote under `root`, quotes in lists and in other quotes included.
    mutating func rewrite(under root: OpaquePointer) {
        // Collected first: cmark's iterator must not see the tree change under it.
        var quotes: [OpaquePointer] = []
        TreeWalk.forEachBlock(under: root) { node, type in
            if type == CMARK_NODE_BLOCK_QUOTE { quotes.append(node) }
        }
        for quote in quotes {
            switch NoticeMarker.read(quote) {
            case .notice(let kind, let title, let lineNodes, let hasBody)?:
                if !hasBody {
                    diagnostics.append(.warning(
                        at: location(of: lineNodes[0]), "Der Hinweiskasten `[!\(kind.germanMarker)]` hat keinen Text.",
                        hint: "Schreibe den Text in die Zeilen darunter, jede mit `> ` am Anfang, zum Beispiel:\n    > [!\(kind.germanMarker)]\n    > Der Antrag braucht eine Unterschrift."))
                }
                makeBox(of: quote, kind: kind, title: title, lineNodes: lineNodes)
            case .unknown(let marker, let node)?:
                diagnostics.append(.warning(
                    at: location(of: node), "`[!\(marker)]` ist kein bekannter Hinweistyp; möglich sind \(NoticeKind.knownMarkers). Der Abschnitt erscheint als Zitat mit `[!\(marker)]` im Text.",
                    hint: "Nimm einen der genannten Hinweistypen, zum Beispiel `> [!HINWEIS]`, oder schreibe `\\[!\(marker)]`, wenn ein Zitat gemeint ist."))
            case nil:
                continue
            }
        }
    }

    private mutating func makeBox(of quote: OpaquePointer, kind: NoticeKind, title: String?, lineNodes: [OpaquePointer]) {
        // The kind's name is part of the box's opening markup: no block, so no text for the walker.
        let opening = "<div class=\"notice \(kind.cssClass)\" role=\"note\">"
            + (title == nil ? "\n<p class=\"notice-title\">\(kind.title)</p>" : "")
        guard let paragraph = cmark_node_first_child(quote), let box = customBlock(enter: opening, exit: "</div>") else { return }
        let titleBlock = title.flatMap(titleBlock)
        if let titleBlock { cmark_node_append_child(box, titleBlock) }
        for node in lineNodes { cmark_node_unlink(node) }
        let paragraphRemoved = cmark_node_first_child(paragraph) == nil
        if paragraphRemoved { cmark_node_unlink(paragraph) }
        // cmark refuses a child it cannot take (returns 0): stop rather than try it forever.
        while let child = cmark_node_first_child(quote), cmark_node_append_child(box, child) == 1 {}
        cmark_node_insert_before(quote, box)
        cmark_node_unlink(quote)
        if keepsOriginals {
            rewritten.append(Rewrite(quote: quote, box: box, paragraph: paragraph, titleBlock: titleBlock, lineNodes: lineNodes, paragraphRemoved: paragraphRemoved))
        } else {
            for node in lineNodes { cmark_node_free(node) }
            if paragraphRemoved { cmark_node_free(paragraph) }
            cmark_node_free(quote)
        }
    }

    /// `<p class="notice-title">…</p>` around the author's title, as a text node that cmark escapes.
    private func titleBlock(_ title: String) -> OpaquePointer? {
        // A custom block writes a line break after its opening markup; a custom inline does not.
        guard let block = customBlock(enter: "", exit: ""), let inline = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, memory),
              let text = cmark_node_new_with_mem(CMARK_NODE_TEXT, memory) else { return nil }
        cmark_node_set_on_enter(inline, "<p class=\"notice-title\">")
        cmark_node_set_on_exit(inline, "</p>")
        cmark_node_set_literal(text, title)
        cmark_node_append_child(inline, text)
        cmark_node_append_child(block, inline)
        return block
    }

    private func customBlock(enter: String, exit: String) -> OpaquePointer? {
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, memory) else { return nil }
        cmark_node_set_on_enter(block, enter)
        cmark_node_set_on_exit(block, exit)
        return block
    }

    /// Puts every rewritten quote back as the parser left it, the last rewritten first.
    mutating func restore() {
        for rewrite in rewritten.reversed() {
            cmark_node_insert_before(rewrite.box, rewrite.quote)
            var next = cmark_node_first_child(rewrite.box)
            while let child = next {
                next = cmark_node_next(child)
                if child != rewrite.titleBlock { cmark_node_append_child(rewrite.quote, child) }
            }
            if rewrite.paragraphRemoved { cmark_node_prepend_child(rewrite.quote, rewrite.paragraph) }
            for node in rewrite.lineNodes.reversed() { cmark_node_prepend_child(rewrite.paragraph, node) }
            cmark_node_free(rewrite.box)
        }
        rewritten.removeAll()
    }

    private func location(of node: OpaquePointer) -> SourceLocation {
        guard let start = NodeStart.of(node) else { return SourceLocation(file: file, line: lineOffset + 1) }
        return SourceLocation(file: file, line: start.line + lineOffset, column: start.column)
    }
}
