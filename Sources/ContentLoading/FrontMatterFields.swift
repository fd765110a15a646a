import Foundation
import SiteModel
import Yams

/// Typed access to the keys of one front matter mapping, collecting a diagnostic for every problem.
///
/// Each accessor marks its key as known, so that whatever is left at the end can be reported as
/// unknown with a "did you mean" suggestion.
struct FrontMatterFields {
    let file: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    private let lineOffset: Int
    private(set) var knownKeys: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The content model's fields of the document's type: whether a field is required, its
    /// example and allowed values come from there (see ``ContentModelDefinition``).
    var definitions: [String: FieldDefinition] = [:]
    /// The front matter's lines as written, to tell a list entry that YAML folded from several
    /// lines from one written on one line.
    var sourceLines: [Substring] = []

    /// Whether `key` must be there: as the caller says, else as the content model says.
    private func isRequired(_ key: String, _ explicit: Bool?) -> Bool { explicit ?? definitions[key]?.isRequired ?? false }
    private func example(_ key: String, _ explicit: String?, fallback: String) -> String { explicit ?? definitions[key]?.example ?? fallback }

    /// Wraps a composed YAML document whose first line is line `firstLine` of `file`.
    init(file: String, root: Node?, firstLine: Int) {
        self.file = file
        self.lineOffset = firstLine - 1
        if let mapping = root?.mapping {
            pairs = mapping.map { (key: $0.key.scalar?.string ?? "", keyNode: $0.key, value: $0.value) }
        } else {
            pairs = []
            if let root, root.scalar?.string.isEmpty == false || root.sequence != nil {
                diagnostics.append(.error(
                    at: SourceLocation(file: file, line: firstLine, column: 1),
                    "Das Front Matter muss aus Schlüsseln und Werten bestehen (zum Beispiel `title: …`).",
                    hint: "Schreibe zwischen die beiden `---`-Zeilen eine Zeile je Feld: `schlüssel: wert`."))
            }
        }
    }

    /// The line of each key in the file.
    var keyLines: [String: Int] { Dictionary(pairs.map { ($0.key, location(of: $0.keyNode).line) }, uniquingKeysWith: { first, _ in first }) }

    /// The location of a node in the Markdown file.
    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where the front matter starts; used for fields that are missing altogether.
    var startLocation: SourceLocation { SourceLocation(file: file, line: max(1, lineOffset), column: 1) }

    mutating func warning(_ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(.warning(at: location(of: node), message, hint: hint))
    }

    mutating func warning(at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.warning(at: location, message, hint: hint))
    }

    mutating func error(_ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(.error(at: location(of: node), message, hint: hint))
    }

    /// The value node of `key`, marking the key as known.
    mutating func value(_ key: String) -> Node? {
        if !knownKeys.contains(key) { knownKeys.append(key) }
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if value.tag.description == Tag.Name.null.rawValue { return nil }
        if let scalar = value.scalar, scalar.string.isEmpty, scalar.style == .plain { return nil }
        return value
    }

    private mutating func missing(_ key: String, example: String) {
        diagnostics.append(.error(
            at: startLocation, "Pflichtfeld `\(key)` fehlt.",
            hint: "Ergänze im Front Matter eine Zeile `\(key): \(example)`."))
    }

    /// A text field.
    mutating func string(_ key: String, required: Bool? = nil, example: String? = nil) -> String? {
        guard let node = value(key) else {
            if isRequired(key, required) { missing(key, example: self.example(key, example, fallback: "…")) }
            return nil
        }
        guard let scalar = node.scalar else {
            error("`\(key)` muss ein Text sein, ist aber \(node.kindDescription).", at: node,
                  hint: "Schreibe den Wert in eine Zeile: `\(key): \(self.example(key, example, fallback: "…"))`.")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty, isRequired(key, required) { missing(key, example: self.example(key, example, fallback: "…")) }
        return text.isEmpty ? nil : text
    }

    /// A list of texts; a single text is taken as a list of one.
    mutating func strings(_ key: String, required: Bool? = nil, example: String? = nil) -> [String] {
        nodes(key, required: required, example: example).compactMap { node in
            guard let scalar = node.scalar else {
                error("Die Einträge von `\(key)` müssen Texte sein, einer ist \(node.kindDescription).", at: node)
                return nil
            }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
    }

    /// A list of ids that point at other documents.
    mutating func references(_ key: String, required: Bool? = nil, example: String? = nil) -> [Reference] {
        nodes(key, required: required, example: example).compactMap { node in
            guard let id = node.scalar?.string, !id.isEmpty else {
                error("Die Einträge von `\(key)` müssen Kennungen sein (zum Beispiel `marburg`).", at: node)
                return nil
            }
            return Reference(id: id, location: location(of: node))
        }
    }

    /// The most entries a list field may have. Lists multiply: each theme is a page, and every
    /// filter page shows each blueprint's themes; 3,000 themes in one blueprint once took 100 s
    /// and wrote 1 GB. No real field comes near 100 (the sample's longest list has six).
    static let maximumListEntries = 100

    /// The items of a list field (or one item for a scalar).
    mutating func nodes(_ key: String, required explicitRequired: Bool? = nil, example explicitExample: String? = nil) -> [Node] {
        let required = isRequired(key, explicitRequired)
        let example = self.example(key, explicitExample, fallback: "[…]")
        guard let node = value(key) else {
            if required { missing(key, example: example) }
            return []
        }
        if let sequence = node.sequence {
            if sequence.isEmpty && required {
                error("`\(key)` darf nicht leer sein.", at: node, hint: "Trage mindestens einen Eintrag ein: `\(key): \(example)`.")
            }
            guard sequence.count <= Self.maximumListEntries else {
                error("`\(key)` hat \(sequence.count) Einträge; erlaubt sind höchstens \(Self.maximumListEntries).", at: node,
                      hint: "Wähle die wichtigsten aus. Jeder Eintrag wird auf vielen Seiten gezeigt (ein Thema bekommt eine eigene Seite mit allen Filtern).")
                return Array(sequence.prefix(Self.maximumListEntries))
            }
            for item in sequence { reportFoldedEntry(item, of: key) }
            return Array(sequence)
        }
        if let scalar = node.scalar {
            // `themes: A, B` is one entry "A, B" to YAML; a writer almost always meant two.
            if scalar.style == .plain, scalar.string.contains(",") {
                let items = scalar.string.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                warning("`\(key): \(scalar.string)` ist ein einziger Eintrag, keine Liste mit \(items.count).", at: node,
                        hint: "Schreibe `\(key): [\(items.joined(separator: ", "))]`, oder setze den Text in Anführungszeichen, wenn er ein Eintrag ist.")
            }
            return [node]
        }
        error("`\(key)` muss eine Liste sein, ist aber \(node.kindDescription).", at: node,
              hint: "Schreibe eine Liste: `\(key): \(example)`.")
        return []
    }

    /// `themes:\n- A\n  - B` is one entry "A - B" to YAML (the indented line continues the first);
    /// the writer meant two entries, so an entry folded from lines that start with `-` is an error.
    private mutating func reportFoldedEntry(_ item: Node, of key: String) {
        guard let scalar = item.scalar, scalar.style == .plain, scalar.string.contains(" - "),
              let mark = scalar.mark, mark.line >= 1, mark.line <= sourceLines.count,
              !sourceLines[mark.line - 1].contains(scalar.string) else { return }
        let parts = scalar.string.components(separatedBy: " - ")
        error("Die Liste `\(key)` ist falsch eingerückt: `\(scalar.string)` wird ein einziger Eintrag, nicht \(parts.count).", at: item,
              hint: "Setze jeden Eintrag in eine eigene Zeile mit `- ` an derselben Stelle wie den ersten, ohne zusätzliche Leerzeichen davor.")
    }

    /// A calendar date `YYYY-MM-DD`.
    mutating func date(_ key: String, required: Bool? = nil) -> ContentDate? {
        guard let node = value(key) else {
            if isRequired(key, required) { missing(key, example: "2024-05-31") }
            return nil
        }
        return date(in: node, key: key)
    }

    mutating func date(in node: Node, key: String) -> ContentDate? {
        guard let text = node.scalar?.string, let date = ContentDate(iso: text) else {
            if let text = node.scalar?.string, let impossible = ContentDate.impossibility(ofISO: text) {
                error("`\(key)` ist kein gültiges Datum: \(impossible).", at: node,
                      hint: "Prüfe Tag und Monat; gemeint ist wohl ein anderer Tag.")
                return nil
            }
            error("`\(key)` ist kein gültiges Datum: `\(node.scalar?.string ?? node.kindDescription)`.", at: node,
                  hint: "Schreibe das Datum als Jahr-Monat-Tag, zum Beispiel `\(key): 2024-05-31`.")
            return nil
        }
        return date
    }

    /// A text that must be one of the field's allowed values in the content model.
    mutating func choice(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        guard let allowed = definitions[key]?.allowedValues, !allowed.contains(text) else { return text }
        let suggestion = EditDistance.closest(to: text, among: allowed).map { " Meintest du `\($0)`?" } ?? ""
        error("`\(key): \(text)` ist kein erlaubter Wert.", at: value(key), hint: "Erlaubt: " + allowed.joined(separator: ", ") + "." + suggestion)
        return nil
    }

    /// A whole number.
    mutating func int(_ key: String, required: Bool? = nil) -> Int? {
        guard let node = value(key) else {
            if isRequired(key, required) { missing(key, example: self.example(key, nil, fallback: "1")) }
            return nil
        }
        guard let text = node.scalar?.string, let number = Int(text) else {
            error("`\(key)` muss eine ganze Zahl sein, ist aber `\(node.scalar?.string ?? node.kindDescription)`.", at: node,
                  hint: "Schreibe eine Zahl ohne Anführungszeichen, zum Beispiel `\(key): 1`.")
            return nil
        }
        return number
    }

    /// true/false.
    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "ja", "on": return true
        case "false", "no", "nein", "off": return false
        default:
            error("`\(key)` muss `true` oder `false` sein.", at: node)
            return nil
        }
    }

    /// A warning for every key no accessor asked for, with the closest known key as a suggestion.
    mutating func reportUnknownKeys() {
        for pair in pairs where !knownKeys.contains(pair.key) {
            var hint = "Erlaubte Felder: " + knownKeys.map { "`\($0)`" }.joined(separator: ", ") + "."
            if let suggestion = EditDistance.closest(to: pair.key, among: knownKeys) {
                hint = "Meintest du `\(suggestion)`?"
            }
            diagnostics.append(.warning(at: location(of: pair.keyNode), "Unbekanntes Feld `\(pair.key)` wird ignoriert.", hint: hint))
        }
    }
}

extension Node {
    /// "eine Liste", "eine Zuordnung" or "ein Text", for messages.
    var kindDescription: String {
        switch self {
        case .mapping: "eine Zuordnung (Schlüssel: Wert)"
        case .sequence: "eine Liste"
        case .scalar: "ein Text"
        case .alias: "ein Verweis"
        }
    }
}
