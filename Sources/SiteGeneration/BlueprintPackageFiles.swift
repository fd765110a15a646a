import MarkdownRendering
import Packages
import SiteModel

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

    /// Collects the files of `entry`; links the page reports as errors are left to the page.
    init(entry: RouteTable.Entry, blueprint: Blueprint, links: LinkResolver, markdown: MarkdownRenderer, generatedNames: [String: String]) {
        let document = entry.document
        folder = document.contentFolder
        for attachment in blueprint.attachments + blueprint.documents {
            guard case .file(let contentPath, _) = links.resolveAttachment(attachment.path, from: document) else { continue }
            let location = attachment.location ?? SourceLocation(file: document.sourcePath, line: 1, column: 1)
            add(contentPath, written: attachment.path, at: location, generatedNames: generatedNames)
        }
        var destinations: [String] = []
        _ = markdown.render(document.body, file: document.sourcePath) { destination in
            destinations.append(destination)
            return .unchanged
        }
        for destination in destinations {
            guard case .file(let contentPath, _) = links.resolveAttachment(destination, from: document) else { continue }
            add(contentPath, written: destination, at: Self.location(of: destination, in: document), generatedNames: generatedNames)
        }
    }

    /// The file of content/ at `contentPath`, when the package carries it.
    func file(at contentPath: String) -> File? {
        files.first { $0.contentPath == contentPath }
    }

    private mutating func add(_ contentPath: String, written: String, at location: SourceLocation, generatedNames: [String: String]) {
        guard !files.contains(where: { $0.contentPath == contentPath }) else { return }
        let prefix = folder.isEmpty ? "" : folder + "/"
        let isOutside = !contentPath.hasPrefix(prefix)
        let packagePath = isOutside ? Self.outsideFolder + contentPath : String(contentPath.dropFirst(prefix.count))
        if let generated = generatedNames[packagePath] {
            diagnostics.append(.error(at: location, "Die Datei `\(written)` hieße im Nachnutzungspaket `\(packagePath)`; unter diesem Namen legt vcc dort \(generated) ab.",
                                      hint: "Benenne die Datei um oder lege sie in einen Unterordner, zum Beispiel `vorlagen/\(packagePath)`."))
        } else if let other = files.first(where: { $0.packagePath == packagePath }) {
            diagnostics.append(.error(at: location, "Die Datei `\(written)` hieße im Nachnutzungspaket `\(packagePath)` wie content/\(other.contentPath).",
                                      hint: "Benenne eine der beiden Dateien um."))
        } else {
            files.append(File(contentPath: contentPath, packagePath: packagePath, isOutsideFolder: isOutside))
        }
    }

    /// The line of the text that links `destination` (cmark gives no positions to link callbacks).
    private static func location(of destination: String, in document: Document) -> SourceLocation {
        let lines = document.body.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.contains("(" + destination) } ?? 0
        return SourceLocation(file: document.sourcePath, line: document.bodyFirstLine + index, column: 1)
    }
}
