import Foundation
import SiteModel
import FileAccess

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
        var followed: Set<String> = []
        walk(folder, here: project.resolvedPath(of: folder) ?? project.root + "/" + folder, project: project, followed: &followed)
    }

    /// `here`: the folder's real path, so that links back up or twice to one folder are not followed.
    private mutating func walk(_ folder: String, here: String, project: ProjectFiles, followed: inout Set<String>) {
        let entries = (FolderListing.entries(of: project.root + "/" + folder) ?? []).sorted { $0.name < $1.name }
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = folder + "/" + entry.name
            if entry.kind == .folder {
                walk(path, here: here + "/" + entry.name, project: project, followed: &followed)
                continue
            }
            if entry.kind == .link, project.problem(with: path) == nil {
                switch project.linkedFolder(at: path, from: here, followed: &followed) {
                case .follow(let target):
                    walk(path, here: target, project: project, followed: &followed)
                    continue
                case .circular:
                    diagnostics.append(.warning(at: SourceLocation(file: path, line: 1, column: 1),
                                                "Der Verweis führt im Kreis oder ein zweites Mal in denselben Ordner; vcc folgt ihm nicht.",
                                                hint: "Lösche den Verweis."))
                    continue
                case .notAFolder:
                    break
                }
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
