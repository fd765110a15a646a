import Foundation
import MarkdownRendering
import SiteModel
import SiteSnapshot

/// The files of content/ a blueprint's reuse package carries (attachments, templates and every
/// file or image its text links to), each with its one path in the package.
///
/// The naming rule is ``PackageLayout``'s. A text attachment (`.txt`) also goes in as editable
/// OpenDocument text beside it, a table (`.csv`) as OpenDocument spreadsheet (`plan.txt` and
/// `plan.odt`, `zahlen.csv` and `zahlen.ods`). A file, or its editable copy, that would take the
/// name of a file vcc writes itself (`NACHWEIS.txt`, `<id>.odt`, …) or of another file is an error
/// at its line, never left out: the count on the page is the count in the ZIP.
struct BlueprintPackageFiles {
    /// One file of content/ in the package.
    struct File: Equatable {
        var contentPath: String
        var packagePath: String
        /// Outside the blueprint's folder: links to it must be rewritten to `packagePath`.
        var isOutsideFolder: Bool
        /// Where its editable OpenDocument copy goes, for text and CSV files.
        var editablePath: String?
    }

    private(set) var files: [File] = []
    private(set) var diagnostics: [Diagnostic] = []
    private let folder: String
    /// Positions in `files` by content path, and by package path as Windows and macOS compare
    /// names (ignoring case and Unicode form): `Plan.pdf` beside `plan.pdf`, or `nachweis.txt`,
    /// would overwrite each other when the ZIP is unpacked there.
    private var byContentPath: [String: Int] = [:]
    private var byPackageName: [String: Int] = [:]
    /// Positions in `files` by the comparable name of their editable copy.
    private var byEditableName: [String: Int] = [:]
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
        let (packagePath, isOutside) = PackageLayout.path(ofContentPath: contentPath, blueprintFolder: folder)
        let editablePath = EditableCopy.path(for: packagePath)
        if let clash = clash(of: packagePath) {
            diagnostics.append(.error(at: location, "Die Datei `\(written)` hieße im Nachnutzungspaket `\(packagePath)` \(clash.what)", hint: clash.hint))
        } else if let editablePath, let clash = clash(of: editablePath) {
            diagnostics.append(.error(at: location, "Die Datei `\(written)` bekäme im Nachnutzungspaket die bearbeitbare Fassung `\(editablePath)` \(clash.what)",
                                      hint: clash.hint))
        } else {
            byContentPath[contentPath] = files.count
            byPackageName[Self.comparable(packagePath)] = files.count
            if let editablePath { byEditableName[Self.comparable(editablePath)] = files.count }
            files.append(File(contentPath: contentPath, packagePath: packagePath, isOutsideFolder: isOutside, editablePath: editablePath))
        }
    }

    /// Why `path` cannot go into the package (the end of the error's sentence, and a hint), if it cannot.
    private func clash(of path: String) -> (what: String, hint: String)? {
        let name = Self.comparable(path)
        if let generated = generatedByName[name] {
            return ("; unter dem Namen `\(generated.path)` legt vcc dort \(generated.label) ab.",
                    "Benenne die Datei um oder lege sie in einen Unterordner, zum Beispiel `vorlagen/\(path)`.")
        }
        let other = byPackageName[name].map { "wie content/\(files[$0].contentPath)" }
            ?? byEditableName[name].map { "wie die bearbeitbare Fassung von content/\(files[$0].contentPath)" }
        return other.map { ("\($0) (Windows und macOS unterscheiden Groß- und Kleinschreibung nicht).", "Benenne eine der beiden Dateien um.") }
    }

    /// A package path as file systems that ignore case and Unicode form compare it.
    private static func comparable(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping.lowercased()
    }
}
