import CCmarkGFM

/// Walks of a cmark syntax tree in document order, for the checks and rewrites that read it.
///
/// A law's tree has hundreds of thousands of nodes, most of them inline text; every full walk of
/// every page costs about one percent of a large site's build, so checks share walks and rewrites
/// that look only for blocks do not visit inline content.
enum TreeWalk {
    /// Calls `body` with `root` and every node under it, each when it is entered, in document order.
    /// The tree must not change during the walk.
    static func forEachNode(under root: OpaquePointer, _ body: (OpaquePointer, cmark_node_type) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            body(node, cmark_node_get_type(node))
        }
    }

    /// Calls `body` with `root` and every block under it that is not inside a paragraph, heading or
    /// table: the same blocks, in the same order, as ``forEachNode(under:_:)`` enters them, without
    /// going into inline content. (Tree changes: as for ``forEachNode(under:_:)``.)
    static func forEachBlock(under root: OpaquePointer, _ body: (OpaquePointer, cmark_node_type) -> Void) {
        let rootType = cmark_node_get_type(root)
        body(root, rootType)
        guard holdsBlocks(rootType) else { return }
        var next = cmark_node_first_child(root)
        while let node = next {
            let type = cmark_node_get_type(node)
            body(node, type)
            if holdsBlocks(type), let child = cmark_node_first_child(node) {
                next = child
                continue
            }
            // The next sibling, or the next sibling of the nearest ancestor below `root` that has one.
            var climbing: OpaquePointer? = node
            next = nil
            while let current = climbing, current != root {
                if let sibling = cmark_node_next(current) {
                    next = sibling
                    break
                }
                climbing = cmark_node_parent(current)
            }
        }
    }

    /// Block types whose children are blocks (a table's rows hold only inline content).
    private static func holdsBlocks(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_FOOTNOTE_DEFINITION:
            true
        default:
            false
        }
    }
}
