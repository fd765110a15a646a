/// A table of figures published as open data: a CSV file beside its Markdown description, whose
/// columns follow Frictionless Table Schema (`schema.fields`), so standard tools read it too.
public struct Dataset: Sendable, Hashable {
    public var summary: String
    /// The CSV file, relative to the Markdown file (`nutzungszahlen.csv`).
    public var file: String
    public var license: License
    /// Where the figures come from, in words.
    public var source: String
    /// The period the figures cover.
    public var start: ContentDate
    public var end: ContentDate
    /// The columns, in the order of the CSV's header.
    public var fields: [DataField]
    /// The rows, typed by ``fields``; empty when the CSV had errors (the build fails then anyway).
    public var rows: [[DataValue]] = []
    /// The figures are invented to show the format: pages say so.
    public var isExample = false
    /// The municipality that publishes the figures (DCAT's publisher).
    public var publisher: Reference?
    /// The project that collects them.
    public var project: Reference?
    /// When the figures were last changed.
    public var updated: ContentDate?

    public init(summary: String, file: String, license: License, source: String, start: ContentDate, end: ContentDate, fields: [DataField]) {
        self.summary = summary; self.file = file; self.license = license; self.source = source
        self.start = start; self.end = end; self.fields = fields
    }

    /// The column called `name`, with its index.
    public func column(named name: String) -> (index: Int, field: DataField)? {
        fields.firstIndex { $0.name == name }.map { ($0, fields[$0]) }
    }
}

/// One column of a data set, as a Table Schema field descriptor.
public struct DataField: Sendable, Hashable {
    /// The column's name in the CSV header (Table Schema `name`).
    public var name: String
    public var type: DataFieldType
    /// The heading shown in tables and charts (Table Schema `title`); the name where it is missing.
    public var title: String?
    /// What the column means (Table Schema `description`).
    public var description: String?
    /// The unit of the figures (`Anzahl`, `Prozent`, `Euro`); an extension Table Schema allows.
    public var unit: String?
    /// Table Schema `constraints`: every row must have a value, and numbers must lie in the range.
    public var isRequired = false
    public var minimum: Double?
    public var maximum: Double?
    /// Where the field is described, for messages about it.
    public var location: SourceLocation?

    public init(name: String, type: DataFieldType, title: String? = nil, description: String? = nil, unit: String? = nil) {
        self.name = name; self.type = type; self.title = title; self.description = description; self.unit = unit
    }

    /// The heading readers see.
    public var label: String { title ?? name }
}

/// The types of Table Schema a data set's column may have.
public enum DataFieldType: String, Sendable, Hashable, CaseIterable {
    case string, integer, number, date, yearmonth, year, boolean

    /// What a value of the type is, after „ist keine/kein …“ in messages.
    public var germanName: String {
        switch self {
        case .string: "Text"
        case .integer: "ganze Zahl"
        case .number: "Zahl"
        case .date: "Datum (JJJJ-MM-TT)"
        case .yearmonth: "Monat (JJJJ-MM)"
        case .year: "Jahr (JJJJ)"
        case .boolean: "Wahrheitswert (true oder false)"
        }
    }

    /// Whether the values are numbers a chart can draw.
    public var isNumeric: Bool { self == .integer || self == .number }
}

/// One cell of a data set, typed by its column.
public enum DataValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    case date(ContentDate)
    case yearMonth(year: Int, month: Int)
    case year(Int)
    case boolean(Bool)
    /// An empty cell.
    case missing

    /// The value as a number, for charts; nil for text, dates and empty cells.
    public var numeric: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// How German readers write it: `1.234,5`, `Jan. 2024`, `1. März 2024`, `ja`.
    public var german: String {
        switch self {
        case .text(let text): text
        case .integer(let value): GermanFormat.decimal(Double(value))
        case .number(let value): GermanFormat.decimal(value)
        case .date(let date): date.german
        case .yearMonth(let year, let month): GermanFormat.shortMonth(month) + " \(year)"
        case .year(let year): String(year)
        case .boolean(let value): value ? "ja" : "nein"
        case .missing: "–"
        }
    }
}

extension Dataset {
    /// The CSV's path below `content/` for a description in `folder` (`daten/nutzungszahlen.csv`),
    /// with `.` and `..` applied; nil when it leaves `content/`.
    public func csvContentPath(folder: String) -> String? {
        guard !file.hasPrefix("/") else { return nil }
        var stack: [Substring] = []
        for part in folder.split(separator: "/") + file.split(separator: "/") {
            if part == ".." {
                guard stack.popLast() != nil else { return nil }
            } else if part != "." {
                stack.append(part)
            }
        }
        return stack.joined(separator: "/")
    }

    /// The published Table Schema beside the CSV: `daten/nutzungszahlen.schema.json`.
    public static func schemaPath(ofCSV csv: String) -> String { String(csv.dropLast(4)) + ".schema.json" }

    /// The published Data Package descriptor beside the CSV: `daten/nutzungszahlen.datapackage.json`.
    public static func packagePath(ofCSV csv: String) -> String { String(csv.dropLast(4)) + ".datapackage.json" }
}
