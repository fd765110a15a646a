import Foundation
public import MarkdownRendering
public import SiteModel
public import SiteSnapshot

/// The publiccode.yml of every blueprint that names its software (`software:`), published beside
/// the blueprint (`/blaupausen/<id>/publiccode.yml`); the reuse packages, written next, carry it too.
public struct PubliccodeFiles: SiteOutput {
    /// Parses the blueprint's text for this file, the package and the page at once (see ``OutputLedger/text(ofBlueprint:in:markdown:)``).
    public let markdown: MarkdownRenderer

    public init(markdown: MarkdownRenderer) {
        self.markdown = markdown
    }

    public var step: String { "Nachnutzungspakete" }

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        directory.routes.entries(of: .blueprint).compactMap { entry in
            guard case .blueprint(let b) = entry.document.metadata, b.software != nil else { return nil }
            return OutputClaim(entry.publiccodePath, by: .generated("die publiccode.yml von \(entry.document.sourcePath)"))
        }
    }

    /// Writes the files, and a warning for each blueprint whose text is too short for one.
    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        let configuration = site.configuration
        for entry in site.routes.entries(of: .blueprint) {
            guard case .blueprint(let b) = entry.document.metadata, let software = b.software else { continue }
            let document = entry.document
            let page = site.addresses.absolute(entry.url)
            // publiccode.yml takes basic Markdown in longDescription: the body keeps its tables,
            // lists and headings (links to other pages of the site would not resolve there, so
            // they keep only their text).
            let body = ledger.text(ofBlueprint: entry, in: site, markdown: markdown).source.withoutLinks
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let yaml = PubliccodeYAML(
                software: software, name: document.title, pageURL: page, releaseDate: b.updated.iso, summary: b.summary,
                bodyText: body, license: software.license ?? b.license.spdx,
                contact: software.contact ?? b.contact, language: configuration.language)
            guard let text = yaml.text else {
                ledger.diagnostics.append(.warning(
                    at: SourceLocation(file: document.sourcePath, line: 1),
                    "Für `software` entsteht keine publiccode.yml: Zusammenfassung und Text haben zusammen weniger als 150 Zeichen.",
                    hint: "publiccode.yml verlangt eine Beschreibung von 150 bis 10.000 Zeichen; beschreibe die Lösung ausführlicher."))
                continue
            }
            let file = OutputFile(path: entry.publiccodePath, text: text)
            try sink.accept(file)
            ledger.publiccode[entry.url] = file
        }
    }
}
