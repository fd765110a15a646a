import CCmarkGFM
import Foundation
public import SiteModel

/// One Markdown body as cmark-gfm parsed it, for everything a build makes of the body: the page's
/// HTML, a package's HTML with other links, the outline for OpenDocument, and the links with
/// their places in the text.
///
/// Valid only inside ``MarkdownRenderer/parse(_:file:firstLine:_:)``, which frees the tree when its
/// closure returns: keep what it returns (all values), never the `ParsedMarkdown` itself.
public struct ParsedMarkdown {
    let root: OpaquePointer
    /// The text as given, before ``TableSizeGuard`` took oversized tables apart; link positions
    /// refer to it (the guard only adds a `\` before a table's delimiter row, which holds no link).
    let markdown: String
    let file: String
    let firstLine: Int
    let options: Int32
    let extensions: UnsafeMutablePointer<cmark_llist>?
    let tables: TableSizeGuard
    /// The allocator the tree was built with; nodes added to it must come from the same one (cmark
    /// refuses to link nodes of different allocators).
    let memory: UnsafeMutablePointer<cmark_mem>

    /// What compiles but hurts readers (see ``MarkdownQualityCheck``), read from this tree before
    /// it is rendered, so the build reports it without parsing the body again.
    public func qualityFindings() -> [Diagnostic] {
        MarkdownQualityCheck.findings(root: root, file: file, firstLine: firstLine)
    }

    /// The HTML with headings given ids and every destination passed through `resolveLink`.
    ///
    /// Leaves the tree as it found it, so it can be rendered again with another resolver.
    /// - Parameter titleToDrop: a leading `# heading` with this text is left out (the layout shows the title).
    /// - Parameter embedding: what fenced blocks of its info word become (charts); nil leaves them code.
    public func render(titleToDrop: String? = nil, embedding: FencedBlockEmbedding? = nil,
                       resolveLink: (String) -> LinkResolution) -> RenderedMarkdown {
        render(titleToDrop: titleToDrop, restoring: true, embedding: embedding, resolveLink: resolveLink)
    }

    /// `restoring: false` leaves the tree changed, for a tree rendered once and then freed.
    /// `checksQuality` adds ``qualityFindings()`` at the end of the diagnostics, found in the same walk
    /// as the silent-loss check.
    func render(titleToDrop: String?, restoring: Bool, embedding: FencedBlockEmbedding? = nil, checksQuality: Bool = false,
                resolveLink: (String) -> LinkResolution) -> RenderedMarkdown {
        // The walker must not outlive this call, so only its results leave the closure.
        // Before the walk, which takes the title out of the tree: it counts as the page's one `# H1`.
        let (silentLosses, quality) = checks(includingQuality: checksQuality)
        // After the checks, which read the quotes as written; before the walk, which takes the text.
        var notices = NoticeBoxes(file: file, lineOffset: firstLine - 1, memory: memory)
        notices.keepsOriginals = restoring
        notices.rewrite(under: root)
        // Only a body that mentions the info word is searched for its blocks, so sites without
        // data sets (no embedding) and pages without charts pay nothing.
        var embedded = embedding.flatMap { markdown.contains($0.info) ? EmbeddedBlocks(embedding: $0, file: file, lineOffset: firstLine - 1, memory: memory) : nil }
        embedded?.keepsOriginals = restoring
        embedded?.rewrite(under: root)
        return withoutActuallyEscaping(resolveLink) { resolve in
            var walker = SyntaxTreeWalker(file: file, lineOffset: firstLine - 1, memory: memory, resolveLink: resolve)
            walker.keepsOriginals = restoring
            walker.walk(root, titleToDrop: titleToDrop)
            walker.replaceHeadings(options: options, extensions: extensions)
            // Into memory of the system allocator (not the tree's arena), which `free` gives back.
            guard let cString = cmark_render_html_with_mem(root, options, extensions, cmark_get_default_mem_allocator()) else {
                preconditionFailure("cmark_render_html failed")
            }
            let html = HTMLPostProcessing.apply(to: cString, wrappingTables: tables.containsTables)
            free(cString)
            walker.restore(root)
            notices.restore()
            embedded?.restore()
            return RenderedMarkdown(htmlBytes: html, headings: walker.headings, sections: walker.sections,
                                    diagnostics: tables.diagnostics + silentLosses + notices.diagnostics + (embedded?.diagnostics ?? []) + walker.diagnostics + quality,
                                    anchoredLinks: walker.anchoredLinks)
        }
    }

    /// The silent-loss findings and, when asked for, the quality findings, in one walk of the tree.
    private func checks(includingQuality: Bool) -> (silentLosses: [Diagnostic], quality: [Diagnostic]) {
        let silentLoss = SilentLossCheck(file: file, lineOffset: firstLine - 1, markdown: markdown, allowsRawHTML: options & CMARK_OPT_UNSAFE != 0)
        var state = SilentLossCheck.State()
        guard includingQuality else {
            TreeWalk.forEachNode(under: root) { silentLoss.visit($0, type: $1, state: &state) }
            return (state.found, [])
        }
        var quality = MarkdownQualityCheck.Visitor(file: file, firstLine: firstLine)
        TreeWalk.forEachNode(under: root) { node, type in
            silentLoss.visit(node, type: type, state: &state)
            quality.visit(node, type: type)
        }
        return (state.found, quality.found)
    }

    /// The body as blocks for formats other than HTML (see ``MarkdownOutline``), each destination
    /// replaced by `resolve(destination)`; fenced blocks of `embedding`'s info word become what its
    /// `outline` makes of them (a chart's title and table).
    public func outline(titleToDrop: String? = nil, embedding: FencedBlockEmbedding? = nil, resolve: (String) -> String) -> [ReuseBlock] {
        MarkdownOutline.blocks(of: root, titleToDrop: titleToDrop, fences: embedding, resolve: resolve)
    }

    /// The text with its links' places, to edit links in the Markdown itself once the tree is gone.
    public var source: MarkdownSource {
        MarkdownSource(text: markdown, links: LinkLocator(markdown: markdown, file: file, firstLine: firstLine).links(under: root))
    }
}
