import Foundation
public import MarkdownRendering
public import SiteModel
public import SiteSnapshot

/// Every blueprint's reuse package (see ``ReusePackage``), written before the pages, so each
/// blueprint page can name its package's size and contents.
public struct ReusePackages: SiteOutput {
    public let markdown: MarkdownRenderer

    public init(markdown: MarkdownRenderer) {
        self.markdown = markdown
    }

    public var step: String { "Nachnutzungspakete" }

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        directory.routes.entries(of: .blueprint).map {
            OutputClaim($0.packagePath, by: .generated("das Nachnutzungspaket von \($0.document.sourcePath)"))
        }
    }

    /// Writes the packages; the download facts go into the ledger by page URL, and the files that
    /// could not go into a package under their name (see ``BlueprintPackageFiles``) are errors.
    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        let writer = Writer(site: site, publiccode: ledger.publiccode)
        for entry in site.routes.entries(of: .blueprint) {
            guard case .blueprint(let blueprint) = entry.document.metadata else { continue }
            // The page takes its HTML from the same parse (see OutputLedger.blueprintTexts).
            let text = ledger.text(ofBlueprint: entry, in: site, markdown: markdown)
            let (download, diagnostics) = try writer.write(entry, blueprint, text: text, into: sink)
            ledger.packages[entry.url] = download
            ledger.diagnostics += diagnostics
        }
    }
}

extension ReusePackages {
    /// One build's packages.
    struct Writer {
        let site: SiteSnapshot
        let publiccode: [URLPath: OutputFile]

        var configuration: SiteConfiguration { site.configuration }
        var directory: SiteDirectory { site.directory }
        var links: LinkResolver { site.links }

        func write(_ entry: RouteTable.Entry, _ blueprint: Blueprint, text: BlueprintText,
                   into sink: some OutputSink) throws -> (PackageDownload, [Diagnostic]) {
            let files = BlueprintPackageFiles(
                entry: entry, blueprint: blueprint, links: links, textLinks: text.source.links,
                generatedNames: ReusePackage.generatedNames(id: entry.document.id, withPubliccode: publiccode[entry.url] != nil))
            let package = reusePackage(entry, blueprint, text: text, files: files)
            let bytes = try package.archive()
            try sink.accept(OutputFile(path: entry.packagePath, contents: bytes))
            let download = PackageDownload(url: site.addresses.download(entry.packagePath), sizeLabel: ReusePackages.size(bytes.count),
                                           contentsLabel: package.contentsLabel, byteCount: bytes.count)
            return (download, files.diagnostics)
        }

        private func reusePackage(_ entry: RouteTable.Entry, _ b: Blueprint, text: BlueprintText, files: BlueprintPackageFiles) -> ReusePackage {
            let document = entry.document
            let references = directory.references(of: entry)
            let authors = references.municipalities.map(\.title)
            let pageURL = site.addresses.absolute(entry.url)
            let license = b.license
            let attribution = Attribution.text(title: document.title, authors: authors, sourceURL: pageURL, license: license)
            var reuse = ReuseDocument(
                title: document.title, summary: b.summary, facts: facts(of: b, authors: authors, project: references.project, license: license),
                blocks: text.packageOutline,
                attribution: attribution, sourceURL: pageURL, date: b.updated.iso, language: configuration.language)
            let source = site.files.contents(of: document.contentPath) ?? []
            var reportLinks: [String] = []
            var reportWays: [(label: String, url: String)] = []
            if let feedback = configuration.feedback {
                let links = feedback.adoptionReport(title: document.title, url: pageURL)
                if let email = feedback.email { reportLinks.append("E-Mail an \(email) (Betreff „Nachnutzung: \(document.title)“)") }
                if let issue = links.issue { reportLinks.append(issue) }
                if let email = feedback.email, let mail = links.mail { reportWays.append(("E-Mail an \(email) mit vorbereitetem Text", mail)) }
                if let issue = links.issue { reportWays.append(("Meldung im Ticketsystem der Wissensbasis (Formular mit vorbereitetem Text)", issue)) }
            }
            let notice = ReuseNotice(
                title: document.title, authors: authors, sourceURL: pageURL, licenseName: license.name,
                licenseURL: license.url, conditions: license.conditions, attribution: attribution,
                version: b.updated.iso, reportAdoption: reportLinks)
            let copies = editableCopies(of: files, blueprint: b, document: document)
            reuse.guide = ReuseGuide(contents: guideContents(blueprint: b, document: document, files: files, copies: copies,
                                                                   withPubliccode: publiccode[entry.url] != nil),
                                     body: text.packageOutline, documentPath: document.id + ".odt", contact: b.contact, report: reportWays)
            var package = ReusePackage(id: entry.document.id, document: reuse,
                                       markdown: packagedMarkdown(source, document: document, blueprint: b, text: text.source, files: files),
                                       bodyHTML: text.packageHTML, files: contents(of: files), notice: notice)
            package.editableCopies = copies.map(\.file)
            package.publiccode = publiccode[entry.url]?.contents
            return package
        }

        private func facts(of b: Blueprint, authors: [String], project: ResolvedReference?, license: License) -> [ReuseFact] {
            var facts = [
                ReuseFact(label: "Reifegrad", value: b.maturity.label),
                ReuseFact(label: "Entwickelt von", value: authors.joined(separator: ", ")),
                ReuseFact(label: "Lizenz", value: "\(license.name) (\(license.url))"),
                ReuseFact(label: "Stand", value: b.updated.german),
                ReuseFact(label: "Kontakt", value: [b.contact.name, b.contact.email, b.contact.url].compactMap { $0 }.joined(separator: ", ")),
            ]
            if let effort = b.effort { facts.append(ReuseFact(label: "Aufwand", value: effort)) }
            if let costs = b.costs {
                let amounts = [costs.oneOff.map { "einmalig " + GermanFormat.euros($0) }, costs.yearly.map { "jährlich " + GermanFormat.euros($0) }]
                    .compactMap { $0 }.joined(separator: ", ")
                facts.append(ReuseFact(label: "Kosten", value: [amounts, costs.note ?? ""].filter { !$0.isEmpty }.joined(separator: " – ")))
            }
            if !b.products.isEmpty { facts.append(ReuseFact(label: "Eingesetzte Software", value: b.products.map(\.name).joined(separator: ", "))) }
            if !b.legalBasis.isEmpty { facts.append(ReuseFact(label: "Rechtsgrundlagen", value: b.legalBasis.joined(separator: ", "))) }
            if let range = b.suitableFor { facts.append(ReuseFact(label: "Geeignet für", value: GermanFormat.inhabitants(range))) }
            if let project { facts.append(ReuseFact(label: "Projekt", value: project.title)) }
            if !b.prerequisites.isEmpty { facts.append(ReuseFact(label: "Voraussetzungen", value: b.prerequisites.joined(separator: "; "))) }
            return facts
        }

        /// The files of content/ the package carries; one that cannot be read any more is an error
        /// of ``ContentFiles`` and left out.
        private func contents(of files: BlueprintPackageFiles) -> [ReusePackage.File] {
            files.files.compactMap { file in
                site.files.contents(of: file.contentPath).map { ReusePackage.File(path: file.packagePath, contents: $0) }
            }
        }

        /// A link the resolver made (`/kb/blaupausen/x/`) as a full URL where the site knows its address.
        func absolute(_ href: String) -> String { site.addresses.absolute(href: href) }
    }

    /// `48 KB`, `1,2 MB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 500) / 1000)) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}
