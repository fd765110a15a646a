import SiteModel

/// An SVG rewritten so that it can run no script and load nothing from elsewhere, or the reason
/// it cannot be: SVG files from `content/` and the logo are published only this way.
///
/// An SVG opened directly is a document of the site's origin: `<script>`, `onload=`, a
/// `javascript:` link, `<foreignObject>` HTML or `<set attributeName="href">` would run there, and
/// `url(https://…)` or `@import` would make the reader's browser ask a third party. The rewrite
/// keeps an allowlist of drawing elements and their attributes, decodes every value before
/// checking it (so `&#106;avascript:` is caught) and writes it escaped again; everything else is
/// dropped with its content. A file with a DTD internal subset (entity tricks) or broken nesting
/// is refused rather than guessed at.
public enum SafeSVG {
    /// The rewritten file, or a German reason why it is not published.
    public static func sanitized(_ bytes: [UInt8]) -> Result<[UInt8], SafeSVGProblem> {
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        var reader = SVGTokenReader(text: text)
        var out = ""
        var open: [String] = []
        var skipping: (name: String, depth: Int)?
        // A `<style>` is written only whole, after its text is checked as one: comments and CDATA
        // split it into pieces that each look harmless (`@im<!---->port`).
        var style: (head: String, text: String, depth: Int, unsafe: Bool)?
        var sawRoot = false
        while let token = try? reader.next() {
            if var current = style {
                switch token {
                case .text(let value): current.text += value
                case .start(_, _, let selfClosing):
                    current.unsafe = true
                    if !selfClosing { current.depth += 1 }
                case .endTag where current.depth > 0: current.depth -= 1
                case .endTag(let name):
                    guard name == "style" else { return .failure(.malformed) }
                    if !current.unsafe, isSafeCSS(current.text) { out += current.head + XMLText.escaped(current.text) + "</style>" }
                    style = nil
                    continue
                case .doctype, .end: return .failure(.malformed)
                }
                style = current
                continue
            }
            switch token {
            case .end: return sawRoot && open.isEmpty ? .success(Array(out.utf8)) : .failure(.malformed)
            case .doctype(let body):
                if body.contains("[") { return .failure(.entityDeclarations) }
            case .start(let name, let attributes, let selfClosing):
                if var skip = skipping {
                    if name == skip.name, !selfClosing { skip.depth += 1; skipping = skip }
                    continue
                }
                guard allowedElements.contains(name), sawRoot || name == "svg" else {
                    if !selfClosing { skipping = (name, 1) }
                    continue
                }
                sawRoot = true
                var head = "<" + name
                let kept = attributes.filter { isAllowed(attribute: $0.0, value: $0.1, on: name) }
                for (key, value) in kept { head += " " + key + "=\"" + XMLText.escaped(value) + "\"" }
                if name == "svg", open.isEmpty, !kept.contains(where: { $0.0 == "xmlns" }) {
                    head += " xmlns=\"http://www.w3.org/2000/svg\""
                }
                if name == "style", !selfClosing {
                    style = (head + ">", "", 0, false)
                } else if selfClosing {
                    out += head + "/>"
                } else {
                    out += head + ">"
                    open.append(name)
                }
            case .endTag(let name):
                if var skip = skipping {
                    if name == skip.name { skip.depth -= 1; skipping = skip.depth == 0 ? nil : skip }
                    continue
                }
                guard open.last == name else { return .failure(.malformed) }
                open.removeLast()
                out += "</" + name + ">"
            case .text(let value):
                guard skipping == nil, !open.isEmpty else { continue }
                out += XMLText.escaped(value)
            }
        }
        return .failure(.malformed)
    }

    /// Drawing, structure, text, paint and filter elements; no script, foreign content, animation or fonts.
    static let allowedElements: Set<String> = [
        "svg", "g", "defs", "symbol", "use", "title", "desc", "switch", "a", "view",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "image",
        "text", "tspan", "textPath", "style",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
        "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
        "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
        "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    ]

    private static func isAllowed(attribute key: String, value: String, on element: String) -> Bool {
        let lower = key.lowercased()
        if lower.hasPrefix("on") { return false }
        // `xml:base` could point relative references elsewhere; only language and white space stay.
        if key.contains(":"), !["xlink:href", "xlink:title", "xml:space", "xml:lang", "xmlns:xlink"].contains(key) { return false }
        let folded = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        if folded.contains("javascript:") || folded.contains("vbscript:") { return false }
        if lower == "href" || lower == "xlink:href" {
            if element == "a" {
                return folded.hasPrefix("#") || folded.hasPrefix("https://") || folded.hasPrefix("http://") || folded.hasPrefix("mailto:")
            }
            return folded.hasPrefix("#") || isEmbeddedRaster(folded)
        }
        if lower == "xmlns" { return value == "http://www.w3.org/2000/svg" }
        if lower == "xmlns:xlink" { return value == "http://www.w3.org/1999/xlink" }
        return isSafeCSS(value)
    }

    /// A picture inside the file (`data:image/png;base64,…`): loads nothing and runs nothing.
    private static func isEmbeddedRaster(_ folded: String) -> Bool {
        ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { folded.hasPrefix($0) }
    }

    /// CSS (a `style` element or attribute, or a paint value) that loads nothing: `url(#id)` only,
    /// no `@import`, no address with `//` (as `image-set("https://…")` would load one), and no
    /// backslash (CSS escapes could spell any of these: `\\75 rl(`).
    private static func isSafeCSS(_ value: String) -> Bool {
        let folded = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        if folded.contains("\\") || folded.contains("//") || folded.contains("@import") || folded.contains("expression(")
            || folded.contains("javascript:") { return false }
        // Other ways CSS names a resource (`image-set("http:host/p.png")`, fonts), and schemes
        // written without `//`.
        if ["image-set(", "image(", "cross-fade(", "src(", "element(", "@font-face", "@namespace", "http:", "https:", "ftp:"]
            .contains(where: folded.contains) { return false }
        var rest = folded[...]
        while let range = rest.range(of: "url(") {
            let target = rest[range.upperBound...].drop { $0 == "\"" || $0 == "'" }
            guard target.hasPrefix("#") || isEmbeddedRaster(String(target.prefix(20))) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
