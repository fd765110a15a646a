import SiteModel
import SiteSnapshot

/// What `/nachnutzung/` shows: every adoption with the blueprint, who developed it and who took
/// it over, the chart stacked by status with its legend, and the values the filters offer.
struct AdoptionOverview {
    let directory: SiteDirectory
    let addresses: SiteAddresses

    /// The page's fields for `blueprints`, in the order the table lists them (by title).
    func fields(blueprints: [RouteTable.Entry]) -> AdoptionsPageFields {
        var rows: [AdoptionsPageFields.Row] = []
        var statuses: [(blueprint: String, status: AdoptionStatus?)] = []
        var perMunicipality: [String: Int] = [:]
        for entry in blueprints {
            guard case .blueprint(let blueprint) = entry.document.metadata, !blueprint.adoptedBy.isEmpty else { continue }
            let references = directory.references(of: entry)
            let developers = references.municipalities.map { NamedLink(name: $0.title, url: $0.entry.map { addresses.page($0.url) }) }
            for (adoption, municipality) in zip(blueprint.adoptedBy, references.adopters) {
                // An unknown id is a warning (ReferenceCheck) and is not published.
                if let municipality, municipality.entry == nil { continue }
                let name = municipality?.title ?? adoption.name ?? ""
                perMunicipality[name, default: 0] += 1
                statuses.append((entry.document.title, adoption.status))
                let series = AdoptionSeries(adoption.status)
                rows.append(.init(blueprint: entry.document.title, blueprintURL: addresses.page(entry.url), developers: developers,
                                  municipality: name, municipalityURL: municipality?.entry.map { addresses.page($0.url) },
                                  ags: adoption.ags, since: adoption.since?.iso, sinceLabel: adoption.since?.german,
                                  status: adoption.status?.label, statusKey: series.key))
            }
        }
        let chart = AdoptionChart(title: "Nachnutzungen je Blaupause nach Stand", adoptions: statuses)
        return AdoptionsPageFields(
            rows: rows, totalLabel: Self.totalLabel(rows),
            perMunicipality: perMunicipality.sorted { ($1.value, $0.key.germanCollationKey) < ($0.value, $1.key.germanCollationKey) }
                .map { .init(name: $0.key, count: $0.value) },
            statusURL: addresses.page(URLPath("/reifegrade/")) + "#stand", chart: rows.isEmpty ? nil : chart.svg,
            legend: chart.legend.map { .init(key: $0.series.key, label: $0.series.label, explanation: $0.series.explanation, count: $0.count) },
            blueprints: Self.distinct(rows.map(\.blueprint)), municipalities: Self.distinct(rows.map(\.municipality)))
    }

    /// "7 Nachnutzungen, davon 3 im Betrieb": what is really in use, not only who is interested.
    private static func totalLabel(_ rows: [AdoptionsPageFields.Row]) -> String {
        let inOperation = rows.filter { $0.statusKey == AdoptionSeries.status(.imBetrieb).key }.count
        return (rows.count == 1 ? "1 Nachnutzung" : "\(rows.count) Nachnutzungen") + ", davon \(inOperation) im Betrieb"
    }

    /// Each name once, in German alphabetical order.
    private static func distinct(_ names: [String]) -> [String] {
        Set(names).map { (key: $0.germanCollationKey, name: $0) }.sorted { ($0.key, $0.name) < ($1.key, $1.name) }.map(\.name)
    }
}
