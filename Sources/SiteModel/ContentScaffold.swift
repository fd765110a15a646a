/// New content files for `vcc new` and the pages of `vcc init`, written from the content model:
/// every required field with a placeholder that says what belongs there, every optional field as a
/// comment with its allowed values. The build reports a leftover placeholder as an error.
public enum ContentScaffold {
    /// Marks text the author still has to write; an error wherever the build finds it.
    public static let placeholder = "«ausfüllen:"
    /// Marks text that should be completed (the legal pages of a new site): a warning, an error with `vcc check --strict`.
    public static let toComplete = "«ergänzen:"

    /// German and English names of the types `vcc new` takes.
    public static let typeNames: [String: ContentKind] = [
        "blaupause": .blueprint, "blueprint": .blueprint, "bericht": .report, "report": .report,
        "kurs": .course, "course": .course, "modul": .module, "module": .module, "projekt": .project, "project": .project,
        "kommune": .municipality, "municipality": .municipality, "seite": .page, "page": .page,
    ]

    /// The path below `content/` where a new document of `kind` named by `slug` goes.
    public static func contentPath(kind: ContentKind, slug: String, course: String? = nil) -> String {
        switch kind {
        case .blueprint: "blaupausen/\(slug).md"
        case .report: "berichte/\(slug).md"
        case .course: "qualifizierung/\(slug)/index.md"
        case .module: "qualifizierung/\(course ?? "kurs")/\(slug).md"
        case .project: "projekte/\(slug).md"
        case .municipality: "kommunen/\(slug).md"
        case .page: "\(slug).md"
        }
    }

    /// The text of a new file of `kind` with the title `title`.
    public static func file(kind: ContentKind, title: String, today: ContentDate) -> String {
        var lines = ["---", "# \(kind.germanName). Jede Stelle «ausfüllen …» muss ausgefüllt werden, sonst bricht der Build ab.",
                     "# Auskommentierte Felder (#) sind freiwillig; alle Felder: docs/CONTENT-MODEL.md"]
        for field in ContentModelDefinition.fields(of: kind) where !["type", "draft", "layout"].contains(field.name) {
            if field.name == "title" || field.name == "name" {
                lines.append("\(field.name): \(quoted(title))")
            } else if field.isRequired {
                lines.append("\(field.name): \(requiredValue(field, today: today))")
            } else {
                lines.append("# \(field.name): \(field.example)" + allowed(field))
            }
        }
        lines += ["---", ""] + body(kind)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func requiredValue(_ field: FieldDefinition, today: ContentDate) -> String {
        switch field.type {
        case .date: return today.iso
        case .integer: return field.example
        case .object(let inner):
            let parts = inner.filter(\.isRequired).map { "\($0.name): \(quoted(placeholder + " " + $0.description + "»"))" }
                + inner.filter { !$0.isRequired && $0.type.isText }.prefix(1).map { "\($0.name): \(quoted(placeholder + " " + $0.description + "»"))" }
            return "{" + parts.joined(separator: ", ") + "}"
        case .texts, .references, .choices, .objects:
            return "[" + quoted(placeholder + " " + field.description + " Zum Beispiel " + field.example + "»") + "]"
        case .choice(let values):
            return quoted(placeholder + " " + (values.count > 12 ? "zum Beispiel \(field.example)" : values.joined(separator: " | ")) + "»")
        default:
            return quoted(placeholder + " " + field.description + "»")
        }
    }

    private static func allowed(_ field: FieldDefinition) -> String {
        guard let values = field.allowedValues, values.count <= 12 else { return "   # \(field.description)" }
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
        case .page: return [write("Der Text der Seite.")]
        }
    }

    /// A YAML double-quoted string.
    public static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension FieldDefinition.ValueType {
    var isText: Bool {
        switch self {
        case .text, .email, .url: true
        default: false
        }
    }
}
