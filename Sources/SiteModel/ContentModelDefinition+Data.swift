/// The fields of data sets and competence clusters, and the field that puts a document into a cluster.
extension ContentModelDefinition {
    /// `cluster:` of blueprints, projects and courses.
    static let clusterReference = FieldDefinition(
        "cluster", .reference(.cluster), "Der Kompetenzcluster, zu dem der Inhalt gehört (seine Seite listet ihn).", example: "onlinedienste")

    static let dataset: [FieldDefinition] = [
        summary,
        FieldDefinition("file", .text, required: true, "Die CSV-Datei (Komma als Trenner, UTF-8, Kopfzeile mit den Spaltennamen), relativ zur Markdown-Datei.",
                        example: "nutzungszahlen.csv"),
        FieldDefinition("license", .choice(licenses), required: true, "Die Lizenz der Daten (SPDX-Kennung).", example: "DL-DE-BY-2.0"),
        FieldDefinition("source", .text, required: true, "Woher die Zahlen stammen.", example: "Statistik-Export der Antragsplattform"),
        FieldDefinition("period", .object([
            FieldDefinition("start", .date, required: true, "Der erste Tag des Zeitraums.", example: "2024-01-01"),
            FieldDefinition("end", .date, required: true, "Der letzte Tag.", example: "2024-12-31"),
        ]), required: true, "Der Zeitraum, den die Zahlen abdecken.", example: "{start: 2024-01-01, end: 2024-12-31}"),
        FieldDefinition("schema", .object([
            FieldDefinition("fields", .objects([
                FieldDefinition("name", .text, required: true, "Der Spaltenname, wie in der Kopfzeile der CSV-Datei.", example: "aufrufe"),
                FieldDefinition("type", .choice(DataFieldType.allCases.map(\.rawValue)), "Der Typ nach Table Schema (ohne Angabe `string`).",
                                example: "integer"),
                FieldDefinition("title", .text, "Die Überschrift in Tabellen und Diagrammen.", example: "Aufrufe"),
                FieldDefinition("description", .text, "Was die Spalte bedeutet.", example: "Wie oft der Dienst aufgerufen wurde."),
                FieldDefinition("unit", .text, "Die Einheit der Werte.", example: "Anzahl"),
                FieldDefinition("constraints", .object([
                    FieldDefinition("required", .boolean, "Jede Zeile braucht einen Wert.", example: "true"),
                    FieldDefinition("minimum", .integer, "Der kleinste erlaubte Wert.", example: "0"),
                    FieldDefinition("maximum", .integer, "Der größte erlaubte Wert.", example: "100"),
                ]), "Bedingungen, die vcc für jede Zeile prüft.", example: "{required: true, minimum: 0}"),
            ]), required: true, "Eine Beschreibung je Spalte, in der Reihenfolge der CSV-Datei.",
                example: "[{name: monat, type: yearmonth, title: Monat}]"),
        ]), required: true, "Die Spalten nach Frictionless Table Schema.",
            example: "{fields: [{name: monat, type: yearmonth, title: Monat}, {name: aufrufe, type: integer, title: Aufrufe, unit: Anzahl}]}"),
        FieldDefinition("publisher", .reference(.municipality), "Die Kommune, die die Daten veröffentlicht.", example: "marburg"),
        FieldDefinition("project", .reference(.project), "Das Projekt, das die Zahlen erhebt.", example: "godonu"),
        FieldDefinition("updated", .date, "Der Stand der Daten.", example: "2025-01-15"),
        FieldDefinition("example_values", .boolean, "Die Zahlen sind erfundene Beispielwerte; die Seite sagt das.", example: "true"),
    ]

    static let cluster: [FieldDefinition] = [
        summary,
        FieldDefinition("lead", .reference(.municipality), required: true, "Die Kommune, die den Cluster leitet.", example: "marburg"),
        FieldDefinition("members", .objects([
            FieldDefinition("municipality", .reference(.municipality), required: true, "Eine Kommune der Kooperation.", example: "fulda"),
            FieldDefinition("role", .text, "Ihre Rolle im Cluster.", example: "erprobt die Lösungen als zweite Kommune"),
        ]), "Die weiteren Kommunen mit ihrer Rolle.", example: "[{municipality: fulda, role: Pilotkommune}]"),
        FieldDefinition("contacts", .objects(contact), "Wen man zum Cluster fragen kann.",
                        example: "[{name: Fachdienst Digitalisierung, email: digital@example.de}]"),
        FieldDefinition("themes", .texts, required: true, "Die Themen des Clusters.", example: "[Onlinedienste, Open Data]"),
    ]
}
