import SiteModel
import Yams

/// Where a blueprint's solution runs in regular operation (`in_operation` for the developing
/// municipalities, `status: im-betrieb` in `adopted_by` for the others), and whether the maturity
/// level agrees with it: a level that claims operation needs as many municipalities in operation.
enum OperationDecoder {
    static let example = "[{municipality: offenbach, since: 2023-04-01}]"

    /// The `in_operation` entries: developing municipalities (ids from `municipalities`) with the date they went live.
    static func operations(_ f: inout FrontMatterFields, developers: [Reference]) -> [Operation] {
        let ids = Set(developers.map(\.id))
        var seen: Set<String> = []
        return f.nodes("in_operation", required: false, example: example).compactMap { node in
            let location = f.location(of: node)
            let id: String?
            var since: ContentDate?
            if let text = node.scalar?.string {
                id = text
            } else if node.mapping != nil {
                id = node["municipality"]?.scalar?.string
                since = node["since"].flatMap { f.date(in: $0, key: "since") }
                DecisionFieldsDecoder.reportUnknown(in: node, allowed: ["municipality", "since"], field: "in_operation", &f)
            } else {
                id = nil
            }
            guard let id, !id.isEmpty else {
                f.error("Ein Eintrag in `in_operation` braucht `municipality`.", at: node,
                        hint: "Schreibe `- {municipality: offenbach, since: 2023-04-01}`.")
                return nil
            }
            guard ids.contains(id) else {
                f.error("`in_operation` nennt `\(id)`, aber `\(id)` steht nicht in `municipalities`.", at: node,
                        hint: "`in_operation` gilt für die Kommunen, die die Lösung entwickelt haben. Eine Kommune, die sie übernommen hat, "
                            + "steht in `adopted_by` mit `status: im-betrieb`.")
                return nil
            }
            guard seen.insert(id).inserted else {
                f.warning("`in_operation` nennt `\(id)` zweimal.", at: node, hint: "Lösche einen der beiden Einträge.")
                return nil
            }
            return Operation(municipality: id, since: since, location: location)
        }
    }

    /// An error at `maturity:` when the level claims more municipalities in operation than the file names.
    static func checkMaturity(of blueprint: Blueprint, _ f: inout FrontMatterFields) {
        let needed = blueprint.maturity.municipalitiesInOperation
        let count = blueprint.operationCount
        guard count < needed else { return }
        let named = blueprint.inOperation.map(\.municipality)
            + blueprint.adoptedBy.filter(\.isInOperation).map { $0.municipality ?? $0.name ?? "" }
        let found = named.isEmpty ? "keine" : "nur " + named.map { "`\($0)`" }.joined(separator: ", ")
        let level = blueprint.maturity == .imBetrieb ? "in mindestens einer Kommune" : "in mindestens zwei Kommunen"
        let developer = blueprint.municipalities.first?.id ?? "offenbach"
        f.error("`maturity: \(blueprint.maturity.rawValue)` heißt \(level) im Regelbetrieb, aber die Datei nennt \(found).",
                at: f.value("maturity"),
                hint: "Ergänze für eine entwickelnde Kommune `in_operation: [{municipality: \(developer), since: 2023-04-01}]`, für eine übernehmende `status: im-betrieb` in `adopted_by`, "
                    + "oder wähle den Reifegrad, der stimmt (`pilot`, `im-betrieb`).")
    }
}
