public import SiteModel

/// Checks a data set's CSV against its description and types every value: the header must name
/// the described columns in their order, every record must have one value per column, and every
/// value must fit its column's type and constraints. Each problem is an error at the CSV's
/// `line:column` (a column the CSV lacks: at the description's field), in German, with a fix.
public struct DataTableCheck: Sendable {
    public let fields: [DataField]
    /// The CSV's path below the project (`content/daten/nutzungszahlen.csv`), for messages.
    public let file: String
    /// The description's path, for messages about a field it names.
    public let descriptionFile: String

    public init(fields: [DataField], file: String, descriptionFile: String) {
        self.fields = fields; self.file = file; self.descriptionFile = descriptionFile
    }

    /// The typed rows of `records` (the first is the header) and every problem; the rows are
    /// empty when the header does not match, because then no value can be told its column.
    public func rows(of records: [CSVRecord]) -> (rows: [[DataValue]], problems: [Diagnostic]) {
        guard let header = records.first, !(header.fields.count == 1 && header.fields[0].text.isEmpty) else {
            return ([], [.error(at: place(1, 1), "Die CSV-Datei ist leer; sie braucht eine Kopfzeile mit den Spaltennamen.",
                                hint: "Schreibe in die erste Zeile die Namen aus `schema.fields`: " + names + ".")])
        }
        var problems = headerProblems(header)
        guard problems.isEmpty else { return ([], problems) }
        var rows: [[DataValue]] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            if record.fields.count == 1, record.fields[0].text.isEmpty { continue }  // a blank line
            if record.fields.count < fields.count {
                let missing = fields[record.fields.count...].map { "`\($0.name)`" }.joined(separator: ", ")
                problems.append(.error(at: place(record.line, record.endColumn),
                    "Die Zeile hat \(record.fields.count) Werte, die Kopfzeile \(fields.count) Spalten: es fehlt \(missing).",
                    hint: "Ergänze die fehlenden Werte, durch Kommas getrennt; ein leerer Wert steht zwischen zwei Kommas."))
            }
            for extra in record.fields.dropFirst(fields.count) {
                problems.append(.error(at: place(extra.line, extra.column),
                    "Die Zeile hat mehr Werte als die Kopfzeile Spalten (\(fields.count)): `\(extra.text)` gehört zu keiner Spalte.",
                    hint: "Steht ein Komma im Wert, setze den Wert in Anführungszeichen: `\"1,5\"`; sonst lösche das überzählige Komma."))
            }
            var row: [DataValue] = []
            row.reserveCapacity(fields.count)
            for (index, field) in fields.enumerated() {
                guard index < record.fields.count else { row.append(.missing); continue }
                let cell = record.fields[index]
                switch DataValueParser.value(cell.text, as: field) {
                case .success(let value): row.append(value)
                case .failure(let problem):
                    problems.append(.error(at: place(cell.line, cell.column), problem.message, hint: problem.hint))
                    row.append(.missing)
                }
            }
            rows.append(row)
        }
        return problems.isEmpty ? (rows, []) : ([], problems)
    }

    /// The header must be the described names, in order: an unknown column at its column, a
    /// described one the CSV lacks at the description.
    private func headerProblems(_ header: CSVRecord) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let described = Set(fields.map(\.name))
        let written = Set(header.texts)
        var seen: Set<String> = []
        for (index, cell) in header.fields.enumerated() {
            let at = place(cell.line, cell.column)
            if !seen.insert(cell.text).inserted {
                problems.append(.error(at: at, "Die Spalte `\(cell.text)` steht zweimal in der Kopfzeile.", hint: "Jede Spalte braucht einen eigenen Namen."))
            } else if !described.contains(cell.text) {
                let suggestion = EditDistance.closest(to: cell.text, among: fields.map(\.name).filter { !written.contains($0) })
                problems.append(.error(at: at, "Die Spalte `\(cell.text)` steht nicht in der Beschreibung (`schema.fields` in \(descriptionFile)).",
                    hint: suggestion.map { "Meintest du `\($0)`? Sonst beschreibe die Spalte in `schema.fields`." }
                        ?? "Beschreibe die Spalte in `schema.fields` (Name, Typ, Bedeutung) oder lösche sie aus der CSV-Datei."))
            } else if index >= fields.count || fields[index].name != cell.text {
                problems.append(.error(at: at, "Die Spalte `\(cell.text)` steht an Stelle \(index + 1), die Beschreibung nennt sie an anderer Stelle.",
                    hint: "Ordne die Spalten in `schema.fields` wie in der Kopfzeile: " + header.texts.map { "`\($0)`" }.joined(separator: ", ") + "."))
            }
        }
        for field in fields where !written.contains(field.name) {
            problems.append(.error(at: field.location ?? SourceLocation(file: descriptionFile, line: 1, column: 1),
                "Die Beschreibung nennt die Spalte `\(field.name)`, aber die Kopfzeile von \(file) hat sie nicht.",
                hint: "Die Kopfzeile lautet: " + header.texts.map { "`\($0)`" }.joined(separator: ", ")
                    + ". Ergänze die Spalte in der CSV-Datei oder korrigiere den Namen in `schema.fields`."))
        }
        return problems
    }

    private var names: String { fields.map(\.name).joined(separator: ",") }

    private func place(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
}
