public import SiteModel

/// `vcc check`: what builds but hurts the site's trust, as warnings (errors with `--strict`):
/// pages without a summary and missing legal pages; and, apart from them because they depend on
/// the calendar, blueprints due for review (``ReviewPolicy``). What hurts readers in the text (alt
/// text, heading levels, link texts, ``MarkdownQualityCheck``) the build itself reports, from the
/// parse that renders the page, so `vcc build` and `vcc serve` show it too.
public struct ContentQualityCheck: Sendable {
    public let today: ContentDate
    /// When a blueprint is due for review (`review:` in site.yml).
    public let review: ReviewPolicy

    public init(today: ContentDate, review: ReviewPolicy = ReviewPolicy()) {
        self.today = today
        self.review = review
    }

    /// Every finding: ``contentFindings(for:)`` and ``blueprintsDueForReview(in:)``.
    public func diagnostics(for documents: [Document]) -> [Diagnostic] {
        contentFindings(for: documents) + blueprintsDueForReview(in: documents)
    }

    /// Blueprints whose `updated` lies `review.after_months` or more back, as warnings at their `updated` line.
    public func blueprintsDueForReview(in documents: [Document]) -> [Diagnostic] {
        documents.compactMap { document in
            guard case .blueprint(let b) = document.metadata, review.isDue(updated: b.updated, today: today) else { return nil }
            let months = ReviewPolicy.monthsElapsed(from: b.updated, to: today)
            let span = months >= 24 ? "\(months / 12) Jahren" : months == 1 ? "einem Monat" : "\(months) Monaten"
            return .warning(at: SourceLocation(file: document.sourcePath, line: document.fieldLines["updated"] ?? 1, column: 1),
                            "Die Blaupause wurde seit \(span) nicht aktualisiert (`updated: \(b.updated.iso)`).",
                            hint: "Prüfe, ob sie noch stimmt (Kontakt, Kosten, Produkte, Reifegrad), und setze `updated` auf das heutige Datum.")
        }
    }

    /// What hurts readers whatever the date: alt texts, headings, link texts, summaries, legal pages.
    public func contentFindings(for documents: [Document]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for document in documents {
            switch document.metadata {
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
                                  hint: "Lege content/\(path) an. Eine Vorlage schreibt `vcc init` in einen neuen Ordner (in dieser Website lehnt es ab): "
                                    + "`vcc init ../vorlage`, dann ../vorlage/content/\(path) hierher kopieren."))
        }
        return found
    }

    static let legalPaths = ["impressum.md", "datenschutz.md", "barrierefreiheit.md"]
}
