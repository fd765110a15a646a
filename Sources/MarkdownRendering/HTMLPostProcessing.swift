import Foundation

/// Fixes in cmark-gfm's HTML that a strict CSP, the Nu checker and a German UI need.
///
/// Each replacement matches markup only cmark itself writes: in text and code, cmark escapes `<`
/// and `"`, so content cannot produce these strings.
enum HTMLPostProcessing {
    private static let replacements: [(pattern: [UInt8], replacement: [UInt8])] = [
        // Table alignment: `align` is obsolete in HTML5 and `style` would need 'unsafe-inline'.
        (" align=\"left\"", " class=\"align-left\""),
        (" align=\"center\"", " class=\"align-center\""),
        (" align=\"right\"", " class=\"align-right\""),
        ("aria-label=\"Back to reference ", "aria-label=\"Zurück zum Verweis "),
        ("aria-label=\"Back to content\"", "aria-label=\"Zurück zum Text\""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Task lists, applied only to a page with a task box (one scan instead of four on every page).
    /// cmark-gfm writes a task item as `<li><input type="checkbox" …` in tight and loose lists alike
    /// (a loose item's `<p>` follows the box), so the item and, when the item is a list's first, the
    /// list are found by what comes right before the box. The theme hides the bullet of
    /// `.task-item`; a list whose first item is a task is a `.task-list`.
    private static let taskMarker = Array("<input type=\"checkbox\"".utf8)
    private static let taskLists: [(pattern: [UInt8], replacement: [UInt8])] = [
        ("<ul>\n<li><input type=\"checkbox\"", "<ul class=\"task-list\">\n<li class=\"task-item\"><input type=\"checkbox\""),
        ("<ol>\n<li><input type=\"checkbox\"", "<ol class=\"task-list\">\n<li class=\"task-item\"><input type=\"checkbox\""),
        ("<li><input type=\"checkbox\"", "<li class=\"task-item\"><input type=\"checkbox\""),
        // A disabled checkbox without a label fails axe; show the state as text.
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
         "<span class=\"task task-done\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">Erledigt: </span>"),
        ("<input type=\"checkbox\" disabled=\"\" />",
         "<span class=\"task\" aria-hidden=\"true\">☐</span><span class=\"visually-hidden\">Offen: </span>"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Tables get a focusable scrolling wrapper: a wide table scrolls inside it instead of widening
    /// the page (WCAG 1.4.10), and keyboard users can scroll it (axe: scrollable-region-focusable).
    private static let tableWrapping: [(pattern: [UInt8], replacement: [UInt8])] = [
        ("<table>", "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tabelle\"><table>"),
        // cmark ends a table with a line break; a chart's table (see DataCharts) closes its own wrapper.
        ("</table>\n", "</table></div>\n"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Applies every replacement to cmark's output (a C string) and returns the result as UTF-8.
    /// `wrappingTables` only when the page has tables: `<table>` has no `=` to anchor the search on.
    static func apply(to cString: UnsafePointer<CChar>, wrappingTables: Bool = false) -> [UInt8] {
        let length = strlen(cString)
        return cString.withMemoryRebound(to: UInt8.self, capacity: length) { start in
            let original = UnsafeBufferPointer(start: start, count: length)
            var replacements = contains(original, taskMarker) ? Self.taskLists + Self.replacements : Self.replacements
            if wrappingTables { replacements += Self.tableWrapping }
            var edited: [UInt8]?  // Only made when a pattern occurs; most pages need no edit.
            for (pattern, replacement) in replacements {
                let next: [UInt8]? = if let current = edited {
                    current.withUnsafeBufferPointer { contains($0, pattern) ? replaceAll($0, pattern, replacement) : nil }
                } else {
                    contains(original, pattern) ? replaceAll(original, pattern, replacement) : nil
                }
                if let next { edited = next }
            }
            return edited ?? Array(original)
        }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8]) -> Bool {
        firstOffset(of: pattern, in: bytes) != nil
    }

    /// Finds `pattern` by looking (with memchr, vectorised in glibc) for its first `=` and comparing
    /// around it. Every pattern is an attribute, and `=` is rare outside attributes in cmark's
    /// output; the first version anchored on each pattern's first byte, a space or a frequent
    /// letter for three of them, which made it a byte-by-byte scan of every page, seven times.
    private static func firstOffset(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, !pattern.isEmpty else { return nil }
        let anchor = pattern.firstIndex(of: UInt8(ascii: "=")) ?? 0
        var offset = anchor
        while offset < bytes.count {
            guard let hit = memchr(base + offset, Int32(pattern[anchor]), bytes.count - offset) else { return nil }
            let found = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            let start = found - anchor
            if start + pattern.count > bytes.count { return nil }
            if memcmp(base + start, pattern, pattern.count) == 0 { return start }
            offset = found + 1
        }
        return nil
    }

    private static func replaceAll(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], _ replacement: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var position = 0
        while position < bytes.count {
            let rest = UnsafeBufferPointer(rebasing: bytes[position...])
            guard let offset = firstOffset(of: pattern, in: rest) else {
                out.append(contentsOf: rest)
                break
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<offset]))
            out.append(contentsOf: replacement)
            position += offset + pattern.count
        }
        return out
    }
}
