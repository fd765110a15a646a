public import SiteModel

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

    /// What an object needs beyond its required fields, as the loader checks it: a contact an
    /// e-mail address or a web address; an adoption a municipality id, or a name with an AGS.
    private static func requiredAlternatives(_ fields: [FieldDefinition]) -> [[String]] {
        let names = Set(fields.map(\.name))
        if names == ["name", "email", "url"] { return [["email"], ["url"]] }
        if names.isSuperset(of: ["municipality", "name", "ags", "since", "status"]) { return [["municipality"], ["name", "ags"]] }
        return []
    }

    private static func object(_ fields: [FieldDefinition], alternatives: [[String]] = []) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in fields {
            var property = value(field.type, required: field.isRequired)
            property["description"] = .string(field.description)
            properties[field.name] = property
        }
        var schema: JSONValue = ["type": "object", "properties": .object(properties),
                                 "required": .strings(fields.filter(\.isRequired).map(\.name)), "additionalProperties": false]
        if !alternatives.isEmpty { schema["anyOf"] = .array(alternatives.map { ["required": .strings($0)] }) }
        return schema
    }

    /// Text as YAML gives it (a number written plainly is text to vcc too): not blank, and no
    /// scaffold placeholder left in it.
    private static let text: JSONValue = ["type": ["string", "number"], "minLength": 1,
                                          "pattern": "^(?![\\s\\S]*«ausfüllen:)[\\s\\S]*\\S"]

    private static func listOrOne(_ item: JSONValue, required: Bool) -> JSONValue {
        ["anyOf": [item, ["type": "array", "items": item, "minItems": .integer(required ? 1 : 0)]]]
    }

    private static func value(_ type: FieldDefinition.ValueType, required: Bool) -> JSONValue {
        switch type {
        case .text: text
        case .date: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"]
        case .integer: ["anyOf": [["type": "integer", "minimum": 0], ["type": "string", "pattern": "^[0-9][0-9_]*$"]]]
        // YAML 1.1 words vcc reads as yes and no, besides true and false.
        case .boolean: ["anyOf": [["type": "boolean"], ["enum": ["ja", "nein", "yes", "no", "on", "off", "Ja", "Nein", "Yes", "No", "True", "False"]]]]
        case .url: ["type": "string", "pattern": "^https?://[^\\s/]", "format": "uri"]
        case .email: ["type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"]
        case .pattern(let pattern, _): ["type": "string", "pattern": .string(pattern)]
        case .texts: listOrOne(text, required: required)
        case .choice(let values): ["enum": .strings(values)]
        case .choices(let values): listOrOne(["enum": .strings(values)], required: required)
        case .reference: ["type": "string", "pattern": "^[^/\\s]+$"]
        case .references: listOrOne(["type": "string", "pattern": "^[^/\\s]+$"], required: required)
        case .object(let fields): object(fields, alternatives: requiredAlternatives(fields))
        case .objects(let fields): ["type": "array", "items": object(fields, alternatives: requiredAlternatives(fields)), "minItems": .integer(required ? 1 : 0)]
        }
    }
}
