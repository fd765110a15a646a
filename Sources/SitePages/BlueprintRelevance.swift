import SiteModel
import SiteSnapshot

/// The order blueprint lists are written in, "Relevanz" in the sort control: what runs in the most
/// municipalities first, as a clerk looking for a proven solution wants it. The browser's other
/// orders (Reifegrad, Anzahl im Betrieb, Datum, Titel) start from this one, so ties keep it.
enum BlueprintRelevance {
    /// Most municipalities in regular operation, then most adopters of any status, then maturity,
    /// then the most recently updated, then the title.
    static func sorted(_ entries: [RouteTable.Entry]) -> [RouteTable.Entry] {
        entries.map { entry -> (key: [Int], title: String, entry: RouteTable.Entry) in
            guard case .blueprint(let b) = entry.document.metadata else { return ([0, 0, 0, 0], entry.document.title.germanCollationKey, entry) }
            let date = b.updated.year * 10_000 + b.updated.month * 100 + b.updated.day
            return ([-b.operationCount, -b.adoptedBy.count, -rank(of: b.maturity), -date], entry.document.title.germanCollationKey, entry)
        }
        .sorted { ($0.key.lexicographicallyPrecedes($1.key)) || ($0.key == $1.key && ($0.title, $0.entry.url) < ($1.title, $1.entry.url)) }
        .map(\.entry)
    }

    /// How far a solution has come: 0 for an idea to 3 for several municipalities in operation;
    /// a discontinued one ranks below an idea.
    static func rank(of maturity: Maturity) -> Int {
        switch maturity {
        case .eingestellt: -1
        case .idee: 0
        case .pilot: 1
        case .imBetrieb: 2
        case .mehrfachImBetrieb: 3
        }
    }
}
