import DataCharts
import SiteModel
import SiteSnapshot

extension DocumentPageRenderer {
    /// The most rows a data set's page shows; the CSV has them all (a page of 10,000 rows helps nobody).
    static let maximumShownRows = 200

    func datasetFields(_ d: Dataset, of entry: RouteTable.Entry) -> DatasetPageFields {
        let references = contexts.directory.references(of: entry)
        let addresses = contexts.addresses
        let csv = d.csvContentPath(folder: entry.document.contentFolder) ?? d.file
        let rows = d.rows.prefix(Self.maximumShownRows).map { row in
            DatasetPageFields.Row(cells: row.map { DatasetPageFields.Cell(text: $0.german, isNumber: $0.numeric != nil) })
        }
        return DatasetPageFields(dataset: .init(
            license: contexts.license(d.license), source: d.source, periodLabel: "\(d.start.german) bis \(d.end.german)",
            start: d.start.iso, end: d.end.iso, updated: d.updated?.iso, updatedLabel: d.updated?.german, isExample: d.isExample,
            publisher: references.municipalities.first.map(contexts.link), project: references.project.map(contexts.link),
            columns: d.fields.map { .init(name: $0.name, title: $0.label, type: $0.type.germanName, unit: $0.unit, description: $0.description) },
            headings: d.fields.map { field in field.unit.map { "\(field.label) (\($0))" } ?? field.label }, rows: Array(rows),
            rowCount: GermanFormat.number(d.rows.count), columnCount: d.fields.count,
            shownRows: d.rows.count > Self.maximumShownRows ? GermanFormat.number(Self.maximumShownRows) : nil,
            chart: hasOwnChart(entry.document) ? nil
                : DefaultChart.figure(of: d, id: entry.document.id, title: entry.document.title, page: addresses.page(entry.url)),
            csv: .init(url: addresses.page(addresses.contentFile(csv)), size: contexts.snapshot.files.size(of: csv).map(Self.kilobytes)),
            schema: .init(url: addresses.download(Dataset.schemaPath(ofCSV: csv)), size: nil),
            package: .init(url: addresses.download(Dataset.packagePath(ofCSV: csv)), size: nil)))
    }

    func clusterFields(_ c: Cluster, of entry: RouteTable.Entry) -> ClusterPageFields {
        let directory = contexts.directory
        let references = directory.references(of: entry)
        let members = zip(c.members, references.municipalities.dropFirst()).map { member, city in
            ClusterPageFields.Member(municipality: contexts.link(city), role: member.role)
        }
        let belonging = directory.clusterMembers[entry.document.id] ?? []
        func cards(_ kind: ContentKind) -> [Card] { belonging.filter { $0.document.kind == kind }.map(contexts.card) }
        return ClusterPageFields(cluster: .init(
            lead: contexts.link(references.municipalities[0]), members: members, contacts: c.contacts.map(ContactFields.init),
            themes: contexts.themeLinks(c.themes),
            blueprints: cards(.blueprint), projects: cards(.project), courses: cards(.course),
            sessions: sessionLinks(clusterSessions(belonging))))
    }

    /// The sessions about what belongs to a cluster: a session joins the cluster of the blueprints,
    /// projects and courses it is about (sessions name no cluster of their own). Each once, in time order.
    private func clusterSessions(_ belonging: [RouteTable.Entry]) -> [EventDirectory.SessionEntry] {
        let events = contexts.directory.events
        var seen = Set<String>()
        var sessions: [EventDirectory.SessionEntry] = []
        for member in belonging {
            let id = member.document.id
            let about: [EventDirectory.SessionEntry] = switch member.document.kind {
            case .blueprint: events.sessionsByBlueprint[id] ?? []
            case .project: events.sessionsByProject[id] ?? []
            case .course: events.sessionsByCourse[id] ?? []
            default: []
            }
            for item in about where seen.insert(item.event.url.rawValue + "#" + item.session.anchor).inserted { sessions.append(item) }
        }
        func start(_ item: EventDirectory.SessionEntry) -> String {
            (item.session.start ?? EventDirectory.event(item.event)?.start)?.icsLocal ?? ""
        }
        return sessions.sorted { (start($0), $0.session.title) < (start($1), $1.session.title) }
    }

    /// Whether the description draws a chart of its own (then the page adds none).
    private func hasOwnChart(_ document: Document) -> Bool {
        document.body.contains("```" + ChartBlocks.info) || document.body.contains("~~~" + ChartBlocks.info)
    }

    /// Cards of the data sets that `belongs` picks (a project's figures, a city's publications), by title.
    func datasetCards(_ belongs: (Dataset) -> Bool) -> [Card] {
        contexts.directory.routes.entries(of: .dataset).filter { entry in
            guard case .dataset(let d) = entry.document.metadata else { return false }
            return belongs(d)
        }
        .sorted { $0.document.title.germanCollationKey < $1.document.title.germanCollationKey }
        .map(contexts.card)
    }

    /// The clusters a municipality leads or joins, as cards that say which; those it leads first.
    func clusterCards(of municipality: String) -> [Card] {
        var led: [Card] = [], joined: [Card] = []
        for entry in contexts.directory.routes.entries(of: .cluster) {
            guard case .cluster(let c) = entry.document.metadata else { continue }
            var card = contexts.card(entry)
            if c.lead.id == municipality {
                card.role = "Leitet den Cluster"
                led.append(card)
            } else if let member = c.members.first(where: { $0.municipality.id == municipality }) {
                card.role = member.role.map { "Rolle im Cluster: \($0)" } ?? "Im Cluster"
                joined.append(card)
            }
        }
        return led + joined
    }

    /// `2 KB`, at least 1.
    static func kilobytes(_ bytes: Int) -> String { GermanFormat.number(max(1, (bytes + 500) / 1_000)) + " KB" }
}
