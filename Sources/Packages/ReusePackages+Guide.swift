import SiteModel
import SiteSnapshot

extension ReusePackages.Writer {
    /// An editable copy (see ``EditableCopy``) and the packaged file it was made from.
    struct Copy {
        var original: BlueprintPackageFiles.File
        var file: ReusePackage.File
    }

    /// The editable copies of the package's text and table files, titled as the blueprint names them.
    func editableCopies(of files: BlueprintPackageFiles, blueprint: Blueprint, document: Document) -> [Copy] {
        let titles = attachmentTitles(blueprint, document: document)
        return files.files.compactMap { file in
            guard let path = file.editablePath, let contents = site.files.contents(of: file.contentPath),
                  let copy = EditableCopy.contents(of: contents, at: file.packagePath, title: titles[file.contentPath] ?? file.packagePath,
                                                   language: configuration.language, date: ISODate(blueprint.updated.iso))
            else { return nil }
            return Copy(original: file, file: ReusePackage.File(path: path, contents: copy))
        }
    }

    /// „Was im Paket ist“: the documents a clerk works with first, then the attachments (each
    /// editable copy beside its original), the notice, and last what only a technician needs.
    func guideContents(blueprint: Blueprint, document: Document, files: BlueprintPackageFiles, copies: [Copy],
                       withPubliccode: Bool) -> [ReuseGuide.Entry] {
        let id = document.id
        var entries = [
            ReuseGuide.Entry(path: id + ".odt", description: "die Blaupause zum Bearbeiten und Ausdrucken (LibreOffice, Word), mit diesem Vorgehen vorneweg"),
            ReuseGuide.Entry(path: id + ".html", description: "die Blaupause zum Lesen im Browser"),
        ]
        let titles = attachmentTitles(blueprint, document: document)
        for file in files.files {
            entries.append(ReuseGuide.Entry(path: file.packagePath, description: titles[file.contentPath] ?? "im Text der Blaupause verlinkt"))
            if let copy = copies.first(where: { $0.original == file }) {
                let program = copy.file.path.hasSuffix(".ods") ? "LibreOffice Calc, Excel" : "LibreOffice Writer, Word"
                entries.append(ReuseGuide.Entry(path: copy.file.path, description: "dasselbe zum Bearbeiten (\(program))"))
            }
        }
        entries.append(ReuseGuide.Entry(path: "NACHWEIS.txt", description: "Quelle, Lizenz und die Quellenangabe für Ihre eigene Fassung"))
        entries.append(ReuseGuide.Entry(path: ReusePackage.markdownPath(id: id),
                                        description: "für die IT: die Blaupause als Markdown für eine eigene vcc-Wissensbasis"))
        entries.append(ReuseGuide.Entry(path: StandaloneHTML.stylesheetPath, description: "für die IT: das Stylesheet der HTML-Seiten"))
        if withPubliccode {
            entries.append(ReuseGuide.Entry(path: ReusePackage.publiccodePath, description: "für die IT: die Beschreibung der Software für Open CoDE"))
        }
        return entries
    }

    /// The titles of the blueprint's attachments and templates, by content path.
    private func attachmentTitles(_ blueprint: Blueprint, document: Document) -> [String: String] {
        var titles: [String: String] = [:]
        for attachment in blueprint.attachments + blueprint.documents {
            guard case .file(let contentPath, _) = links.resolveAttachment(attachment.path, from: document) else { continue }
            titles[contentPath] = titles[contentPath] ?? attachment.title
        }
        return titles
    }
}
