import Foundation

/// The files of a theme folder: Mustache templates by name, and static assets by path.
struct ThemeFiles {
    /// Template names (path without `.mustache`) to their source text and their path for messages.
    var templates: [String: (source: String, path: String)] = [:]
    /// Asset paths relative to the theme's `assets/` folder, to the file's absolute path.
    var assets: [String: String] = [:]

    /// Reads `root`; `displayPrefix` is how paths appear in messages (`templates/`).
    init(root: String, displayPrefix: String) {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return }
        while let path = enumerator.nextObject() as? String {
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular else { continue }
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if path.hasSuffix(".mustache"), let data = FileManager.default.contents(atPath: root + "/" + path) {
                templates[String(path.dropLast(".mustache".count))] = (String(decoding: data, as: UTF8.self), displayPrefix + path)
            } else if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = root + "/" + path
            }
        }
    }
}
