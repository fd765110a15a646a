import CCmarkGFM
import Foundation

/// What the first line of a quote says about it: `> [!HINWEIS]` (optionally followed by a title on
/// the same line) makes the quote a notice box; `> [!FOO]` is a marker vcc does not know. Read from
/// cmark's tree, so a marker in a code span, in emphasis or after other text is no marker.
enum NoticeMarker {
    /// The quote is a notice box.
    /// - `lineNodes`: the first paragraph's inline nodes up to and including the first line's
    ///   break; they hold the marker (and the title) and are left out of the box's text.
    /// - `hasBody`: whether anything follows the marker line.
    case notice(NoticeKind, title: String?, lineNodes: [OpaquePointer], hasBody: Bool)
    /// The first line starts with `[!word]` and `word` is no known marker; `node` is where it stands.
    case unknown(marker: String, node: OpaquePointer)

    /// Markers are single words; a longer `[!…]` is read as text.
    static let maximumMarkerLength = 20

    /// What the first line of the block quote `quote` is; nil for an ordinary quote.
    static func read(_ quote: OpaquePointer) -> NoticeMarker? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT
        else { return nil }
        var lineNodes: [OpaquePointer] = []
        var leadingText: [UInt8] = []  // The text nodes the line starts with: the marker must lie in them.
        var line: [UInt8] = []
        var next: OpaquePointer? = first
        while let node = next {
            lineNodes.append(node)
            next = cmark_node_next(node)
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { break }
            let text = flatText(of: node)
            if type == CMARK_NODE_TEXT, leadingText.count == line.count { leadingText += text }
            line += text
            // Most quotes are ordinary: stop at the first text that does not start like a marker.
            if leadingText.count >= 2, leadingText[0] != UInt8(ascii: "[") || leadingText[1] != UInt8(ascii: "!") { return nil }
        }
        guard let (name, end) = marker(in: leadingText) else { return nil }
        // `[!NOTE]text` is no marker: a title is separated by a space.
        if end < line.count, line[end] != 0x20, line[end] != 0x09 { return nil }
        guard let kind = NoticeKind(marker: name) else { return .unknown(marker: name, node: first) }
        let title = String(decoding: line[end...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let hasBody = next != nil || cmark_node_next(paragraph) != nil
        return .notice(kind, title: title.isEmpty ? nil : title, lineNodes: lineNodes, hasBody: hasBody)
    }

    /// The word of a `[!word]` at the start of `text` and the offset after its `]`.
    private static func marker(in text: [UInt8]) -> (String, Int)? {
        guard text.count >= 4, text[0] == UInt8(ascii: "["), text[1] == UInt8(ascii: "!") else { return nil }
        var index = 2
        while index < text.count, index - 2 <= maximumMarkerLength, isASCIILetter(text[index]) { index += 1 }
        guard index > 2, index - 2 <= maximumMarkerLength, index < text.count, text[index] == UInt8(ascii: "]") else { return nil }
        return (String(decoding: text[2..<index], as: UTF8.self), index + 1)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The text of an inline node as written: text, code and inline HTML (shown as text in a title).
    private static func flatText(of node: OpaquePointer) -> [UInt8] {
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        var bytes: [UInt8] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE,
                  let literal = cmark_node_get_literal(current) else { continue }
            bytes += Array(String(cString: literal).utf8)
        }
        return bytes
    }
}
