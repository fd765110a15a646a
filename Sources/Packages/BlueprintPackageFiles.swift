import Foundation
import MarkdownRendering
import SiteModel
import SiteSnapshot

/// The files of content/ a blueprint's reuse package carries (attachments, templates and every
/// file or image its text links to), each with its one path in the package.
///
/// The naming rule: a file keeps its path relative to the blueprint (`plan.pdf`, `a/plan.pdf`,
/// `bilder/plan.png`), so the packaged Markdown's relative links keep working; a file outside the
/// blueprint's folder goes under `anhaenge/` with its path below content/
/// (`../dateien/plan.pdf` becomes `anhaenge/dateien/plan.pdf`). A file that would take the name of
/// a file vcc writes itself (`NACHWEIS.txt`, `<id>.odt`, …) or of another file is an error at its
/// line, never left out: the count on the page is the count in the ZIP.
struct BlueprintPackageFiles {
    /// One file of content/ in the package.
    struct File: Equatable {
        var contentPath: String
        var packagePath: String
        /// Outside the blueprint's folder: links to it must be rewritten to `packagePath`.
        var isOutsideFolder: Bool
    }

    /// The folder for files from outside the blueprint's folder.
    static let outsideFolder = "anhaenge/"

    private(set) var files: [File] = []
    private(set) var diagnostics: [Diagnostic] = []
    private let folder: String
    /// Positions in `files` by content path, and by package path as Windows and macOS compare
    /// names (ignoring case and Unicode form): `Plan.pdf` beside `plan.pdf`, or `nachweis.txt`,
    /// would overwrite each other when the ZIP is unpacked there.
    private var byContentPath: [String: Int] = [:]
    private var byPackageName: [String: Int] = [:]
    private var generatedByName: [String: (path: String, label: String)] = [:]

    /// Collects the files of `entry`, whose text has `textLinks`; links the page reports as errors are left to the page.
    init(entry: RouteTable.Entry, blueprint: Blueprint, links: LinkResolver, textLinks: [MarkdownLink], generatedNames: [String: String]) {
        let document = entry.document
        folder = document.contentFolder
        for (path, label) in generatedNames { generatedByName[Self.comparable(path)] = (path, label) }
        for attachment in blueprint.attachments + blueprint.documents {
            guard case .file(let contentPath, _) = links.resolveAttachment(attachment.path, from: document) else { continue }
            let location = attachment.location ?? SourceLocation(file: document.sourcePath, line: 1, column: 1)
            add(contentPath, written: attachment.path, at: location)
        }
        var seen: Set<String> = []
        for link in textLinks where seen.insert(link.destination).inserted {
            guard case .file(let contentPath, _) = links.resolveAttachment(link.destination, from: document) else { continue }
            add(contentPath, written: link.destination, at: link.location)
        }
    }

    /// The file of content/ at `contentPath`, when the package carries it.
    func file(at contentPath: String) -> File? {
        byContentPath[contentPath].map { files[$0] }
    }

    private mutating func add(_ contentPath: String, written: String, at location: SourceLocation) {
        guard byContentPath[contentPath] == nil else { return }
        let prefix = folder.isEmpty ? "" : folder + "/"
        let isOutside = !contentPath.hasPrefix(prefix)
        let packagePath = isOutside ? Self.outsideFolder + contentPath : String(contentPath.dropFirst(prefix.count))
        let name = Self.comparable(packagePath)
        if let generated = generatedByName[name] {
            diagnostics.append(.error(at: location, "Die Datei `\(written)` hieße im Nachnutzungspaket `\(packagePath)`; unter dem Namen `\(generated.path)` legt vcc dort \(generated.label) ab.",
                                      hint: "Benenne die Datei um oder lege sie in einen Unterordner, zum Beispiel `vorlagen/\(packagePath)`."))
        } else if let other = byPackageName[name].map({ files[$0] }) {
            diagnostics.append(.error(at: location, "Die Datei `\(written)` hieße im Nachnutzungspaket `\(packagePath)` wie content/\(other.contentPath) (Windows und macOS unterscheiden Groß- und Kleinschreibung nicht).",
                                      hint: "Benenne eine der beiden Dateien um."))
        } else {
            byContentPath[contentPath] = files.count
            byPackageName[name] = files.count
            files.append(File(contentPath: contentPath, packagePath: packagePath, isOutsideFolder: isOutside))
        }
    }

    /// A package path as file systems that ignore case and Unicode form compare it.
    private static func comparable(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping.lowercased()
    }
}
