import Foundation
import SiteModel

/// The files of a theme folder: Mustache templates by name, and static assets by path.
struct ThemeFiles {
    /// Template names (path without `.mustache`) to their source text and their path for messages.
    var templates: [String: (source: String, path: String)] = [:]
    /// Asset paths relative to the theme's `assets/` folder, to the file's contents.
    var assets: [String: [UInt8]] = [:]
    /// Links leaving the project, special files and unreadable files of a site's `templates/`.
    var diagnostics: [Diagnostic] = []

    /// Reads the theme that ships with vcc at `root`; `displayPrefix` is how paths appear in messages.
    init(root: String, displayPrefix: String) {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return }
        while let path = enumerator.nextObject() as? String {
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular,
                  !(path as NSString).lastPathComponent.hasPrefix("."),
                  let data = FileManager.default.contents(atPath: root + "/" + path) else { continue }
            add(path, contents: Array(data), displayPrefix: displayPrefix)
        }
    }

    /// Reads a site's `templates/` through the project's reader: links are followed only inside
    /// the project, so a template or asset can never publish a file from outside it.
    init(project: ProjectFiles, folder: String = "templates") {
        walk(folder, project: project, depth: 0)
    }

    private mutating func walk(_ folder: String, project: ProjectFiles, depth: Int) {
        let entries = (FolderListing.entries(of: project.root + "/" + folder) ?? []).sorted { $0.name < $1.name }
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = folder + "/" + entry.name
            if entry.kind == .folder || (entry.kind == .link && project.problem(with: path) == nil
                                         && FolderListing.entries(of: project.root + "/" + path) != nil) {
                // Linked folders may point back up; 16 levels is deeper than any theme.
                if depth < 16 { walk(path, project: project, depth: depth + 1) }
                continue
            }
            switch project.read(path, maximumBytes: 16_000_000) {
            case .success(let bytes): add(String(path.dropFirst("templates/".count)), contents: bytes, displayPrefix: "templates/")
            case .failure(let problem):
                diagnostics.append(.error(at: SourceLocation(file: path, line: 1, column: 1), problem.description, hint: problem.hint))
            }
        }
    }

    private mutating func add(_ path: String, contents: [UInt8], displayPrefix: String) {
        if path.hasSuffix(".mustache") {
            templates[String(path.dropLast(".mustache".count))] = (String(decoding: contents, as: UTF8.self), displayPrefix + path)
        } else if path.hasPrefix("assets/") {
            assets[String(path.dropFirst("assets/".count))] = contents
        }
    }
}
