import CCmarkGFM
import Foundation
public import SiteModel

/// Markdown as a neutral tree of blocks and inlines (``ReuseBlock``), for formats other than the
/// site's HTML: the reuse package's OpenDocument text. Link destinations go through a resolver,
/// which makes links to other content absolute, as a package is read away from the site.
public enum MarkdownOutline {
    /// The blocks of `markdown`, with each link destination replaced by `resolve(destination)`.
    /// A leading `# heading` equal to `titleToDrop` is left out (the title is shown apart).
    public static func blocks(of markdown: String, titleToDrop: String? = nil, resolve: (String) -> String) -> [ReuseBlock] {
        MarkdownRenderer.withSyntaxTree(of: markdown) { blocks(of: $0, titleToDrop: titleToDrop, resolve: resolve) }
    }

    /// The blocks of the tree under `root` (see ``ParsedMarkdown/outline(titleToDrop:resolve:)``).
    static func blocks(of root: OpaquePointer, titleToDrop: String?, fences: FencedBlockEmbedding? = nil,
                       resolve: (String) -> String) -> [ReuseBlock] {
        withoutActuallyEscaping(resolve) { resolve in
            let walk = Walk(resolve: resolve, fences: fences)
            var blocks = children(of: root).flatMap { walk.blocks($0, depth: 0) }
            if let titleToDrop, case .heading(1, let inlines)? = blocks.first, plain(inlines) == titleToDrop { blocks.removeFirst() }
            return blocks
        }
    }

    /// One walk over a tree: how link destinations are resolved, and what fenced blocks of the
    /// embedding's info word become (a chart's title and table instead of its specification).
    fileprivate struct Walk {
        let resolve: (String) -> String
        let fences: FencedBlockEmbedding?

        func blocks(_ node: OpaquePointer, depth: Int) -> [ReuseBlock] {
            if typeName(node) == "code_block", let fences, let outline = fences.outline,
               let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }),
               info.split(separator: " ").first.map({ $0.lowercased() }) == fences.info, let replaced = outline(literal(node)) {
                return replaced
            }
            return block(node, resolve, depth: depth, walk: self).map { [$0] } ?? []
        }
    }

    fileprivate static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    fileprivate static func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    fileprivate static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Blocks nested deeper than this (quotes in lists in quotes …) become one paragraph of their
    /// text: the tree is walked recursively, and a hostile file nests thousands deep.
    static let maximumDepth = 48

    fileprivate static func block(_ node: OpaquePointer, _ resolve: (String) -> String, depth: Int, walk: Walk) -> ReuseBlock? {
        if depth > maximumDepth { return .paragraph([.text(flatText(of: node))]) }
        switch typeName(node) {
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node, resolve))
        case "paragraph": return .paragraph(inlines(of: node, resolve))
        case "block_quote": return quote(node, resolve, depth: depth, walk: walk)
        case "code_block": return .code(literal(node).hasSuffix("\n") ? String(literal(node).dropLast()) : literal(node))
        case "thematic_break": return .rule
        case "list":
            let items = children(of: node).map { item in children(of: item).flatMap { walk.blocks($0, depth: depth + 1) } }
            return cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                ? .orderedList(start: Int(cmark_node_get_list_start(node)), items) : .bulletList(items)
        case "table":
            let rows = children(of: node).map { row in children(of: row).map { inlines(of: $0, resolve) } }
            guard let header = rows.first else { return nil }
            return .table(header: header, rows: Array(rows.dropFirst()))
        case "footnote_definition":
            return .quote(children(of: node).flatMap { walk.blocks($0, depth: depth + 1) })
        default:
            return nil  // Raw HTML blocks are left out: a package holds text, not markup.
        }
    }

    /// A quote, or a notice box as a quote that starts with its title in bold (the marker line left out).
    private static func quote(_ node: OpaquePointer, _ resolve: (String) -> String, depth: Int, walk: Walk) -> ReuseBlock {
        guard case .notice(let kind, let title, let lineNodes, _)? = NoticeMarker.read(node) else {
            return .quote(children(of: node).flatMap { walk.blocks($0, depth: depth + 1) })
        }
        var blocks: [ReuseBlock] = [.paragraph([.strong([.text(title ?? kind.title)])])]
        for (index, child) in children(of: node).enumerated() {
            if index == 0 {
                // The first paragraph without the marker line.
                let rest = children(of: child).dropFirst(lineNodes.count).compactMap { inline($0, resolve, depth: depth + 1) }
                if !rest.isEmpty { blocks.append(.paragraph(rest)) }
            } else {
                blocks += walk.blocks(child, depth: depth + 1)
            }
        }
        return .quote(blocks)
    }

    private static func inlines(of node: OpaquePointer, _ resolve: (String) -> String, depth: Int = 0) -> [ReuseInline] {
        if depth > maximumDepth { return [.text(flatText(of: node))] }
        return children(of: node).compactMap { inline($0, resolve, depth: depth + 1) }
    }

    /// The text below `node`, collected without recursion.
    private static func flatText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            if let literal = cmark_node_get_literal(current) { text += String(cString: literal) + " " }
        }
        return text
    }

    private static func inline(_ node: OpaquePointer, _ resolve: (String) -> String, depth: Int) -> ReuseInline? {
        switch typeName(node) {
        case "text": return .text(literal(node))
        case "softbreak": return .text(" ")
        case "linebreak": return .lineBreak
        case "code": return .code(literal(node))
        case "emph": return .emphasis(inlines(of: node, resolve, depth: depth))
        case "strong": return .strong(inlines(of: node, resolve, depth: depth))
        case "strikethrough": return .strikethrough(inlines(of: node, resolve, depth: depth))
        case "link":
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            return .link(url: resolve(url), inlines(of: node, resolve, depth: depth))
        case "image":
            // The picture stays on the site; its description stands in the text.
            let description = plain(inlines(of: node, resolve, depth: depth))
            return description.isEmpty ? nil : .text("[Bild: \(description)]")
        case "footnote_reference": return .text("[\(literal(node))]")
        default: return nil
        }
    }

    /// The text of inlines without formatting.
    static func plain(_ inlines: [ReuseInline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let text), .code(let text): text
            case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, let children): plain(children)
            case .lineBreak: " "
            }
        }.joined()
    }
}
