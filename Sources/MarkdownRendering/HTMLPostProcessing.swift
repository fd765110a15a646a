/// Fixes in cmark-gfm's HTML that a strict CSP, the Nu checker and a German UI need.
///
/// Each replacement matches markup only cmark itself writes: in text and code, cmark escapes `<`
/// and `"`, so content cannot produce these strings.
enum HTMLPostProcessing {
    private static let replacements: [(String, String)] = [
        // Table alignment: `align` is obsolete in HTML5 and `style` would need 'unsafe-inline'.
        (" align=\"left\"", " class=\"align-left\""),
        (" align=\"center\"", " class=\"align-center\""),
        (" align=\"right\"", " class=\"align-right\""),
        // Task list boxes: a disabled checkbox without a label fails axe; show the state as text.
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
         "<span class=\"task task-done\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">Erledigt: </span>"),
        ("<input type=\"checkbox\" disabled=\"\" />",
         "<span class=\"task\" aria-hidden=\"true\">☐</span><span class=\"visually-hidden\">Offen: </span>"),
        ("aria-label=\"Back to reference ", "aria-label=\"Zurück zum Verweis "),
        ("aria-label=\"Back to content\"", "aria-label=\"Zurück zum Text\""),
    ]

    static func apply(to html: String) -> String {
        var result = html
        for (pattern, replacement) in replacements where result.contains(pattern) {
            result = result.replacingAll(pattern, with: replacement)
        }
        return result
    }
}

extension String {
    /// Replaces every occurrence without Foundation, working on UTF-8 bytes.
    func replacingAll(_ pattern: String, with replacement: String) -> String {
        let source = Array(utf8), needle = Array(pattern.utf8), substitute = Array(replacement.utf8)
        guard !needle.isEmpty, source.count >= needle.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var i = 0
        while i < source.count {
            if source[i] == needle[0], i + needle.count <= source.count, source[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: substitute)
                i += needle.count
            } else {
                out.append(source[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
