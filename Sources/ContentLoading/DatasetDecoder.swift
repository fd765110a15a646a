import SiteModel
import Yams

/// Decodes a data set's description: the CSV file, licence, source, period, and the columns in
/// `schema.fields` with Frictionless Table Schema's names (`name`, `type`, `title`,
/// `description`, `constraints: {required, minimum, maximum}`) plus `unit`. The CSV itself is read
/// and checked after parsing (see ``DatasetTables``).
enum DatasetDecoder {
    static func dataset(_ f: inout FrontMatterFields) -> Dataset? {
        let summary = f.string("summary")
        let file = f.string("file")
        if let file, !file.lowercased().hasSuffix(".csv") || file.contains("://") {
            f.error("`file: \(file)` ist keine CSV-Datei.", at: f.value("file"),
                    hint: "Nenne die CSV-Datei relativ zu dieser Markdown-Datei, zum Beispiel `file: nutzungszahlen.csv`.")
        }
        let license = MetadataDecoder.licenseValue(&f)
        let source = f.string("source")
        let period = periodValue(&f)
        let fields = schemaFields(&f)
        let publisher = f.references("publisher").first
        let project = f.references("project").first
        let updated = f.date("updated")
        let isExample = f.bool("example_values") ?? false
        guard let summary, let file, file.lowercased().hasSuffix(".csv"), let license, let source, let period, !fields.isEmpty else { return nil }
        var dataset = Dataset(summary: summary, file: file, license: license, source: source, start: period.start, end: period.end, fields: fields)
        dataset.publisher = publisher
        dataset.project = project
        dataset.updated = updated
        dataset.isExample = isExample
        return dataset
    }

    private static func periodValue(_ f: inout FrontMatterFields) -> (start: ContentDate, end: ContentDate)? {
        let example = "{start: 2024-01-01, end: 2024-12-31}"
        guard let node = f.value("period") else {
            f.error("Pflichtfeld `period` fehlt.", at: nil, hint: "Ergänze den Zeitraum der Zahlen: `period: \(example)`.")
            return nil
        }
        guard node.mapping != nil, let startNode = node["start"], let endNode = node["end"] else {
            f.error("`period` braucht `start` und `end`.", at: node, hint: "Schreibe `period: \(example)`.")
            return nil
        }
        DecisionFieldsDecoder.reportUnknown(in: node, allowed: ["start", "end"], field: "period", &f)
        guard let start = f.date(in: startNode, key: "start"), let end = f.date(in: endNode, key: "end") else { return nil }
        if end < start {
            f.error("Das Ende des Zeitraums (\(end)) liegt vor seinem Beginn (\(start)).", at: endNode, hint: "Prüfe die beiden Daten.")
            return nil
        }
        return (start, end)
    }

    private static let fieldKeys = ["name", "type", "title", "description", "unit", "constraints", "format"]

    /// `schema: {fields: [...]}`, each field checked at its line.
    private static func schemaFields(_ f: inout FrontMatterFields) -> [DataField] {
        let example = "{fields: [{name: monat, type: yearmonth, title: Monat}]}"
        guard let schema = f.value("schema") else {
            f.error("Pflichtfeld `schema` fehlt.", at: nil, hint: "Beschreibe die Spalten der CSV-Datei: `schema: \(example)`.")
            return []
        }
        guard schema.mapping != nil, let list = schema["fields"]?.sequence, !list.isEmpty else {
            f.error("`schema` braucht eine Liste `fields` mit einer Beschreibung je Spalte.", at: schema, hint: "Schreibe `schema: \(example)`.")
            return []
        }
        DecisionFieldsDecoder.reportUnknown(in: schema, allowed: ["fields"], field: "schema", &f)
        var names: Set<String> = []
        return list.prefix(FrontMatterFields.maximumListEntries).compactMap { node -> DataField? in
            guard node.mapping != nil, let name = node["name"]?.scalar?.string, !name.isEmpty else {
                f.error("Jede Spalte in `schema.fields` braucht `name`.", at: node, hint: "Schreibe `- {name: aufrufe, type: integer, title: Aufrufe}`.")
                return nil
            }
            DecisionFieldsDecoder.reportUnknown(in: node, allowed: fieldKeys, field: "schema.fields", &f)
            guard names.insert(name).inserted else {
                f.error("Die Spalte `\(name)` ist zweimal beschrieben.", at: node, hint: "Jede Spalte braucht einen eigenen Namen.")
                return nil
            }
            let typeName = node["type"]?.scalar?.string ?? "string"
            guard let type = DataFieldType(rawValue: typeName) else {
                let allowed = DataFieldType.allCases.map(\.rawValue)
                let suggestion = EditDistance.closest(to: typeName, among: allowed).map { " Meintest du `\($0)`?" } ?? ""
                f.error("`type: \(typeName)` (Spalte `\(name)`) ist kein Typ, den vcc prüft.", at: node["type"],
                        hint: "Erlaubt (Table Schema): " + allowed.joined(separator: ", ") + "." + suggestion)
                return nil
            }
            if let format = node["format"]?.scalar?.string, format != "default" {
                f.error("`format: \(format)` (Spalte `\(name)`): vcc liest nur das Standardformat des Typs.", at: node["format"],
                        hint: "Schreibe die Werte im Standardformat (Zahlen mit Punkt, Daten als JJJJ-MM-TT) und lass `format` weg.")
            }
            var field = DataField(name: name, type: type, title: node["title"]?.scalar?.string,
                                  description: node["description"]?.scalar?.string, unit: node["unit"]?.scalar?.string)
            field.location = f.location(of: node["name"])
            if let constraints = node["constraints"] {
                DecisionFieldsDecoder.reportUnknown(in: constraints, allowed: ["required", "minimum", "maximum"], field: "constraints", &f)
                field.isRequired = constraints["required"]?.scalar?.string == "true"
                field.minimum = bound("minimum", in: constraints, of: field, &f)
                field.maximum = bound("maximum", in: constraints, of: field, &f)
            }
            return field
        }
    }

    private static func bound(_ key: String, in constraints: Node, of field: DataField, _ f: inout FrontMatterFields) -> Double? {
        guard let node = constraints[key] else { return nil }
        guard field.type.isNumeric else {
            f.error("`\(key)` gilt nur für Zahlen; die Spalte `\(field.name)` hat den Typ `\(field.type.rawValue)`.", at: node,
                    hint: "Nimm `\(key)` aus den `constraints` oder gib der Spalte den Typ `integer` oder `number`.")
            return nil
        }
        guard let text = node.scalar?.string, let value = Double(text), value.isFinite else {
            f.error("`\(key)` muss eine Zahl sein.", at: node, hint: "Schreibe zum Beispiel `\(key): 0`.")
            return nil
        }
        return value
    }
}
