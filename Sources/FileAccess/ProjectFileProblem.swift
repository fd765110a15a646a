/// Why a file of the project is not read; `description` says it in German for a diagnostic.
public enum ProjectFileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing at the path.
    case missing
    /// A symbolic link whose target does not exist.
    case danglingLink
    /// A link whose real target (given) lies outside the project folder.
    case outsideProject(String)
    /// A path that leads into a hidden entry of the project (given, below the project folder).
    case hidden(String)
    /// A folder, FIFO, socket or device (its kind, in German words).
    case notRegularFile(String)
    /// More bytes (given) than the reader allows.
    case tooLarge(Int)
    /// The file turned into something else between the check and the read.
    case changedWhileReading
    /// The system refused to read it (permissions).
    case unreadable

    public var description: String {
        switch self {
        case .missing: "Die Datei gibt es nicht."
        case .danglingLink: "Die Datei ist ein symbolischer Verweis, dessen Ziel es nicht gibt."
        case .outsideProject(let target):
            "Die Datei ist ein symbolischer Verweis auf `\(target)` außerhalb des Projektordners; vcc veröffentlicht nichts von außerhalb des Projekts."
        case .hidden(let target):
            "Die Datei führt in den versteckten Bereich `\(target)` des Projekts (etwa .git/ oder .env); vcc veröffentlicht nichts daraus."
        case .notRegularFile(let kind): "Das ist \(kind), keine gewöhnliche Datei; vcc liest und veröffentlicht nur gewöhnliche Dateien."
        case .tooLarge(let size): "Die Datei ist mit \(size) Bytes zu groß."
        case .changedWhileReading: "Die Datei wurde beim Lesen durch einen Verweis ersetzt; vcc liest sie nicht."
        case .unreadable: "Die Datei kann nicht gelesen werden."
        }
    }

    /// How to go on, for the diagnostic's hint.
    public var hint: String {
        switch self {
        case .missing: "Prüfe den Namen und den Pfad (relativ zum Projektordner)."
        case .danglingLink, .outsideProject, .hidden:
            "Lege eine Kopie der Datei in den Projektordner (nicht in einen versteckten Ordner) und lösche den Verweis."
        case .notRegularFile: "Lösche den Eintrag oder ersetze ihn durch eine gewöhnliche Datei."
        case .tooLarge: "Verkleinere die Datei."
        case .changedWhileReading: "Baue noch einmal, wenn die Datei fertig gespeichert ist."
        case .unreadable: "Prüfe die Zugriffsrechte der Datei."
        }
    }
}

/// A file that could not be read after the loader had accepted it.
public struct ProjectFileError: Error, CustomStringConvertible {
    /// The file's path below the project folder.
    public var path: String
    /// Why it was not read.
    public var problem: ProjectFileProblem
    public var description: String { "\(path): \(problem.description) \(problem.hint)" }
}
