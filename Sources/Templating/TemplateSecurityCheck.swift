import Foundation
import SiteModel

/// The site runs under `Content-Security-Policy: default-src 'self'`: a template with an inline
/// script, a style element or attribute, an event handler attribute or a resource from another
/// host would break in production while looking fine in a file. Each is an error at its line,
/// with the way that works under the policy.
enum TemplateSecurityCheck {
    /// Problems in one template's source (`path` as the messages name it).
    static func diagnostics(in source: String, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let text = source as NSString
        func error(_ range: NSRange, _ message: String, _ hint: String) {
            let before = text.substring(to: range.location)
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            found.append(.error(at: SourceLocation(file: path, line: line, column: column), message, hint: hint))
        }
        for match in tags.matches(in: source, range: NSRange(location: 0, length: text.length)) {
            let name = text.substring(with: match.range(at: 1)).lowercased()
            let attributes = text.substring(with: match.range(at: 2))
            let tagRange = match.range
            if name == "script", !has(attributes, "src"), !attributes.lowercased().contains("application/ld+json") {
                error(tagRange, "Die Vorlage enthält ein Skript direkt im HTML (`<script>` ohne `src`); die Website läuft unter `Content-Security-Policy: default-src 'self'`, der Browser führt es nicht aus.",
                      "Lege das Skript als Datei in `templates/assets/` ab und binde es mit `<script type=\"module\" src=\"{{site.assets}}/datei.js\"></script>` ein.")
            }
            if name == "style" {
                error(tagRange, "Die Vorlage enthält einen `<style>`-Block; unter `Content-Security-Policy: default-src 'self'` wendet der Browser ihn nicht an.",
                      "Schreibe die Regeln in `templates/assets/style.css` (oder eine eigene CSS-Datei dort).")
            }
            if has(attributes, "style") {
                error(tagRange, "Die Vorlage setzt ein `style`-Attribut an `<\(name)>`; unter `Content-Security-Policy: default-src 'self'` wird es nicht angewendet.",
                      "Gib dem Element eine Klasse und schreibe die Regel in `templates/assets/style.css`.")
            }
            if let handler = handlers.firstMatch(in: attributes, range: NSRange(location: 0, length: (attributes as NSString).length)) {
                let attribute = (attributes as NSString).substring(with: handler.range(at: 1))
                error(tagRange, "Die Vorlage setzt den Ereignis-Handler `\(attribute)` an `<\(name)>`; unter `Content-Security-Policy: default-src 'self'` läuft er nicht.",
                      "Hänge das Verhalten in einer Skriptdatei in `templates/assets/` mit `addEventListener` an.")
            }
            if name != "a", let external = externalResource(in: name, attributes) {
                error(tagRange, "Die Vorlage lädt `\(external)` von einem anderen Server; die Website fragt keine fremden Server an (und `default-src 'self'` verbietet es).",
                      "Lege die Datei in `templates/assets/` ab und binde sie mit `{{site.assets}}/…` ein.")
            }
        }
        return found
    }

    /// `<name attributes>`: every start tag of the source (mustache tags inside attributes kept as text).
    private static let tags = try! NSRegularExpression(pattern: #"<([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"#)
    /// An `on…=` attribute: onclick, onload, onerror.
    private static let handlers = try! NSRegularExpression(pattern: #"(?:^|\s)(on[a-zA-Z]+)\s*="#)

    private static func has(_ attributes: String, _ name: String) -> Bool {
        firstMatch(attributePatterns[name] ?? attributePattern(name), in: attributes) != nil
    }

    // The patterns for the attribute names the checks ask for, compiled once: compiling one per tag
    // and question made this check most of the time it takes to load a theme.
    private static let attributePatterns = Dictionary(uniqueKeysWithValues: ["src", "style"].map { ($0, attributePattern($0)) })
    private static let valuePatterns = Dictionary(uniqueKeysWithValues: ["src", "data", "poster", "srcset", "href", "rel"].map { ($0, valuePattern($0)) })

    /// `name=` as an attribute of its own (case does not matter).
    private static func attributePattern(_ name: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: #"(?:^|\s)\#(NSRegularExpression.escapedPattern(for: name))\s*="#, options: .caseInsensitive)
    }

    /// `key=value` as an attribute of its own, the value quoted or not (case does not matter).
    private static func valuePattern(_ key: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: #"(?:^|\s)\#(NSRegularExpression.escapedPattern(for: key))\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"#, options: .caseInsensitive)
    }

    /// The range of the first match of `pattern` in `text`.
    private static func firstMatch(_ pattern: NSRegularExpression, in text: String) -> Range<String.Index>? {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).flatMap { Range($0.range, in: text) }
    }

    /// The address of a resource on another host that the tag loads (`src`, `data`, a stylesheet's
    /// or icon's `href`), nil when it loads none. Links to read (`<a href>`, `rel="alternate"`) are fine.
    private static func externalResource(in name: String, _ attributes: String) -> String? {
        var keys = ["src", "data", "poster", "srcset"]
        if name == "link" {
            let rel = value(of: "rel", in: attributes)?.lowercased() ?? ""
            let loads = ["stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"]
            if loads.contains(where: rel.contains) { keys.append("href") }
        }
        for key in keys {
            guard let address = value(of: key, in: attributes) else { continue }
            let lowered = address.lowercased().trimmingCharacters(in: .whitespaces)
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//") { return address }
        }
        return nil
    }

    private static func value(of key: String, in attributes: String) -> String? {
        guard let range = firstMatch(valuePatterns[key] ?? valuePattern(key), in: attributes) else { return nil }
        let pair = attributes[range]
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        return pair[pair.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t\n"))
    }
}
