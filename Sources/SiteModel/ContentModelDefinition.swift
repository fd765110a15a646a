/// The content model in one place: every front-matter field of every content type, whether it is
/// required, what values it takes, a German description and an example. The loader takes
/// required fields, examples and allowed values from here; `vcc new` writes its scaffolds,
/// `vcc schema` its JSON Schemas and `docs/CONTENT-MODEL.md` its tables from the same table.
public struct FieldDefinition: Sendable {
    /// What a field's value is.
    public indirect enum ValueType: Sendable {
        case text
        case date
        case integer
        case boolean
        case url
        case email
        /// Text matching a regular expression (also used as the JSON Schema `pattern`).
        case pattern(String, description: String)
        case texts
        /// One value from a fixed list.
        case choice([String])
        /// A list of values from a fixed list (a single value is accepted too).
        case choices([String])
        /// The id of another document of this kind (its file name without `.md`).
        case reference(ContentKind)
        case references(ContentKind)
        case object([FieldDefinition])
        case objects([FieldDefinition])
    }

    public var name: String
    public var isRequired: Bool
    public var type: ValueType
    /// What the field means, in German (shown in scaffolds, schemas and the documentation).
    public var description: String
    /// A value as it would be written in YAML, for scaffolds and hints.
    public var example: String

    public init(_ name: String, _ type: ValueType, required: Bool = false, _ description: String, example: String) {
        self.name = name; self.type = type; self.isRequired = required; self.description = description; self.example = example
    }

    /// The allowed values of a choice field, nil for others.
    public var allowedValues: [String]? {
        switch type {
        case .choice(let values), .choices(let values): values
        default: nil
        }
    }
}

/// The fields of each content type.
public enum ContentModelDefinition {
    /// The report types a report may have.
    public static let reportTypes = ["Zwischenbericht", "Abschlussbericht", "Werkstattbericht", "Veranstaltungsbericht",
                                     "Erfahrungsbericht", "Evaluationsbericht"]
    /// The states of a project.
    public static let projectStatuses = ["geplant", "laufend", "abgeschlossen"]

    /// The fields of `kind`, in the order a scaffold writes them.
    public static func fields(of kind: ContentKind) -> [FieldDefinition] {
        common(kind) + specific(kind)
    }

    /// The definition of one field of `kind`.
    public static func field(_ name: String, of kind: ContentKind) -> FieldDefinition? {
        fields(of: kind).first { $0.name == name }
    }

    private static func common(_ kind: ContentKind) -> [FieldDefinition] {
        let title = kind == .municipality
            ? FieldDefinition("name", .text, required: true, "Der Name der Kommune, wie er auf der Website erscheint.", example: "Marburg")
            : FieldDefinition("title", .text, required: kind != .page, "Der Titel der Seite.", example: "Digitaler Posteingang")
        return [
            title,
            FieldDefinition("type", .choice(ContentKind.allCases.map(\.rawValue)),
                            "Der Inhaltstyp, wenn er nicht aus dem Ordner folgt.", example: kind.rawValue),
            FieldDefinition("draft", .boolean, "Entwurf: wird nur mit `vcc build --drafts` gebaut.", example: "true"),
            FieldDefinition("layout", .text, "Wird angenommen (Seiten aus anderen Generatoren haben es), aber nicht ausgewertet: die Vorlage folgt aus dem Typ.",
                            example: "page"),
        ]
    }

    static let licenses = License.known.keys.sorted()
    static let contact: [FieldDefinition] = [
        FieldDefinition("name", .text, required: true, "Name der Stelle oder Person.", example: "Stabsstelle Digitalisierung"),
        FieldDefinition("email", .email, "E-Mail-Adresse.", example: "digital@example.de"),
        FieldDefinition("url", .url, "Webadresse.", example: "https://www.example.de/digital"),
        FieldDefinition("person", .text, "Eine Person, die man fragen kann (zusätzlich zur Stelle in `name`).", example: "Anna Beispiel"),
        FieldDefinition("phone", .pattern("^[+0(][0-9 ()/+-]{5,}$", description: "Telefonnummer mit Vorwahl"),
                        "Telefonnummer mit Vorwahl.", example: "\"+49 69 8065-2345\""),
    ]
    static let attachment: [FieldDefinition] = [
        FieldDefinition("title", .text, required: true, "Was die Datei ist.", example: "Checkliste (PDF)"),
        FieldDefinition("path", .text, required: true, "Pfad der Datei relativ zur Markdown-Datei, oder eine https-Adresse.",
                        example: "checkliste.pdf"),
    ]
    static let summary = FieldDefinition("summary", .text, required: true, "Ein Satz, worum es geht (Listen, Suche, Metadaten).",
                                                 example: "Ein Satz, was die Lösung leistet.")

    private static func specific(_ kind: ContentKind) -> [FieldDefinition] {
        switch kind {
        case .blueprint: blueprint + [clusterReference]
        case .dataset: dataset
        case .cluster: cluster
        case .report: [
            summary,
            FieldDefinition("project", .reference(.project), required: true, "Das Projekt, aus dem der Bericht stammt.", example: "godonu"),
            FieldDefinition("report_type", .choice(reportTypes), required: true, "Die Art des Berichts.", example: "Zwischenbericht"),
            FieldDefinition("published", .date, required: true, "Datum der Veröffentlichung.", example: "2024-05-01"),
            FieldDefinition("authors", .texts, required: true, "Wer den Bericht verfasst hat.", example: "[Stabsstelle Digitalisierung Offenbach]"),
            FieldDefinition("license", .choice(licenses), "Die Lizenz des Berichts (SPDX-Kennung).", example: "CC-BY-4.0"),
        ]
        case .course: [
            summary,
            FieldDefinition("audience", .text, required: true, "Für wen der Kurs gedacht ist.", example: "Beschäftigte in Fachämtern"),
            FieldDefinition("learning_outcomes", .texts, required: true, "Was Teilnehmende danach können.",
                            example: "[Einen Ablauf als Prozess beschreiben]"),
            FieldDefinition("workload", .text, required: true, "Der Zeitaufwand.", example: "8 Stunden"),
            FieldDefinition("license", .choice(licenses), required: true, "Die Lizenz der Kursmaterialien (SPDX-Kennung).", example: "CC-BY-4.0"),
            FieldDefinition("educational_level", .choice(EducationalLevel.allCases.map(\.rawValue)),
                            "Die Bildungsstufe (für OER-Portale, AMB).", example: "fortbildung"),
            FieldDefinition("learning_resource_type", .choices(LearningResourceType.allCases.map(\.rawValue)),
                            "Die Art des Materials (für OER-Portale, AMB).", example: "[kurs]"),
            FieldDefinition("format", .choices(CourseFormat.allCases.map(\.rawValue)),
                            "Wie der Kurs stattfindet: zum Selbstlernen, vor Ort, online, oder als Material für eigene Schulungen.",
                            example: "[vor-ort, in-house-material]"),
            FieldDefinition("provider", .text, "Wer den Kurs anbietet.", example: "Kompetenzzentrum Digitale Verwaltung"),
            FieldDefinition("dates", .objects([
                FieldDefinition("date", .date, required: true, "Der Termin.", example: "2025-03-12"),
                FieldDefinition("place", .text, "Wo er stattfindet.", example: "Rathaus Marburg"),
            ]), "Termine mit Ort.", example: "[{date: 2025-03-12, place: Rathaus Marburg}]"),
            FieldDefinition("cost", .text, "Was der Kurs kostet.", example: "kostenfrei für Kommunen der Kooperation"),
            FieldDefinition("free_of_charge", .boolean, "Ob die Teilnahme nichts kostet (für OER-Portale, AMB `isAccessibleForFree`).",
                            example: "true"),
            FieldDefinition("registration", .url, "Wo man sich anmeldet.", example: "https://www.example.de/anmeldung"),
            FieldDefinition("contact", .object(contact), "Wen man zum Kurs fragen kann.", example: "{name: Personalamt, email: fortbildung@example.de}"),
            FieldDefinition("themes", .texts, "Themen wie bei Blaupausen: die Themenseite nennt den Kurs und seine Module.",
                            example: "[Digitale Verwaltung]"),
            clusterReference,
        ]
        case .module: [
            FieldDefinition("order", .integer, required: true, "Die Stelle des Moduls im Kurs.", example: "1"),
            FieldDefinition("learning_objectives", .texts, required: true, "Die Lernziele des Moduls.", example: "[Einen Ablauf zeichnen]"),
            FieldDefinition("duration", .text, required: true, "Die Dauer.", example: "90 Minuten"),
            FieldDefinition("learning_resource_type", .choices(LearningResourceType.allCases.map(\.rawValue)),
                            "Die Art des Materials (für OER-Portale, AMB).", example: "[text]"),
        ]
        case .project: [
            FieldDefinition("acronym", .text, required: true, "Die Kurzbezeichnung.", example: "GoDoNu"),
            FieldDefinition("lead", .reference(.municipality), required: true, "Die federführende Kommune.", example: "marburg"),
            FieldDefinition("partners", .references(.municipality), "Die beteiligten Kommunen.", example: "[giessen, fulda]"),
            FieldDefinition("status", .choice(projectStatuses), required: true, "Der Stand des Projekts.", example: "laufend"),
            FieldDefinition("start", .date, required: true, "Der Beginn.", example: "2023-01-01"),
            FieldDefinition("end", .date, "Das Ende (nicht vor dem Beginn).", example: "2025-12-31"),
            FieldDefinition("funding", .text, "Wer das Projekt fördert.", example: "Land Hessen"),
            FieldDefinition("summary", .text, "Ein Satz, worum es geht.", example: "Ein Satz zum Projekt."),
            clusterReference,
        ]
        case .municipality: [
            FieldDefinition("official_name", .text, required: true, "Der amtliche Name.", example: "Universitätsstadt Marburg"),
            FieldDefinition("ags", .pattern("^[0-9]{8}$", description: "acht Ziffern"), required: true,
                            "Der Amtliche Gemeindeschlüssel (acht Ziffern, in Anführungszeichen).", example: "\"06534014\""),
            FieldDefinition("website", .url, required: true, "Die Website der Kommune.", example: "https://www.example.de"),
            FieldDefinition("summary", .text, "Ein Satz zur Kommune.", example: "Ein Satz zur Kommune."),
            FieldDefinition("population", .integer, "Einwohnerinnen und Einwohner (für „Passt zu unserer Größe“).", example: "78000"),
            FieldDefinition("contact", .object(contact), "Wen andere Kommunen fragen können.",
                            example: "{name: Stabsstelle Digitalisierung, email: digital@example.de, phone: \"+49 6421 201-0\"}"),
        ]
        case .page: [
            FieldDefinition("summary", .text, "Ein Satz, worum es geht.", example: "Ein Satz zur Seite."),
            FieldDefinition("keywords", .texts, "Stichwörter für die Suche.", example: "[Impressum]"),
        ]
        case .event: event
        }
    }

    private static let blueprint: [FieldDefinition] = [
        summary,
        FieldDefinition("municipalities", .references(.municipality), required: true, "Die Kommunen, die die Lösung entwickelt haben.",
                        example: "[marburg]"),
        FieldDefinition("themes", .texts, required: true, "Die Themen (jedes bekommt eine Seite unter /themen/).", example: "[Digitale Verwaltung]"),
        FieldDefinition("maturity", .choice(Maturity.allCases.map(\.rawValue)), required: true,
                        "Der Reifegrad (`im-betrieb` braucht eine Kommune im Regelbetrieb, `mehrfach-im-betrieb` zwei; das frühere `ausgerollt` gilt weiter als `mehrfach-im-betrieb`).",
                        example: "pilot"),
        FieldDefinition("in_operation", .objects([
            FieldDefinition("municipality", .reference(.municipality), required: true, "Eine der entwickelnden Kommunen (aus `municipalities`).",
                            example: "offenbach"),
            FieldDefinition("since", .date, "Seit wann im Regelbetrieb.", example: "2023-04-01"),
        ]), "Welche entwickelnden Kommunen die Lösung im Regelbetrieb nutzen, seit wann.",
            example: "[{municipality: offenbach, since: 2023-04-01}]"),
        FieldDefinition("license", .choice(licenses), required: true, "Die Lizenz (SPDX-Kennung).", example: "CC-BY-4.0"),
        FieldDefinition("contact", .object(contact), required: true, "Wen andere Kommunen fragen können (Name und E-Mail oder Webadresse).",
                        example: "{name: Stabsstelle Digitalisierung, email: digital@example.de}"),
        FieldDefinition("updated", .date, required: true, "Der Stand der Beschreibung.", example: "2024-05-01"),
        FieldDefinition("prerequisites", .texts, "Was eine Kommune vorher braucht.", example: "[Ein Dokumentenmanagementsystem]"),
        FieldDefinition("effort", .text, "Der Aufwand der Übernahme.", example: "20 Personentage"),
        FieldDefinition("adopted_by", .objects([
            FieldDefinition("municipality", .reference(.municipality), "Eine Kommune der Kooperation.", example: "fulda"),
            FieldDefinition("name", .text, "Name einer anderen Kommune.", example: "Stadt Beispielstadt"),
            FieldDefinition("ags", .pattern("^[0-9]{8}$", description: "acht Ziffern"), "Ihr Amtlicher Gemeindeschlüssel.", example: "\"06411000\""),
            FieldDefinition("since", .date, "Seit wann.", example: "2024-01-01"),
            FieldDefinition("status", .choice(AdoptionStatus.allCases.map(\.rawValue)), "Wie weit die Übernahme ist (`im-betrieb`: im Regelbetrieb).",
                            example: "pilot"),
            FieldDefinition("contact", .object(contact), "Wen andere nach den Erfahrungen fragen können (sonst der Kontakt der Kommune).",
                            example: "{name: Hauptamt, email: hauptamt@example.de}"),
        ]), "Kommunen, die die Lösung übernommen haben.", example: "[{municipality: fulda, since: 2024-01-01, status: pilot}]"),
        FieldDefinition("related", .references(.blueprint), "Verwandte Blaupausen.", example: "[online-terminvergabe]"),
        FieldDefinition("attachments", .objects(attachment), "Downloads.", example: "[{title: Checkliste (PDF), path: checkliste.pdf}]"),
        FieldDefinition("costs", .object([
            FieldDefinition("one_off", .integer, "Einmalige Kosten in Euro.", example: "12000"),
            FieldDefinition("yearly", .integer, "Jährliche Kosten in Euro.", example: "2500"),
            FieldDefinition("note", .text, "Was die Beträge enthalten.", example: "Lizenzen, ohne Personal"),
        ]), "Kosten in ganzen Euro.", example: "{one_off: 12000, yearly: 2500, note: \"Lizenzen, ohne Personal\"}"),
        FieldDefinition("products", .objects([
            FieldDefinition("name", .text, required: true, "Name der Software.", example: "Paperless-ngx"),
            FieldDefinition("open_source", .boolean, "Ob sie Open Source ist.", example: "true"),
            FieldDefinition("license", .text, "Ihre Lizenz (SPDX).", example: "GPL-3.0-or-later"),
            FieldDefinition("url", .url, "Ihre Website.", example: "https://docs.paperless-ngx.com"),
        ]), "Eingesetzte Software.", example: "[{name: Paperless-ngx, open_source: true, license: GPL-3.0-or-later}]"),
        FieldDefinition("legal_basis", .texts, "Rechtsgrundlagen.", example: "[OZG, \"DSGVO Art. 6\"]"),
        FieldDefinition("documents", .objects(attachment), "Vorlagen zum Anpassen (Datenschutz, Dienstvereinbarung).",
                        example: "[{title: Muster-Dienstvereinbarung (ODT), path: dienstvereinbarung.odt}]"),
        FieldDefinition("suitable_for", .object([
            FieldDefinition("min", .integer, "Ab so vielen Einwohnerinnen und Einwohnern.", example: "20000"),
            FieldDefinition("max", .integer, "Bis so vielen.", example: "500000"),
        ]), "Für welche Größe von Kommune die Lösung passt.", example: "{min: 20000, max: 500000}"),
        FieldDefinition("project", .reference(.project), "Das Projekt, aus dem die Blaupause stammt.", example: "godonu"),
        FieldDefinition("software", .object([
            FieldDefinition("repository", .url, required: true, "Adresse des Quellcodes.", example: "https://gitlab.opencode.de/stadt/loesung"),
            FieldDefinition("status", .choice(Software.Status.allCases.map(\.rawValue)), required: true, "Entwicklungsstand.", example: "stable"),
            FieldDefinition("type", .choice(Software.Kind.allCases.map(\.rawValue)), required: true, "Art der Software.", example: "standalone/web"),
            FieldDefinition("platforms", .texts, required: true, "Plattformen.", example: "[web]"),
            FieldDefinition("categories", .choices(Software.categoryVocabulary.sorted()), required: true,
                            "Kategorien aus der Liste von publiccode.yml.", example: "[document-management]"),
            FieldDefinition("maintenance", .choice(Software.Maintenance.allCases.map(\.rawValue)), required: true, "Wer sie pflegt.",
                            example: "internal"),
            FieldDefinition("contact", .object(contact), "Ansprechpartner der Pflege (sonst der Kontakt der Blaupause).",
                            example: "{name: Fachdienst IT, email: it@example.de}"),
            FieldDefinition("until", .date, "Vertragsende bei `maintenance: contract`.", example: "2027-12-31"),
            FieldDefinition("license", .text, "Lizenz der Software (SPDX-Ausdruck).", example: "EUPL-1.2"),
            FieldDefinition("features", .texts, "Was die Software kann, je eine Zeile.", example: "[Posteingang scannen]"),
        ]), "Software zur Blaupause, für eine publiccode.yml (Open CoDE).",
            example: "{repository: https://gitlab.opencode.de/stadt/loesung, status: stable, type: standalone/web, platforms: [web], categories: [document-management], maintenance: internal, license: EUPL-1.2}"),
    ]
}
