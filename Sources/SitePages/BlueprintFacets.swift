import SiteModel
import SiteSnapshot

/// The filters of `/blaupausen/` (Reifegrad, Kommune, Thema, Projekt), each value a page of its
/// own (`/blaupausen/reifegrad/pilot/`, themes at `/themen/<thema>/`), so every filter works
/// without JavaScript: a filter is a link.
struct BlueprintFacets {
    let directory: SiteDirectory
    /// Computed once: every filter page shows them, so recomputing them per page was quadratic.
    let groups: [Group]

    /// The most values one filter shows beside a list. A filter with more shows those with the most
    /// blueprints (and the page's own value) and links its overview: 3,000 themes beside each of
    /// 3,000 theme pages would be nine million links, and no reader scans more than a few dozen.
    static let maximumShownValues = 30

    init(directory: SiteDirectory) {
        self.directory = directory
        groups = Self.groups(directory: directory)
    }

    /// One value of one filter: its label, its page and the blueprints it selects.
    struct Value {
        var label: String
        var url: URLPath
        var entries: [RouteTable.Entry]
        /// `reifegrad:pilot`: how the value is named on the cards it selects (for combining filters in the browser).
        var key: String
    }

    struct Group {
        var title: String
        var values: [Value]
        /// Where all values are listed, for a filter that shows only some.
        var overview: URLPath
        /// The values a large filter shows on every page: those with the most blueprints, by position.
        let largest: [Int]
        /// Each value's position by its page, to add the page's own value.
        let positions: [URLPath: Int]

        init(title: String, values: [Value], overview: URLPath) {
            self.title = title; self.values = values; self.overview = overview
            largest = values.count <= BlueprintFacets.maximumShownValues ? [] : Array(values.indices
                .sorted { (-values[$0].entries.count, $0) < (-values[$1].entries.count, $1) }.prefix(BlueprintFacets.maximumShownValues))
            positions = values.count <= BlueprintFacets.maximumShownValues ? [:]
                : Dictionary(values.enumerated().map { ($1.url, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private static func groups(directory: SiteDirectory) -> [Group] {
        var maturity: [Maturity: [RouteTable.Entry]] = [:]
        var cities: [String: [RouteTable.Entry]] = [:]
        var projects: [String: [RouteTable.Entry]] = [:]
        // The names of cities (by address segment) and projects (by `projekt:` and id), from the resolved references.
        var names: [String: String] = [:]
        for entry in directory.routes.entries(of: .blueprint) {
            guard case .blueprint(let b) = entry.document.metadata else { continue }
            maturity[b.maturity, default: []].append(entry)
            // Unknown ids are reported by ReferenceCheck; ids that differ only in case would give
            // two filter pages at one address, so cities are keyed by their address segment.
            let references = directory.references(of: entry)
            for city in references.municipalities where city.entry != nil {
                cities[RouteTable.urlSegment(city.id), default: []].append(entry)
                names[RouteTable.urlSegment(city.id)] = names[RouteTable.urlSegment(city.id)] ?? city.title
            }
            if let project = references.project, project.entry != nil {
                projects[project.id, default: []].append(entry)
                names["projekt:" + project.id] = project.title
            }
        }
        let levels = Maturity.allCases.compactMap { level in
            maturity[level].map { Value(label: level.label, url: URLPath(segments: ["blaupausen", "reifegrad", level.rawValue]), entries: $0,
                                       key: "reifegrad:" + level.rawValue) }
        }
        let byCity = cities.map { segment, entries in
            var seen = Set<URLPath>()
            return Value(label: names[segment] ?? segment, url: URLPath(segments: ["blaupausen", "kommune", segment]),
                         entries: entries.filter { seen.insert($0.url).inserted }, key: "kommune:" + segment)
        }.sorted { ($0.label.germanCollationKey, $0.url.rawValue) < ($1.label.germanCollationKey, $1.url.rawValue) }
        let byTheme = directory.themes.map { Value(label: $0.name, url: directory.themeURL($0.name), entries: $0.entries,
                                                   key: "thema:" + Slug($0.name).truncated().rawValue) }
        let byProject = projects.map { id, entries in
            Value(label: names["projekt:" + id] ?? id,
                  url: URLPath(segments: ["blaupausen", "projekt", RouteTable.urlSegment(id)]), entries: entries,
                  key: "projekt:" + RouteTable.urlSegment(id))
        }.sorted { $0.label.germanCollationKey < $1.label.germanCollationKey }
        return [Group(title: "Reifegrad", values: levels, overview: URLPath("/reifegrade/")),
                Group(title: "Kommune", values: byCity, overview: URLPath("/kommunen/")),
                Group(title: "Thema", values: byTheme, overview: URLPath("/themen/")),
                Group(title: "Projekt", values: byProject, overview: URLPath("/projekte/"))].filter { !$0.values.isEmpty }
    }

    /// The filter pages vcc makes (themes have their pages already).
    var pageURLs: [URLPath] {
        groups.filter { $0.title != "Thema" }.flatMap { $0.values.map(\.url) }
    }

    /// The keys of the filter values a blueprint has, for its card (`reifegrad:pilot kommune:offenbach …`).
    static func keys(of blueprint: Blueprint, directory: SiteDirectory) -> String {
        var keys = ["reifegrad:" + blueprint.maturity.rawValue]
        keys += blueprint.municipalities.map { "kommune:" + RouteTable.urlSegment($0.id) }
        keys += blueprint.themes.map { "thema:" + Slug($0).truncated().rawValue }
        if let project = blueprint.project { keys.append("projekt:" + RouteTable.urlSegment(project.id)) }
        return keys.joined(separator: " ")
    }

    /// The filters for a template, the value `current` marked.
    func context(current: URLPath?, addresses: SiteAddresses) -> [FacetGroup] {
        groups.map { group in
            FacetGroup(
                title: group.title,
                values: shownValues(of: group, current: current).map { value in
                    .init(label: value.label, url: addresses.page(value.url), count: value.entries.count, current: value.url == current, key: value.key)
                },
                more: group.values.count > Self.maximumShownValues
                    ? .init(url: addresses.page(group.overview), label: "Alle \(group.values.count) anzeigen") : nil)
        }
    }

    /// All values of a small filter; of a large one those with the most blueprints and `current`, in the filter's order.
    private func shownValues(of group: Group, current: URLPath?) -> [Value] {
        guard group.values.count > Self.maximumShownValues else { return group.values }
        var shown = group.largest
        if let current, let index = group.positions[current], !shown.contains(index) { shown.append(index) }
        return shown.sorted().map { group.values[$0] }
    }
}
