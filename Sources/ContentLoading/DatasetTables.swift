import DataTables
import FileAccess
import SiteModel

/// Reads each data set's CSV file and checks every row against the description's columns (see
/// ``DataTableCheck``); the typed rows go into the document. Sites without data sets pay one
/// pass over the document list.
enum DatasetTables {
    /// The most bytes a data set's CSV may have: its rows are kept in memory and drawn into pages.
    static let maximumBytes = 20_000_000

    static func load(_ documents: inout [Document], files: ProjectFiles, diagnostics: inout [Diagnostic]) {
        for index in documents.indices {
            guard case .dataset(var dataset) = documents[index].metadata else { continue }
            let document = documents[index]
            let place = SourceLocation(file: document.sourcePath, line: document.fieldLines["file"] ?? 1, column: 1)
            guard let path = dataset.csvContentPath(folder: document.contentFolder).map({ "content/" + $0 }) else {
                diagnostics.append(.error(at: place, "`file: \(dataset.file)` liegt außerhalb von content/.",
                                          hint: "Lege die CSV-Datei neben die Beschreibung, zum Beispiel `file: nutzungszahlen.csv`."))
                continue
            }
            let bytes: [UInt8]
            switch files.read(path, maximumBytes: maximumBytes) {
            case .success(let read): bytes = read
            case .failure(.tooLarge(let size)):
                diagnostics.append(.error(at: place, "Die CSV-Datei \(path) ist \(size / 1_000_000) MB groß; erlaubt sind \(maximumBytes / 1_000_000) MB.",
                                          hint: "Teile die Daten auf mehrere Datensätze auf, zum Beispiel einen je Jahr."))
                continue
            case .failure(let problem):
                diagnostics.append(.error(at: place, "`file: \(dataset.file)`: \(problem.description)", hint: problem.hint))
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(.error(at: SourceLocation(file: path, line: 1, column: 1), "Die CSV-Datei ist nicht in UTF-8 gespeichert.",
                                          hint: "Speichere sie als „CSV UTF-8“ (in LibreOffice: Zeichensatz Unicode (UTF-8))."))
                continue
            }
            let (records, problems) = CSVReader().records(of: text, file: path)
            diagnostics += problems
            guard problems.isEmpty else { continue }
            let check = DataTableCheck(fields: dataset.fields, file: path, descriptionFile: document.sourcePath)
            let (rows, rowProblems) = check.rows(of: records)
            diagnostics += rowProblems
            dataset.rows = rows
            documents[index].metadata = .dataset(dataset)
        }
    }
}
