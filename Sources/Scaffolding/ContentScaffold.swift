public import SiteModel

/// New content files for `vcc new` and the pages of `vcc init`, written from the content model:
/// every required field with a placeholder that says what belongs there, every optional field as a
/// comment with its allowed values. The build reports a leftover placeholder as an error.
public enum ContentScaffold {
    /// Marks text the author still has to write (``ScaffoldMarker/toFillIn``).
    public static let placeholder = ScaffoldMarker.toFillIn

    /// The path below `content/` where a new document of `kind` named by `slug` goes.
    public static func contentPath(kind: ContentKind, slug: String, course: String? = nil) -> String {
        switch kind {
        case .course: "qualifizierung/\(slug)/index.md"
        case .module: "qualifizierung/\(course ?? "kurs")/\(slug).md"
        // Every other kind lives in the folder of its section (SiteSection), a plain page at the top.
        default: SiteSection.allCases.first { $0.contentKind == kind }.map { "\($0.rawValue)/\(slug).md" } ?? "\(slug).md"
        }
    }

    /// The text of a new file of `kind` with the title `title`.
    /// - Parameter order: for a module, its place in the course (after the modules there are).
    public static func file(kind: ContentKind, title: String, today: ContentDate, order: Int = 1) -> String {
        var lines = ["---", "# \(kind.germanName). Jede Stelle «ausfüllen …» muss ausgefüllt werden, sonst bricht der Build ab.",
                     "# Auskommentierte Felder (#) sind freiwillig; alle Felder zeigt `vcc schema --markdown`."]
        for field in ContentModelDefinition.fields(of: kind) where !["type", "draft", "layout"].contains(field.name) {
            if field.name == "title" || field.name == "name" {
                lines.append("\(field.name): \(quoted(title))")
            } else if field.name == "order" {
                lines.append("order: \(order)")
            } else if field.isRequired || (kind == .page && field.name == "summary") {
                // A page's summary is optional to the build, but `vcc check` asks for it.
                lines.append("\(field.name): \(requiredValue(field, today: today))")
            } else {
                lines.append("# \(field.name): \(example(field, today: today))" + allowed(field))
            }
        }
        lines += ["---", ""] + body(kind)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The example of an optional field, made to fit what the scaffold fills in (an end after today's start).
    private static func example(_ field: FieldDefinition, today: ContentDate) -> String {
        field.name == "end" && field.type.isDate ? "\(today.year + 1)-12-31" : field.example
    }

    private static func requiredValue(_ field: FieldDefinition, today: ContentDate) -> String {
        switch field.type {
        case .reference(let kind):
            return quoted(placeholder + " " + field.description + " Die Kennung ist der Dateiname ohne .md, zum Beispiel \(field.example) (\(kind.germanName))»")
        case .references(let kind):
            return "[" + quoted(placeholder + " " + field.description + " Kennungen sind Dateinamen ohne .md, zum Beispiel \(field.example) (\(kind.germanName))»") + "]"
        case .date: return today.iso
        case .integer: return field.example
        case .object(let inner):
            // A list inside (a data set's `schema.fields`) shows its example, as a list at the top does.
            let parts = inner.filter(\.isRequired).map { field in
                "\(field.name): " + (field.type.isList ? requiredValue(field, today: today) : quoted(placeholder + " " + field.description + "»"))
            }
                + inner.filter { !$0.isRequired && $0.type.isText }.prefix(1).map { "\($0.name): \(quoted(placeholder + " " + $0.description + "»"))" }
            return "{" + parts.joined(separator: ", ") + "}"
        case .texts, .choices, .objects:
            return "[" + quoted(placeholder + " " + field.description + " Zum Beispiel " + field.example + "»") + "]"
        case .choice(let values):
            return quoted(placeholder + " " + (values.count > 12 ? "zum Beispiel \(field.example)" : values.joined(separator: " | ")) + "»")
        default:
            return quoted(placeholder + " " + field.description + "»")
        }
    }

    private static func allowed(_ field: FieldDefinition) -> String {
        guard let values = field.allowedValues, values.count <= 12 else {
            return field.example == field.description ? "" : "   # \(field.description)"
        }
        return "   # erlaubt: " + values.joined(separator: ", ")
    }

    private static func body(_ kind: ContentKind) -> [String] {
        let write = { (what: String) in placeholder + " " + what + "»" }
        switch kind {
        case .blueprint:
            return ["## Ausgangslage", "", write("Welches Problem hatte die Verwaltung, und für wen?"), "",
                    "## Lösung", "", write("Was wurde umgesetzt, mit welchen Mitteln?"), "",
                    "## Umsetzung in Schritten", "", "1. " + write("erster Schritt"), "", "## Erfahrungen", "",
                    write("Was lief gut, was würden Sie anders machen?")]
        case .report: return ["## Stand", "", write("Was ist erreicht, was kommt als Nächstes?")]
        case .course: return [write("Worum es im Kurs geht und wie er abläuft.")]
        case .module: return ["## Einstieg", "", write("Der Inhalt des Moduls.")]
        case .project: return ["## Ziele", "", write("Was das Projekt erreichen will.")]
        case .municipality: return [write("Was die Kommune in die Kooperation einbringt.")]
        case .event: return [write("Worum es bei der Veranstaltung geht und für wen sie gedacht ist.")]
        default: return [write("Der Text der Seite.")]
        }
    }

    /// A YAML double-quoted string.
    public static func quoted(_ text: String) -> String { YAMLText.quoted(text) }
}

extension FieldDefinition.ValueType {
    var isList: Bool {
        switch self {
        case .texts, .choices, .objects: true
        default: false
        }
    }

    var isDate: Bool {
        if case .date = self { return true }
        return false
    }

    var isText: Bool {
        switch self {
        case .text, .email, .url: true
        default: false
        }
    }
}
