import SiteModel
import SiteSnapshot

/// Where a blueprint's solution runs, in words: the developing municipalities in `in_operation`
/// and the adopters with `status: im-betrieb`, with the date each went live, and the adopters
/// that try it out.
struct OperationSummary {
    /// Municipalities in regular operation, with the date they went live where it is known.
    let running: [(name: String, since: ContentDate?)]
    /// Municipalities trying the solution out (adopters with `status: pilot`).
    let piloting: [String]

    init(_ blueprint: Blueprint, references: ResolvedReferences) {
        let titles = Dictionary(references.municipalities.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var running = blueprint.inOperation.map { (name: titles[$0.municipality] ?? $0.municipality, since: $0.since) }
        var piloting: [String] = []
        for (adoption, municipality) in zip(blueprint.adoptedBy, references.adopters) {
            let name = municipality?.title ?? adoption.name ?? ""
            if adoption.status == .imBetrieb { running.append((name, adoption.since)) }
            if adoption.status == .pilot { piloting.append(name) }
        }
        self.running = running
        self.piloting = piloting
    }

    /// For cards: `Offenbach, Wetzlar`; nil when it runs nowhere.
    var places: String? { running.isEmpty ? nil : running.map(\.name).joined(separator: ", ") }

    /// For the blueprint's page: `Offenbach (seit 1. April 2023), Limburg erprobt die Lösung`.
    var sentence: String? {
        guard !running.isEmpty || !piloting.isEmpty else { return nil }
        var parts = running.map { $0.name + ($0.since.map { " (seit \($0.german))" } ?? "") }
        if !piloting.isEmpty {
            parts.append(piloting.joined(separator: ", ") + (piloting.count == 1 ? " erprobt" : " erproben") + " die Lösung")
        }
        return parts.joined(separator: "; ")
    }
}
