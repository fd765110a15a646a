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
    private struct Writer {
        let site: SiteSnapshot
        let publiccode: [URLPath: OutputFile]

        private var configuration: SiteConfiguration { site.configuration }
        private var directory: SiteDirectory { site.directory }
        private var links: LinkResolver { site.links }

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
            let reuse = ReuseDocument(
                title: document.title, summary: b.summary, facts: facts(of: b, authors: authors, project: references.project, license: license),
                blocks: text.packageOutline,
                attribution: attribution, sourceURL: pageURL, date: b.updated.iso, language: configuration.language)
            let source = site.files.contents(of: document.contentPath) ?? []
            var reportLinks: [String] = []
            if let feedback = configuration.feedback {
                let links = feedback.adoptionReport(title: document.title, url: pageURL)
                if let email = feedback.email { reportLinks.append("E-Mail an \(email) (Betreff „Nachnutzung: \(document.title)“)") }
                if let issue = links.issue { reportLinks.append(issue) }
            }
            let notice = ReuseNotice(
                title: document.title, authors: authors, sourceURL: pageURL, licenseName: license.name,
                licenseURL: license.url, conditions: license.conditions, attribution: attribution,
                version: b.updated.iso, reportAdoption: reportLinks)
            var package = ReusePackage(id: entry.document.id, document: reuse,
                                       markdown: markdownWithAbsoluteLinks(source, document: document, text: text.source, files: files),
                                       bodyHTML: text.packageHTML, files: contents(of: files), notice: notice)
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

        /// The packaged file a link of the text points at, if any.
        private func packaged(_ destination: String, of document: Document, in files: BlueprintPackageFiles) -> BlueprintPackageFiles.File? {
            guard case .file(let contentPath, _) = links.resolveAttachment(destination, from: document) else { return nil }
            return files.file(at: contentPath)
        }

        /// A link to a packaged file from the package's root, keeping the link's `#` part.
        private static func href(_ file: BlueprintPackageFiles.File, _ destination: String) -> String {
            let fragment = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
            return (file.packagePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file.packagePath) + fragment
        }

        /// The Markdown source with every link to another page of the site made absolute; links to
        /// attachments stay relative, as the attachments lie beside it in the package (those from
        /// outside the blueprint's folder lead into `anhaenge/`). Destinations are replaced where
        /// the syntax tree found them, so code spans, code blocks and other text stay as written.
        private func markdownWithAbsoluteLinks(_ source: [UInt8], document: Document, text: MarkdownSource,
                                               files: BlueprintPackageFiles) -> [UInt8] {
            guard !source.isEmpty else { return [] }  // Unreadable: an error of ContentFiles.
            var replacements: [String: String?] = [:]
            let body = text.replacingDestinations { link in
                if let known = replacements[link.destination] { return known }
                let replacement = self.replacement(for: link.destination, of: document, files: files)
                replacements[link.destination] = replacement
                return replacement
            }
            return Array(Self.portableFrontMatter(Self.frontMatter(of: source, body: document) + body).utf8)
        }

        /// What a link to `destination` becomes in the package's Markdown; nil to leave it.
        private func replacement(for destination: String, of document: Document, files: BlueprintPackageFiles) -> String? {
            if let file = packaged(destination, of: document, in: files), file.isOutsideFolder {
                return Self.href(file, destination)
            }
            guard case .rewritten(let url, _) = links.resolve(destination, from: document),
                  !url.hasPrefix("#"), !links.assetPaths.contains(String(url.dropFirst(site.addresses.basePath.count + 1))) else { return nil }
            return absolute(url)
        }

        /// The file's text before its body: the front matter with its `---` lines.
        private static func frontMatter(of source: [UInt8], body document: Document) -> String {
            let body = document.body.utf8
            if source.count >= body.count, source[(source.count - body.count)...].elementsEqual(body) {
                return String(decoding: source[..<(source.count - body.count)], as: UTF8.self)
            }
            // The loader made Windows line ends \n, so the body is not the file's end: its lines are
            // counted instead (and the package's Markdown has \n line ends from there on).
            let lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(document.bodyFirstLine - 1)
            return lines.map { String(decoding: $0, as: UTF8.self) + "\n" }.joined()
        }

        /// The front matter for another site: ids that point at this site's documents (`related`,
        /// `project`, `adopted_by`) become comments, and `municipalities` says to put one's own there.
        static func portableFrontMatter(_ text: String) -> String {
            guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
            else { return text }
            var lines: [String] = []
            var commenting = false
            for line in text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
                let key = line.prefix { $0 != ":" }
                let isTopLevel = !line.hasPrefix(" ") && !line.hasPrefix("-") && line.contains(":")
                if isTopLevel { commenting = ["related", "project", "adopted_by"].contains(String(key)) }
                if isTopLevel && key == "municipalities" {
                    lines.append("# Kennungen der Kommunen, die die Blaupause entwickelt haben; in einer eigenen Wissensbasis")
                    lines.append("# durch Dateinamen aus deren content/kommunen/ ersetzen.")
                }
                if isTopLevel && commenting {
                    lines.append("# Verweise auf Inhalte der Quelle (\(key)); in einer eigenen Wissensbasis bei Bedarf anpassen:")
                }
                lines.append(commenting ? "# " + line : String(line))
            }
            return "---\n" + lines.joined(separator: "\n") + String(text[end.lowerBound...])
        }

        /// A link the resolver made (`/kb/blaupausen/x/`) as a full URL where the site knows its address.
        private func absolute(_ href: String) -> String { site.addresses.absolute(href: href) }
    }

    /// `48 KB`, `1,2 MB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 500) / 1000)) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}
