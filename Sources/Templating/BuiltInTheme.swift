import Foundation

/// The theme that ships with vcc as files, for `vcc theme export`: a site copies it to
/// `templates/` and edits what it wants to change.
public enum BuiltInTheme {
    /// Every file of the theme by its path inside the theme folder (`layouts/blueprint.mustache`,
    /// `assets/style.css`), in byte order of the paths.
    public static func files() -> [(path: String, contents: [UInt8])] {
        let root = DefaultTheme.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [(path: String, contents: [UInt8])] = []
        while let path = enumerator.nextObject() as? String {
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular,
                  !(path as NSString).lastPathComponent.hasPrefix("."),
                  let data = FileManager.default.contents(atPath: root + "/" + path) else { continue }
            files.append((path, Array(data)))
        }
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
