/// A Markdown text with the places of its links, taken from cmark's syntax tree: the text can be
/// edited link by link after the tree is gone, and what only looks like a link (in a code span,
/// in a code block) is never touched.
public struct MarkdownSource: Sendable {
    public let text: String
    /// Every link and image, in the order of the text.
    public let links: [MarkdownLink]

    /// The text with the destination of each link for which `replacement` returns a string
    /// written in its place; every other byte stays as it was.
    public func replacingDestinations(_ replacement: (MarkdownLink) -> String?) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        // Destinations never overlap (an image in a link's text ends before the link's own), so
        // one pass in the order of the text is enough.
        for link in links {
            guard let written = link.written, written.lowerBound >= position, let new = replacement(link) else { continue }
            out += bytes[position..<written.lowerBound]
            out += Array(new.utf8)
            position = written.upperBound
        }
        out += bytes[position...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The text with every link and image reduced to its text (`[text](target)` and `[text][label]`
    /// to `text`, `![alt](source)` to `alt`); autolinks stay, as they are the address itself.
    public var withoutLinks: String {
        let bytes = Array(text.utf8)
        let spans = links.compactMap { link in link.span.flatMap { span in link.text.map { (span, $0) } } }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // A link may hold an image (`[![Logo](logo.png)](https://…)`): its text is reduced too, up
        // to a depth no real text reaches (images in images in images … would exhaust the stack).
        func copy(_ range: Range<Int>, depth: Int) {
            var position = range.lowerBound
            for (span, text) in spans where depth < 16 && span.lowerBound >= position && span.upperBound <= range.upperBound {
                out += bytes[position..<span.lowerBound]
                copy(text, depth: depth + 1)
                position = span.upperBound
            }
            out += bytes[position..<range.upperBound]
        }
        copy(0..<bytes.count, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }
}
