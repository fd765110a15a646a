import CCmarkGFM

/// Where a node of the syntax tree starts in the Markdown it was parsed from: its own start, or its
/// nearest ancestor's (cmark-gfm gives some inline nodes no position of their own); nil when no node
/// up the tree has one. Every diagnostic about the text is placed through here.
enum NodeStart {
    static func of(_ node: OpaquePointer) -> (line: Int, column: Int)? {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return (line, Int(cmark_node_get_start_column(candidate))) }
            current = cmark_node_parent(candidate)
        }
        return nil
    }
}
