/// `{{dataset.…}}`: a data set's facts, its columns, its rows and its downloads.
struct DatasetPageFields: Encodable {
    struct Dataset: Encodable {
        var license: LicenseFields
        var source: String
        /// `1. Januar 2024 bis 31. Dezember 2024`.
        var periodLabel: String
        var start: String
        var end: String
        var updated: String?
        var updatedLabel: String?
        /// The figures are invented examples: the page says so.
        var isExample: Bool
        var publisher: NamedLink?
        var project: NamedLink?
        var columns: [Column]
        /// The table's heading row and its first rows (see `shownRows`).
        var headings: [String]
        var rows: [Row]
        /// `36`, `1.234`.
        var rowCount: String
        var columnCount: Int
        /// Set when the page shows only the first rows; the CSV has all.
        var shownRows: String?
        /// A chart of the data (SVG and table, vcc's markup) when the description draws none itself.
        var chart: String?
        var csv: Download
        var schema: Download
        var package: Download
    }
    struct Column: Encodable {
        var name: String
        var title: String
        /// `ganze Zahl`, `Monat (JJJJ-MM)`.
        var type: String
        var unit: String?
        var description: String?
    }
    struct Row: Encodable {
        var cells: [Cell]
    }
    struct Cell: Encodable {
        var text: String
        /// Numbers are right-aligned.
        var isNumber: Bool
    }
    struct Download: Encodable {
        var url: String
        /// `2 KB`; nil for files vcc writes itself.
        var size: String?
    }
    var dataset: Dataset
}

/// `{{cluster.…}}`: a competence cluster's lead, members and everything that belongs to it.
struct ClusterPageFields: Encodable {
    struct Cluster: Encodable {
        var lead: NamedLink
        var members: [Member]
        var contacts: [ContactFields]
        var themes: [ThemeLink]
        var blueprints: [Card]
        var projects: [Card]
        var courses: [Card]
        /// Event sessions about the cluster's blueprints, projects and courses, in time order.
        var sessions: [SessionLink] = []
    }
    struct Member: Encodable {
        var municipality: NamedLink
        var role: String?
    }
    var cluster: Cluster
}
