public import SiteModel

/// `vcc check`: what builds but hurts the site's trust, as warnings (errors with `--strict`):
/// blueprints not updated for two years, pages without a summary, and missing legal pages. What
/// hurts readers in the text (alt text, heading levels, link texts, ``MarkdownQualityCheck``) the
/// build itself reports, from the parse that renders the page, so `vcc build` and `vcc serve` show it too.
public struct ContentQualityCheck: Sendable {
    /// A blueprint whose `updated` is older than this many days is called stale.
    public static let staleAfterDays = 730

    public let today: ContentDate

    public init(today: ContentDate) { self.today = today }

    public func diagnostics(for documents: [Document]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for document in documents {
            let line = { (key: String) in document.fieldLines[key] ?? 1 }
            switch document.metadata {
            case .blueprint(let b):
                let age = today.daysSinceEpoch - b.updated.daysSinceEpoch
                if age > Self.staleAfterDays {
                    found.append(.warning(at: SourceLocation(file: document.sourcePath, line: line("updated"), column: 1),
                                          "Die Blaupause wurde seit \(age / 365) Jahren nicht aktualisiert (`updated: \(b.updated.iso)`).",
                                          hint: "Prüfe, ob sie noch stimmt (Kontakt, Kosten, Produkte, Reifegrad), und setze `updated` auf das heutige Datum."))
                }
            case .page(let page) where page.summary == nil && !Self.legalPaths.contains(document.contentPath):
                found.append(.warning(at: SourceLocation(file: document.sourcePath, line: 1, column: 1),
                                      "Seite ohne `summary`: Suchergebnisse, Vorschauen und Portale zeigen dann nur den Textanfang.",
                                      hint: "Ergänze im Front Matter `summary: Ein Satz, worum es auf der Seite geht.`"))
            default:
                break
            }
        }
        let present = Set(documents.map(\.contentPath))
        for (path, name) in zip(Self.legalPaths, ["Impressum", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit"]) where !present.contains(path) {
            found.append(.warning(at: SourceLocation(file: "content/" + path, line: 1, column: 1),
                                  "Die Website hat kein\(name == "Impressum" ? "" : "e") \(name); öffentliche Stellen müssen eine haben.",
                                  hint: "Lege content/\(path) an; `vcc init` schreibt eine Vorlage."))
        }
        return found
    }

    static let legalPaths = ["impressum.md", "datenschutz.md", "barrierefreiheit.md"]
}
