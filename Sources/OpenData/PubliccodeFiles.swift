import Foundation
public import SiteModel
public import SiteSnapshot

/// The publiccode.yml of every blueprint that names its software (`software:`), published beside
/// the blueprint (`/blaupausen/<id>/publiccode.yml`); the reuse packages, written next, carry it too.
public struct PubliccodeFiles: SiteOutput {
    public init() {}

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
            let body = Self.markdownWithoutLinks(document.body)
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

    /// `[text](target)` → `text`, so relative links of the site do not end up broken in a catalogue.
    static func markdownWithoutLinks(_ markdown: String) -> String {
        var out = ""
        var rest = Substring(markdown)
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "]"), rest.index(after: close) < rest.endIndex,
                  rest[rest.index(after: close)] == "(", let end = rest[close...].firstIndex(of: ")") else {
                out += "["
                rest = rest[afterOpen...]
                continue
            }
            let isImage = out.hasSuffix("!")
            if isImage { out.removeLast() }
            out += rest[afterOpen..<close]
            rest = rest[rest.index(after: end)...]
        }
        out += rest
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
