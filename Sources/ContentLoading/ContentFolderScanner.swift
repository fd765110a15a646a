import SiteModel

/// Lists the files under a folder, sorted, skipping hidden files and editor leftovers.
enum ContentFolderScanner {
    /// Paths relative to `root`, with `/` separators, in byte order so builds are deterministic.
    /// Names that are not UTF-8, and names that differ from another in the same folder only in
    /// their Unicode form (`Ü` composed and `U` + combining diaeresis: the same text to Swift, to
    /// macOS and to a reader), are left out with an error.
    static func files(under root: String) throws -> (files: [String], problems: [Diagnostic]) {
        guard FolderListing.entries(of: root) != nil else {
            throw ContentLoadingError.unreadableFolder(root, ScanError.unreadable)
        }
        var result: [String] = []
        var problems: [Diagnostic] = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            var seen: Set<String> = []
            let entries = (FolderListing.entries(of: folder) ?? []).sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            for entry in entries {
                let name = entry.name
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                guard entry.isValidUTF8 else {
                    problems.append(.error(
                        at: SourceLocation(file: "content/" + path, line: 1, column: 1),
                        "Der Datei- oder Ordnername ist kein gültiges UTF-8 (die Stellen mit � sind unlesbar); die Datei wird nicht veröffentlicht.",
                        hint: "Benenne die Datei um, am besten nur mit Buchstaben, Ziffern und Bindestrichen."))
                    continue
                }
                guard seen.insert(name).inserted else {
                    problems.append(.error(
                        at: SourceLocation(file: "content/" + path, line: 1, column: 1),
                        "Im selben Ordner gibt es schon eine Datei, deren Name gleich aussieht und sich nur in der Unicode-Schreibweise unterscheidet.",
                        hint: "Lösche eine der beiden Dateien oder benenne sie um (macOS schreibt Umlaute anders als Windows und Linux)."))
                    continue
                }
                switch entry.kind {
                case .folder: walk(path)
                case .file: result.append(path)
                case .other: break
                }
            }
        }
        walk("")
        return (result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, problems)
    }

    enum ScanError: Error, CustomStringConvertible {
        case unreadable
        var description: String { "Der Ordner kann nicht geöffnet werden." }
    }
}
