import CCmarkGFM
import SiteModel

/// Swaps every fenced code block whose info word is the embedding's (see ``FencedBlockEmbedding``)
/// for a custom block carrying the markup vcc made from it. Runs before ``SyntaxTreeWalker``, so
/// the block's text reaches neither the page's search text nor its description; every change is
/// undone by ``restore()``, so the tree can be rendered again.
struct EmbeddedBlocks {
    let embedding: FencedBlockEmbedding
    let file: String
    let lineOffset: Int
    let memory: UnsafeMutablePointer<cmark_mem>
    /// Whether ``restore()`` will be called; a tree rendered once frees what it takes out at once.
    var keepsOriginals = true

    private(set) var diagnostics: [Diagnostic] = []
    private var rewritten: [(block: OpaquePointer, replacement: OpaquePointer)] = []

    init(embedding: FencedBlockEmbedding, file: String, lineOffset: Int, memory: UnsafeMutablePointer<cmark_mem>) {
        self.embedding = embedding; self.file = file; self.lineOffset = lineOffset; self.memory = memory
    }

    mutating func rewrite(under root: OpaquePointer) {
        // Collected first: cmark's iterator must not see the tree change under it.
        var blocks: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        // cmark_node_get_fenced writes the fence's length, offset and character through its pointers.
        var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
                  cmark_node_get_fenced(node, &length, &offset, &character) != 0, let info = cmark_node_get_fence_info(node),
                  String(cString: info).split(separator: " ").first.map(String.init)?.lowercased() == embedding.info else { continue }
            blocks.append(node)
        }
        cmark_iter_free(iterator)
        for (index, block) in blocks.enumerated() {
            let start = NodeStart.of(block) ?? (1, 1)
            let fence = SourceLocation(file: file, line: start.line + lineOffset, column: start.column)
            let literal = cmark_node_get_literal(block).map { String(cString: $0) } ?? ""
            let (html, problems) = embedding.embed(literal, fence, index + 1)
            diagnostics += problems
            guard let html, let replacement = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, memory) else { continue }
            cmark_node_set_on_enter(replacement, html)
            cmark_node_set_on_exit(replacement, "")
            cmark_node_insert_before(block, replacement)
            cmark_node_unlink(block)
            if keepsOriginals { rewritten.append((block, replacement)) } else { cmark_node_free(block) }
        }
    }

    /// Puts every block back as the parser left it.
    mutating func restore() {
        for (block, replacement) in rewritten.reversed() {
            cmark_node_insert_before(replacement, block)
            cmark_node_free(replacement)
        }
        rewritten.removeAll()
    }
}
