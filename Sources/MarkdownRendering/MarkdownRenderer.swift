import CCmarkGFM
import CMarkArena
import Foundation
import SiteModel

/// Renders GFM Markdown (tables, strikethrough, autolinks, task lists, footnotes) to HTML with cmark-gfm.
///
/// Headings get German slugs as ids, links go through a resolver, and the plain text is collected
/// per section for the search index, all in one walk over the syntax tree.
public struct MarkdownRenderer: Sendable {
    /// Raw HTML in the Markdown is passed through only when this is true (GFM's tag filter still applies).
    public var allowsRawHTML: Bool
    /// Told of every parse, for tests that count them; nil in a real build.
    public var parseLog: MarkdownParseLog?

    public init(allowsRawHTML: Bool = false, parseLog: MarkdownParseLog? = nil) {
        self.allowsRawHTML = allowsRawHTML
        self.parseLog = parseLog
    }

    // cmark-gfm keeps its extension registry in a global; registering once before the first parse
    // is the documented way to use it from several threads.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    // cmark-gfm 0.29 parses inlines against a global table of special characters, which every
    // parser fills with its extensions' characters when it starts and clears when it is done. Two
    // parsers finishing at once clear each other's characters, and autolinks or strikethrough then
    // vanish at random (seen as builds of the laws that were not byte-identical). So only the
    // inline phase (`cmark_parser_finish`) runs one at a time; reading blocks and rendering do not.
    private static let inlineParsing = NSLock()

    /// cmark's allocator callbacks for the arena; nodes keep a pointer to it, so it lives forever.
    nonisolated(unsafe) private static let arenaMemory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(calloc: vcc_arena_calloc, realloc: vcc_arena_realloc, free: vcc_arena_free))
        return memory
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Renders `markdown`, whose first line is line `firstLine` of `file`.
    ///
    /// - Parameters:
    ///   - titleToDrop: a leading `# heading` with this text is removed, because the layout shows the title.
    ///   - resolveLink: decides what every link and image destination becomes.
    public func render(
        _ markdown: String, file: String, firstLine: Int = 1, titleToDrop: String? = nil, embedding: FencedBlockEmbedding? = nil,
        resolveLink: (String) -> LinkResolution
    ) -> RenderedMarkdown {
        parse(markdown, file: file, firstLine: firstLine) {
            $0.render(titleToDrop: titleToDrop, restoring: false, embedding: embedding, resolveLink: resolveLink)
        }
    }

    /// Renders `markdown` like ``render(_:file:firstLine:titleToDrop:resolveLink:)`` and adds the
    /// findings of ``MarkdownQualityCheck`` (alt text, heading levels, link texts) as warnings,
    /// from the same parse.
    public func renderChecked(
        _ markdown: String, file: String, firstLine: Int = 1, titleToDrop: String? = nil, embedding: FencedBlockEmbedding? = nil,
        resolveLink: (String) -> LinkResolution
    ) -> RenderedMarkdown {
        parse(markdown, file: file, firstLine: firstLine) { parsed in
            parsed.render(titleToDrop: titleToDrop, restoring: false, embedding: embedding, checksQuality: true, resolveLink: resolveLink)
        }
    }

    /// Parses `markdown` once and hands the syntax tree to `body`, which may render it, outline it
    /// and read its links as often as it needs; the tree is freed when `body` returns.
    ///
    /// A tree holds about ten times its text in memory, so no tree outlives the call: pages are
    /// rendered in parallel, and keeping 6,000 laws' trees would multiply a build's peak memory.
    public func parse<T>(_ markdown: String, file: String, firstLine: Int = 1, _ body: (ParsedMarkdown) -> T) -> T {
        _ = Self.registered
        parseLog?.record(file)
        var options = CMARK_OPT_FOOTNOTES
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        // The tree's memory comes from an arena released in one go after the tree is freed (the
        // outermost defer); a parse inside another parse on this thread uses cmark's own allocator.
        let usesArena = vcc_arena_begin() == 1
        defer { if usesArena { vcc_arena_end() } }
        guard let parser = usesArena ? cmark_parser_new_with_mem(options, Self.arenaMemory) : cmark_parser_new(options) else {
            preconditionFailure("cmark_parser_new failed")
        }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        let tables = TableSizeGuard(markdown: markdown, file: file, firstLine: firstLine)
        var source = tables.markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = Self.inlineParsing.withLock({ cmark_parser_finish(parser) }) else {
            preconditionFailure("cmark_parser_finish failed")
        }
        defer { cmark_node_free(root) }
        let parsed = ParsedMarkdown(
            root: root, markdown: markdown, file: file, firstLine: firstLine, options: options,
            extensions: cmark_parser_get_syntax_extensions(parser), tables: tables,
            memory: usesArena ? Self.arenaMemory : cmark_get_default_mem_allocator())
        return body(parsed)
    }

    /// Parses `markdown` with the site's extensions and hands the syntax tree to `body`; the tree
    /// lives only during the call.
    static func withSyntaxTree<T>(of markdown: String, _ body: (OpaquePointer) -> T) -> T {
        MarkdownRenderer().parse(markdown, file: "") { body($0.root) }
    }
}
