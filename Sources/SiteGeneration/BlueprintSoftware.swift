import Foundation
import Packages
import SiteModel

/// The publiccode.yml of every blueprint that names its software (`software:`), published beside
/// the blueprint (`/blaupausen/<id>/publiccode.yml`) and put into its reuse package.
struct BlueprintSoftware {
    let configuration: SiteConfiguration
    let directory: SiteDirectory

    /// The output path of a blueprint's publiccode.yml.
    static func path(of entry: RouteTable.Entry) -> String {
        String(entry.url.rawValue.dropFirst()) + ReusePackage.publiccodeName
    }

    /// The files by blueprint page, and a warning for each blueprint whose text is too short for one.
    func files() -> (files: [URLPath: OutputFile], diagnostics: [Diagnostic]) {
        var files: [URLPath: OutputFile] = [:]
        var diagnostics: [Diagnostic] = []
        for entry in directory.routes.entries(of: .blueprint) {
            guard case .blueprint(let b) = entry.document.metadata, let software = b.software else { continue }
            let document = entry.document
            let page = configuration.baseURL.isEmpty ? directory.href(entry.url) : configuration.absoluteURL(entry.url)
            // publiccode.yml takes basic Markdown in longDescription: the body keeps its tables,
            // lists and headings (links to other pages of the site would not resolve there, so
            // they keep only their text).
            let body = Self.markdownWithoutLinks(document.body)
            let yaml = PubliccodeYAML(
                software: software, name: document.title, pageURL: page, releaseDate: b.updated.iso, summary: b.summary,
                bodyText: body, license: software.license ?? b.license,
                contact: software.contact ?? b.contact, language: configuration.language)
            guard let text = yaml.text else {
                diagnostics.append(.warning(
                    at: SourceLocation(file: document.sourcePath, line: 1),
                    "Für `software` entsteht keine publiccode.yml: Zusammenfassung und Text haben zusammen weniger als 150 Zeichen.",
                    hint: "publiccode.yml verlangt eine Beschreibung von 150 bis 10.000 Zeichen; beschreibe die Lösung ausführlicher."))
                continue
            }
            files[entry.url] = OutputFile(path: Self.path(of: entry), text: text)
        }
        return (files, diagnostics)
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
