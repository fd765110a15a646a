import Foundation

/// Lists the files under a folder, sorted, skipping hidden files and editor leftovers.
enum ContentFolderScanner {
    /// Paths relative to `root`, with `/` separators, in byte order so builds are deterministic.
    static func files(under root: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw ContentLoadingError.unreadableFolder(root, CocoaError(.fileReadUnknown))
        }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                result.append(path)
            }
        }
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
