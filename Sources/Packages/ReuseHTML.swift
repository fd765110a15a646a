import SiteModel
/// ``ReuseBlock``s as HTML, for what the package's pages show beyond the rendered Markdown (the
/// guide of `LIESMICH.html`). Links are written as given: relative ones lead to files of the package.
enum ReuseHTML {
    static func html(_ blocks: [ReuseBlock]) -> String {
        blocks.map(html).joined(separator: "\n")
    }

    private static func html(_ block: ReuseBlock) -> String {
        switch block {
        case .heading(let level, let inlines):
            let level = min(max(level, 1), 6)
            return "<h\(level)>\(html(inlines))</h\(level)>"
        case .paragraph(let inlines): return "<p>\(html(inlines))</p>"
        case .bulletList(let items): return "<ul>" + items.map(item).joined() + "</ul>"
        case .orderedList(let start, let items):
            return (start == 1 ? "<ol>" : "<ol start=\"\(start)\">") + items.map(item).joined() + "</ol>"
        case .table(let header, let rows):
            let head = "<thead><tr>" + header.map { "<th scope=\"col\">\(html($0))</th>" }.joined() + "</tr></thead>"
            return "<table>" + head + "<tbody>" + rows.map { "<tr>" + $0.map { "<td>\(html($0))</td>" }.joined() + "</tr>" }.joined()
                + "</tbody></table>"
        case .code(let code): return "<pre><code>\(XMLText.escaped(code))</code></pre>"
        case .quote(let blocks): return "<blockquote>\(html(blocks))</blockquote>"
        case .rule: return "<hr>"
        }
    }

    /// A list item; a tight item (one paragraph) without its `<p>`, as Markdown renders it.
    private static func item(_ blocks: [ReuseBlock]) -> String {
        if blocks.count == 1, case .paragraph(let inlines) = blocks[0] { return "<li>\(html(inlines))</li>" }
        return "<li>\(html(blocks))</li>"
    }

    private static func html(_ inlines: [ReuseInline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): XMLText.escaped(text)
            case .code(let code): "<code>\(XMLText.escaped(code))</code>"
            case .emphasis(let inner): "<em>\(html(inner))</em>"
            case .strong(let inner): "<strong>\(html(inner))</strong>"
            case .strikethrough(let inner): "<del>\(html(inner))</del>"
            case .link(let url, let inner): "<a href=\"\(XMLText.escaped(url))\">\(html(inner))</a>"
            case .lineBreak: "<br>"
            }
        }.joined()
    }
}
