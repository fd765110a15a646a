/// JSON Schemas (draft 2020-12) of the front matter of each content type, generated from
/// ``ContentModelDefinition`` — the definitions the loader validates with, so editors, CI jobs and
/// other tools check front matter by the same rules as `vcc build`.
public enum ContentModelJSONSchema {
    /// The schema's file name for a content type: `blueprint.schema.json`.
    public static func fileName(for kind: ContentKind) -> String { kind.rawValue + ".schema.json" }

    /// The schema of `kind` as JSON text.
    public static func schema(for kind: ContentKind) -> String {
        var schema = object(ContentModelDefinition.fields(of: kind))
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = .string(fileName(for: kind))
        schema["title"] = .string("Front Matter: \(kind.germanName)")
        schema["description"] = .string("Die Felder zwischen den `---`-Zeilen einer Datei vom Typ \(kind.germanName) (`\(kind.rawValue)`), "
            + "wie vcc sie prüft. Daten als Text `JJJJ-MM-TT`.")
        return schema.text + "\n"
    }

    private static func object(_ fields: [FieldDefinition]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in fields {
            var property = value(field.type, required: field.isRequired)
            property["description"] = .string(field.description)
            properties[field.name] = property
        }
        return ["type": "object", "properties": .object(properties),
                "required": .strings(fields.filter(\.isRequired).map(\.name)), "additionalProperties": false]
    }

    private static let text: JSONValue = ["type": "string", "minLength": 1]

    private static func listOrOne(_ item: JSONValue, required: Bool) -> JSONValue {
        ["anyOf": [item, ["type": "array", "items": item, "minItems": .integer(required ? 1 : 0)]]]
    }

    private static func value(_ type: FieldDefinition.ValueType, required: Bool) -> JSONValue {
        switch type {
        case .text: text
        case .date: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"]
        case .integer: ["type": "integer"]
        case .boolean: ["type": "boolean"]
        case .url: ["type": "string", "pattern": "^(https?://|mailto:|tel:)", "format": "uri"]
        case .email: ["type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"]
        case .pattern(let pattern, _): ["type": "string", "pattern": .string(pattern)]
        case .texts: listOrOne(text, required: required)
        case .choice(let values): ["enum": .strings(values)]
        case .choices(let values): listOrOne(["enum": .strings(values)], required: required)
        case .reference: ["type": "string", "pattern": "^[^/\\s]+$"]
        case .references: listOrOne(["type": "string", "pattern": "^[^/\\s]+$"], required: required)
        case .object(let fields): object(fields)
        case .objects(let fields): ["type": "array", "items": object(fields), "minItems": .integer(required ? 1 : 0)]
        }
    }
}

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
