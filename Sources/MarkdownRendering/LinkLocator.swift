import CCmarkGFM
import SiteModel

/// Finds where each link of a cmark syntax tree is written in the text.
///
/// cmark-gfm 0.29 gives inline nodes positions, with two flaws this corrects: on a paragraph's
/// second and later lines a column counts from where the line's text starts after its container
/// marks and indentation (`> `, list indentation), plus the paragraph's own first column; and a
/// link over several lines has the start line of its end. What the positions point at is checked
/// against the text (a `)` or `]` at the end, a `[` at the start); a link where that fails keeps
/// no place and is left as written.
struct LinkLocator {
    let bytes: [UInt8]
    let file: String
    let firstLine: Int
    /// The offset of each line's first byte.
    private let lineStarts: [Int]

    init(markdown: String, file: String, firstLine: Int) {
        bytes = Array(markdown.utf8)
        self.file = file
        self.firstLine = firstLine
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// Every link and image under `root`, in the order of the text.
    func links(under root: OpaquePointer) -> [MarkdownLink] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var links: [MarkdownLink] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            links.append(link(node, isImage: type == CMARK_NODE_IMAGE))
        }
        return links
    }

    private func link(_ node: OpaquePointer, isImage: Bool) -> MarkdownLink {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        var link = MarkdownLink(destination: destination, isImage: isImage, location: location(of: node))
        guard let block = Self.enclosingBlock(of: node),
              let end = offset(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node), in: block),
              end < bytes.count, bytes[end] == UInt8(ascii: ")") || bytes[end] == UInt8(ascii: "]") else { return link }
        let startLine = Self.firstPositionedChild(of: node).map { cmark_node_get_start_line($0) } ?? cmark_node_get_start_line(node)
        let marker = isImage ? 2 : 1  // `![` or `[`
        guard let start = offset(line: startLine, column: cmark_node_get_start_column(node), in: block), start + marker <= end,
              !isImage || bytes[start] == UInt8(ascii: "!"), bytes[start + marker - 1] == UInt8(ascii: "[") else { return link }
        if bytes[end] == UInt8(ascii: ")") {
            guard let (close, written) = inlineDestination(of: destination, from: start + marker, to: end) else { return link }
            link.text = (start + marker)..<close
            link.written = written
        } else {
            link.text = (start + marker)..<referenceLabelEnd(from: start + marker, to: end)
        }
        link.span = start..<(end + 1)
        return link
    }

    /// The offset of the byte at a node's `line` and `column` (both from 1), correcting the
    /// columns of a block's later lines (see the type's note).
    private func offset(line: Int32, column: Int32, in block: OpaquePointer) -> Int? {
        let line = Int(line), column = Int(column)
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        let lineStart = lineStarts[line - 1]
        let blockLine = Int(cmark_node_get_start_line(block))
        guard line != blockLine else { return lineStart + column - 1 }
        var textStart = lineStart
        while textStart < bytes.count, [0x20, 0x09, UInt8(ascii: ">")].contains(bytes[textStart]) { textStart += 1 }
        let result = textStart + column - Int(cmark_node_get_start_column(block))
        return result >= lineStart ? result : nil
    }

    /// The `]` that closes the text of an inline link ending at `end`, and the destination as
    /// written: the nearest `](` before `end` after which a destination, an optional title and
    /// the `)` at `end` follow (a `](` in a code span of the text or in the title is passed over).
    private func inlineDestination(of destination: String, from textStart: Int, to end: Int) -> (Int, Range<Int>)? {
        var candidate = end - 1
        while candidate >= textStart {
            if bytes[candidate] == UInt8(ascii: "]"), bytes[candidate + 1] == UInt8(ascii: "("),
               let written = destinationWritten(after: candidate + 2, endingAt: end) {
                let raw = String(decoding: bytes[written], as: UTF8.self)
                // Entities (`&auml;`) are the one spelling unescaping cannot compare.
                if Self.unescaped(raw) == destination || raw.contains("&") { return (candidate, written) }
            }
            candidate -= 1
        }
        return nil
    }

    /// The destination written from `position` on, when what follows it (title, blanks) ends at the `)` at `end`.
    private func destinationWritten(after position: Int, endingAt end: Int) -> Range<Int>? {
        var index = skipBlanks(from: position, upTo: end)
        let written: Range<Int>
        if bytes[index] == UInt8(ascii: "<") {
            var close = index + 1
            while close < end, bytes[close] != UInt8(ascii: ">"), bytes[close] != 0x0A {
                close += bytes[close] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard close < end, bytes[close] == UInt8(ascii: ">") else { return nil }
            written = (index + 1)..<close
            index = close + 1
        } else {
            let start = index
            var depth = 0
            while index < end, bytes[index] > 0x20 {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "(") { depth += 1 }
                if bytes[index] == UInt8(ascii: ")") { if depth == 0 { break }; depth -= 1 }
                index += 1
            }
            guard index <= end else { return nil }
            written = start..<index
        }
        index = skipBlanks(from: index, upTo: end)
        if index < end, let closer = [UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "'"): UInt8(ascii: "'"),
                                      UInt8(ascii: "("): UInt8(ascii: ")")][bytes[index]] {
            index += 1
            while index < end, bytes[index] != closer { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            guard index < end else { return nil }
            index = skipBlanks(from: index + 1, upTo: end)
        }
        return index == end ? written : nil
    }

    private func skipBlanks(from position: Int, upTo end: Int) -> Int {
        var index = position
        while index < end, [0x20, 0x09, 0x0A].contains(bytes[index]) { index += 1 }
        return index
    }

    /// Where the text of a reference link ends: before `][label]` or `[]`, else at its last `]`.
    private func referenceLabelEnd(from textStart: Int, to end: Int) -> Int {
        guard let open = bytes[textStart..<end].lastIndex(of: UInt8(ascii: "[")), open > textStart,
              bytes[open - 1] == UInt8(ascii: "]"), !bytes[(open + 1)..<end].contains(UInt8(ascii: "]")) else { return end }
        return open - 1
    }

    /// The link's line in the file, from the nearest node that has a position.
    private func location(of node: OpaquePointer) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_end_line(candidate))
            if line > 0 { return SourceLocation(file: file, line: line + firstLine - 1, column: 1) }
            current = cmark_node_parent(candidate)
        }
        return SourceLocation(file: file, line: firstLine, column: 1)
    }

    private static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer? {
        var current = cmark_node_parent(node)
        while let candidate = current {
            if Int32(cmark_node_get_type(candidate).rawValue) & CMARK_NODE_TYPE_BLOCK != 0 { return candidate }
            current = cmark_node_parent(candidate)
        }
        return nil
    }

    private static func firstPositionedChild(of node: OpaquePointer) -> OpaquePointer? {
        var child = cmark_node_first_child(node)
        while let current = child {
            if cmark_node_get_start_line(current) > 0 { return current }
            child = cmark_node_next(current)
        }
        return nil
    }

    /// A destination as written without its backslash escapes (`a\)b` is `a)b`).
    static func unescaped(_ raw: String) -> String {
        guard raw.contains("\\") else { return raw }
        var out = ""
        var escaping = false
        for character in raw {
            if !escaping, character == "\\" { escaping = true; continue }
            if escaping, !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { out.append("\\") }
            out.append(character)
            escaping = false
        }
        if escaping { out.append("\\") }
        return out
    }
}
