import SiteModel
import FileAccess

/// Lists the files under a folder, sorted, skipping hidden files and editor leftovers.
enum ContentFolderScanner {
    /// Paths relative to `content/` of `project`, with `/` separators, in byte order so builds are
    /// deterministic. Names that are not UTF-8, and names that differ from another in the same
    /// folder only in their Unicode form (`Ü` composed and `U` + combining diaeresis: the same text
    /// to Swift, to macOS and to a reader), are left out with an error. Symbolic links are followed
    /// only to files and folders inside the project (never in a loop, each linked folder once);
    /// links leaving it, dangling links, FIFOs, sockets and devices are errors.
    static func files(in project: ProjectFiles) throws -> (files: [String], problems: [Diagnostic]) {
        let root = project.root + "/content"
        guard FolderListing.entries(of: root) != nil else {
            throw ContentLoadingError.unreadableFolder(root, ScanError.unreadable)
        }
        if let problem = project.problem(with: "content") {
            return ([], [.error(at: SourceLocation(file: "content", line: 1, column: 1), problem.description, hint: problem.hint)])
        }
        var result: [String] = []
        var problems: [Diagnostic] = []
        var junk: [String] = []
        var linkedFolders: Set<String> = []
        func refuse(_ path: String, _ problem: ProjectFileProblem) {
            problems.append(.error(at: SourceLocation(file: "content/" + path, line: 1, column: 1),
                                   problem.description + " Sie wird nicht veröffentlicht.", hint: problem.hint))
        }
        /// `here`: the real path of the folder, to stop links that point back up.
        func walk(_ relative: String, here: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            var seen: Set<String> = []
            let entries = (FolderListing.entries(of: folder) ?? []).sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            for entry in entries {
                let name = entry.name
                let path = relative.isEmpty ? name : relative + "/" + name
                if isSystemJunk(name) {
                    junk.append("content/" + path)
                    continue
                }
                if name.hasPrefix(".") || name.hasPrefix("#") { continue }
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
                case .folder: walk(path, here: here + "/" + name)
                case .file: result.append(path)
                case .other: refuse(path, .notRegularFile("eine Pipe, ein Socket oder eine Gerätedatei"))
                case .link:
                    if let problem = project.problem(with: "content/" + path) {
                        refuse(path, problem)
                        continue
                    }
                    switch project.linkedFolder(at: "content/" + path, from: here, followed: &linkedFolders) {
                    case .follow(let target): walk(path, here: target)
                    case .notAFolder: result.append(path)
                    case .circular(let target):
                        problems.append(.warning(
                            at: SourceLocation(file: "content/" + path, line: 1, column: 1),
                            "Der Verweis auf den Ordner `\(target.dropFirst(project.root.count + 1))` führt im Kreis oder ein zweites Mal dorthin; vcc folgt ihm nicht.",
                            hint: "Lösche den Verweis."))
                    }
                }
            }
        }
        walk("", here: project.resolvedPath(of: "content") ?? root)
        if let first = junk.first {
            let others = junk.count == 1 ? "" : " und \(junk.count - 1) weitere"
            problems.append(.warning(
                at: SourceLocation(file: first, line: 1, column: 1),
                "Systemdateien werden nicht veröffentlicht: `\(first.split(separator: "/").last ?? "")`\(others) "
                    + "(Vorschaubilder, Sperr- und Sicherungsdateien von Windows, macOS, Office und Editoren).",
                hint: "Lösche sie aus content/ oder trage sie in .gitignore ein: "
                    + junk.prefix(5).joined(separator: ", ") + (junk.count > 5 ? ", …" : "") + "."))
        }
        return (result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, problems)
    }

    /// Files operating systems, Office and editors leave behind: never content, and never meant
    /// to be published (an Office lock file names who has the document open).
    static func isSystemJunk(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db"].contains(lower)
            || name.hasPrefix("~$") || name.hasPrefix(".~lock.") || name.hasPrefix("._")
            || (name.hasSuffix("~") && name.count > 1) || lower.hasSuffix(".swp") || lower.hasSuffix(".tmp")
    }

    enum ScanError: Error, CustomStringConvertible {
        case unreadable
        var description: String { "Der Ordner kann nicht geöffnet werden." }
    }
}
