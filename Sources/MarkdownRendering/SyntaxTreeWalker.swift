import CCmarkGFM
import Foundation
import SiteModel

/// One pass over a cmark syntax tree: collects headings and plain text, rewrites link destinations.
///
/// Every change it makes to the tree (the dropped title, the rewritten destinations, the headings
/// with ids) is undone by ``restore(_:)``, so the same tree can be rendered again with other links.
struct SyntaxTreeWalker {
    let file: String
    let lineOffset: Int
    let resolveLink: (String) -> LinkResolution
    /// Whether ``restore(_:)`` will be called: a tree rendered once (every ordinary page) skips
    /// keeping what it would need, and its nodes are freed as they are replaced.
    var keepsOriginals = true

    private(set) var headings: [Heading] = []
    private(set) var sections: [TextSection] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var anchoredLinks: [AnchoredLink] = []
    private var headingNodes: [(node: OpaquePointer, heading: Heading)] = []
    /// Headings taken out of the tree by `replaceHeadings`, each with the block that stands in for it.
    private var replacedHeadings: [(heading: OpaquePointer, block: OpaquePointer)] = []
    /// Links and images whose destination was rewritten, with the destination as written.
    private var rewrittenURLs: [(node: OpaquePointer, url: String)] = []
    /// The leading `# title`, unlinked from the tree while rendering.
    private var droppedTitle: OpaquePointer?
    private var slugs = SlugRegistry()
    private var currentText: [UInt8] = []
    private var currentHeading: Heading?

    /// The tree's allocator, for the heading blocks this adds (cmark links only nodes of one allocator).
    private let memory: UnsafeMutablePointer<cmark_mem>

    init(file: String, lineOffset: Int, memory: UnsafeMutablePointer<cmark_mem> = cmark_get_default_mem_allocator(),
         resolveLink: @escaping (String) -> LinkResolution) {
        self.file = file
        self.lineOffset = lineOffset
        self.memory = memory
        self.resolveLink = resolveLink
    }

    mutating func walk(_ root: OpaquePointer, titleToDrop: String?) {
        if let titleToDrop, let first = cmark_node_first_child(root),
           cmark_node_get_type(first) == CMARK_NODE_HEADING, cmark_node_get_heading_level(first) == 1,
           Self.plainText(of: first) == titleToDrop {
            cmark_node_unlink(first)
            if keepsOriginals { droppedTitle = first } else { cmark_node_free(first) }
        }
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                enter(node, type: type, iterator: iterator)
            } else if Int32(type.rawValue) & CMARK_NODE_TYPE_MASK == CMARK_NODE_TYPE_BLOCK, currentText.last != 0x20 {
                // Blocks end words: "Absatz" + "Liste" must not run together. Only blocks: inline
                // nodes carry the block bit too, and a space after "**gescannt**" or a link would put
                // one before the next comma or bracket of excerpts ("gescannt , mit").
                currentText.append(0x20)
            }
        }
        closeSection()
    }

    private mutating func enter(_ node: OpaquePointer, type: cmark_node_type, iterator: OpaquePointer) {
        switch type {
        case CMARK_NODE_HEADING:
            closeSection()
            let text = Self.plainText(of: node)
            let heading = Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: slugs.unique(Slug(text)))
            headings.append(heading)
            headingNodes.append((node, heading))
            currentHeading = heading
            // The heading's text is in `heading`; skip its children so it is not counted twice.
            cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
            if let literal = cmark_node_get_literal(node) { appendText(literal) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            currentText.append(0x20)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            rewriteDestination(of: node)
        default:
            break
        }
    }

    private mutating func appendText(_ literal: UnsafePointer<CChar>) {
        let count = strlen(literal)
        literal.withMemoryRebound(to: UInt8.self, capacity: count + 1) { bytes in
            currentText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }
    }

    private mutating func closeSection() {
        while currentText.last == 0x20 { currentText.removeLast() }
        if !currentText.isEmpty || currentHeading != nil {
            sections.append(TextSection(heading: currentHeading, text: String(decoding: currentText, as: UTF8.self)))
        }
        currentText.removeAll(keepingCapacity: true)
    }

    private mutating func rewriteDestination(of node: OpaquePointer) {
        guard let urlPointer = cmark_node_get_url(node) else { return }
        let url = String(cString: urlPointer)
        switch resolveLink(url) {
        case .unchanged where cmark_node_get_type(node) == CMARK_NODE_IMAGE && !url.hasPrefix("#"):
            // An image from another host would be a third-party request on every page view (and
            // is blocked by `default-src 'self'`): images belong to the site.
            diagnostics.append(.error(at: location(of: node), "Das Bild `\(url)` liegt auf einer anderen Website.",
                                      hint: "Lege die Bilddatei neben die Markdown-Datei und verlinke sie relativ, zum Beispiel `![Text](bild.png)`."))
        case .unchanged:
            break
        case .rewritten(let newURL, let anchorCheck):
            if keepsOriginals { rewrittenURLs.append((node, url)) }
            cmark_node_set_url(node, newURL)
            if let (target, anchor) = anchorCheck {
                anchoredLinks.append(AnchoredLink(target: target, anchor: anchor, location: location(of: node)))
            }
        case .broken(let message, let hint):
            diagnostics.append(.error(at: location(of: node), message, hint: hint))
        }
    }

    /// The node's line and column in the file; inline nodes without a position take their block's.
    private func location(of node: OpaquePointer) -> SourceLocation {
        guard let start = NodeStart.of(node) else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: start.line + lineOffset, column: start.column)
    }

    /// Swaps every heading for a custom block holding `<hN id="slug">…</hN>`.
    ///
    /// cmark's HTML renderer writes headings without ids; a custom block is emitted verbatim, and
    /// its inner HTML is rendered by cmark itself, so escaping stays cmark's.
    mutating func replaceHeadings(options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) {
        for (node, heading) in headingNodes {
            guard let rendered = cmark_render_html_with_mem(node, options, extensions, cmark_get_default_mem_allocator()) else { continue }
            var html = String(cString: rendered)
            free(rendered)
            let open = "<h\(heading.level)>"
            if html.hasPrefix(open) {
                html = "<h\(heading.level) id=\"\(heading.id.rawValue)\">" + html.dropFirst(open.count)
            }
            guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, memory) else { continue }
            cmark_node_set_on_enter(block, html)
            cmark_node_set_on_exit(block, "")
            cmark_node_insert_before(node, block)
            cmark_node_unlink(node)
            if keepsOriginals { replacedHeadings.append((node, block)) } else { cmark_node_free(node) }
        }
        headingNodes.removeAll()
    }

    /// Puts the tree under `root` back as the parser left it.
    mutating func restore(_ root: OpaquePointer) {
        for (heading, block) in replacedHeadings {
            cmark_node_insert_before(block, heading)
            cmark_node_unlink(block)
            cmark_node_free(block)
        }
        replacedHeadings.removeAll()
        if let title = droppedTitle { cmark_node_prepend_child(root, title) }
        droppedTitle = nil
        for (node, url) in rewrittenURLs { cmark_node_set_url(node, url) }
        rewrittenURLs.removeAll()
    }

    /// The text of a node's inline children, for heading slugs and titles.
    static func plainText(of node: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                literal.withMemoryRebound(to: UInt8.self, capacity: strlen(literal)) { start in
                    bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(literal)))
                }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                bytes.append(0x20)
            }
        }
        return Self.trimmingSpaces(bytes)
    }

    /// The text without spaces at either end, as ``Swift/String/trimmingSpaces()`` cuts them, but
    /// cut as bytes where that is the same: a space next to ASCII is a `Character` of its own. Next
    /// to other text it may not be (a combining mark joins the space before it), and that rare
    /// heading goes through `Character`s. Every heading of every page passes here.
    static func trimmingSpaces(_ bytes: [UInt8]) -> String {
        var start = 0, end = bytes.count
        while start < end && bytes[start] == 0x20 { start += 1 }
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        let exact = (start == 0 || start == bytes.count || bytes[start] < 0x80)
            && (end == bytes.count || end == start || bytes[end - 1] < 0x80)
        guard exact else { return String(decoding: bytes, as: UTF8.self).trimmingSpaces() }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
