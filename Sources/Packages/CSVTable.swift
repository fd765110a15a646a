import DataTables

/// The rows of a CSV file for a spreadsheet copy (see ``OpenDocumentSpreadsheet``), read by the
/// site's one CSV reader (``CSVReader``, RFC 4180). The separator is `;` when the first line has
/// more of them than commas, as in files that German spreadsheet programs write, otherwise `,`.
struct CSVTable: Equatable {
    /// Rows of fields as written, quotes removed; an empty last line is no row.
    let rows: [[String]]

    init(_ text: String) {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let separator: Unicode.Scalar = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        // A file with broken quotes still becomes a spreadsheet: the reader's problems are the data set check's to report.
        rows = CSVReader(separator: separator).records(of: text, file: "").records.map(\.texts)
    }
}
