import SiteModel

/// Lists the files under a folder, sorted, skipping hidden files and editor leftovers.
enum ContentFolderScanner {
    /// Paths relative to `root`, with `/` separators, in byte order so builds are deterministic;
    /// names that are not UTF-8 are left out and returned apart (shown with U+FFFD), for an error.
    static func files(under root: String) throws -> (files: [String], invalidNames: [String]) {
        guard FolderListing.entries(of: root) != nil else {
            throw ContentLoadingError.unreadableFolder(root, ScanError.unreadable)
        }
        var result: [String] = []
        var invalid: [String] = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for entry in FolderListing.entries(of: folder) ?? [] {
                let name = entry.name
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                guard entry.isValidUTF8 else {
                    invalid.append(path)
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
        return (result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, invalid.sorted())
    }

    enum ScanError: Error, CustomStringConvertible {
        case unreadable
        var description: String { "Der Ordner kann nicht geöffnet werden." }
    }
}
