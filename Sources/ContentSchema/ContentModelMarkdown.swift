import SiteModel

/// `docs/CONTENT-MODEL.md`: every field of every content type, generated from the same definitions.
public enum ContentModelMarkdown {
    public static var document: String {
        var lines = [
            "# Content model",
            "",
            "<!-- Generated from Sources/SiteModel/ContentModelDefinition.swift by `vcc schema --markdown`; a test keeps it current. -->",
            "",
            "Every content type with its front-matter fields: required or not, the values it takes, what it means.",
            "The same definitions drive the checks of `vcc build`, the scaffolds of `vcc new` and the JSON Schemas",
            "of `vcc schema`. Dates are written `JJJJ-MM-TT`; ids are file names without `.md`.",
            "",
        ]
        for kind in ContentKind.allCases {
            lines += ["## \(kind.germanName) (`\(kind.rawValue)`)", "", "| Feld | Pflicht | Werte | Bedeutung | Beispiel |", "|---|---|---|---|---|"]
            lines += rows(ContentModelDefinition.fields(of: kind), prefix: "")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func rows(_ fields: [FieldDefinition], prefix: String) -> [String] {
        fields.flatMap { field -> [String] in
            let row = "| `\(prefix + field.name)` | \(field.isRequired ? "ja" : "nein") | \(values(field.type)) | \(cell(field.description)) | `\(cell(field.example))` |"
            switch field.type {
            case .object(let inner), .objects(let inner): return [row] + rows(inner, prefix: prefix + field.name + (field.type.isList ? "[]." : "."))
            default: return [row]
            }
        }
    }

    private static func values(_ type: FieldDefinition.ValueType) -> String {
        switch type {
        case .text: "Text"
        case .date: "Datum"
        case .integer: "ganze Zahl"
        case .boolean: "`true`/`false`"
        case .url: "Webadresse"
        case .email: "E-Mail-Adresse"
        case .pattern(_, let description): "Text (\(description))"
        case .texts: "Liste von Texten"
        case .choice(let values): values.count > 12 ? "einer von \(values.count) Werten (siehe Schema)" : values.map { "`\($0)`" }.joined(separator: ", ")
        case .choices(let values): "Liste aus " + (values.count > 12 ? "\(values.count) Werten (siehe Schema)" : values.map { "`\($0)`" }.joined(separator: ", "))
        case .reference(let kind): "Kennung: \(kind.germanName)"
        case .references(let kind): "Liste von Kennungen: \(kind.germanName)"
        case .object: "Zuordnung"
        case .objects: "Liste von Zuordnungen"
        }
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}

extension FieldDefinition.ValueType {
    var isList: Bool {
        if case .objects = self { return true }
        return false
    }
}
