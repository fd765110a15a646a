public import SiteModel
public import SiteSnapshot

/// Each data set's description as Frictionless tools read it, beside its CSV: the Table Schema
/// (`daten/nutzungszahlen.schema.json`, which DCAT's `dct:conformsTo` names) and a Data Package
/// descriptor (`daten/nutzungszahlen.datapackage.json`) with title, licence, sources, period and
/// the CSV as its one resource, so `frictionless validate` checks the published file.
public struct DatasetDescriptions: SiteOutput {
    public init() {}

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        directory.routes.entries(of: .dataset).flatMap { entry -> [OutputClaim] in
            guard let csv = Self.csvPath(of: entry) else { return [] }
            let origin = OutputClaim.Origin.generated("die Beschreibung des Datensatzes \(entry.document.sourcePath)")
            return [OutputClaim(Dataset.schemaPath(ofCSV: csv), by: origin), OutputClaim(Dataset.packagePath(ofCSV: csv), by: origin)]
        }
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        for entry in site.routes.entries(of: .dataset) {
            guard case .dataset(let dataset) = entry.document.metadata, let csv = Self.csvPath(of: entry) else { continue }
            let schema = TableSchemaJSON(fields: dataset.fields)
            try sink.accept(OutputFile(path: Dataset.schemaPath(ofCSV: csv), contents: SortedJSON.bytes(schema)))
            let package = DataPackageJSON(entry: entry, dataset: dataset, csv: csv, site: site)
            try sink.accept(OutputFile(path: Dataset.packagePath(ofCSV: csv), contents: SortedJSON.bytes(package)))
        }
    }

    /// The CSV's path below the output folder (the same as below `content/`, where it is copied as it is).
    static func csvPath(of entry: RouteTable.Entry) -> String? {
        guard case .dataset(let dataset) = entry.document.metadata else { return nil }
        return dataset.csvContentPath(folder: entry.document.contentFolder)
    }
}

/// A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/).
struct TableSchemaJSON: Encodable {
    struct Field: Encodable {
        struct Constraints: Encodable {
            var required: Bool?
            var minimum: Double?
            var maximum: Double?
        }
        var name: String
        var type: String
        var title: String?
        var description: String?
        /// Not a Table Schema property; the specification allows others, and tools keep it.
        var unit: String?
        var constraints: Constraints?
    }

    var fields: [Field]
    /// Empty cells are missing values (Table Schema's default, written out for readers).
    var missingValues = [""]

    init(fields: [DataField]) {
        self.fields = fields.map { field in
            let hasConstraints = field.isRequired || field.minimum != nil || field.maximum != nil
            return Field(name: field.name, type: field.type.rawValue, title: field.title, description: field.description, unit: field.unit,
                         constraints: hasConstraints ? .init(required: field.isRequired ? true : nil, minimum: field.minimum, maximum: field.maximum) : nil)
        }
    }
}

/// A Frictionless Data Package descriptor (https://specs.frictionlessdata.io/data-package/) with one resource.
struct DataPackageJSON: Encodable {
    struct LicenseEntry: Encodable {
        var name: String
        var path: String
        var title: String
    }
    struct Source: Encodable {
        var title: String
    }
    struct Resource: Encodable {
        var name: String
        var path: String
        var title: String
        var format = "csv"
        var mediatype = "text/csv"
        var encoding = "utf-8"
        var schema: String
        var bytes: Int?
    }
    struct Period: Encodable {
        var start: String
        var end: String
    }

    var name: String
    var title: String
    var description: String
    var homepage: String?
    var licenses: [LicenseEntry]
    var sources: [Source]
    /// The period the figures cover; not a Data Package property (the specification allows others).
    var temporal: Period
    var resources: [Resource]

    init(entry: RouteTable.Entry, dataset: Dataset, csv: String, site: SiteSnapshot) {
        let name = Slug(entry.document.id).rawValue
        self.name = name.isEmpty ? "datensatz" : name
        title = entry.document.title
        description = dataset.summary
        homepage = site.addresses.canonical(entry.url)
        licenses = [LicenseEntry(name: dataset.license.spdx, path: dataset.license.url, title: dataset.license.name)]
        sources = [Source(title: dataset.source)]
        temporal = Period(start: dataset.start.iso, end: dataset.end.iso)
        let file = String(csv.split(separator: "/").last ?? Substring(csv))
        resources = [Resource(name: self.name, path: file, title: entry.document.title,
                              schema: String(Dataset.schemaPath(ofCSV: csv).split(separator: "/").last ?? ""),
                              bytes: site.files.size(of: csv))]
    }
}
