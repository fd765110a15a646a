import SiteModel

/// The filters of `/blaupausen/` (Reifegrad, Kommune, Thema, Projekt), each value a page of its
/// own (`/blaupausen/reifegrad/pilot/`, themes at `/themen/<thema>/`), so every filter works
/// without JavaScript: a filter is a link.
struct BlueprintFacets {
    let directory: SiteDirectory

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
    }

    var groups: [Group] {
        var maturity: [Maturity: [RouteTable.Entry]] = [:]
        var cities: [String: [RouteTable.Entry]] = [:]
        var projects: [String: [RouteTable.Entry]] = [:]
        for entry in directory.routes.entries(of: .blueprint) {
            guard case .blueprint(let b) = entry.document.metadata else { continue }
            maturity[b.maturity, default: []].append(entry)
            // Unknown ids are reported by ReferenceCheck; ids that differ only in case would give
            // two filter pages at one address, so cities are keyed by their address segment.
            for city in b.municipalities where directory.routes.entry(kind: .municipality, id: city.id) != nil {
                cities[RouteTable.urlSegment(city.id), default: []].append(entry)
            }
            if let project = b.project, directory.routes.entry(kind: .project, id: project.id) != nil {
                projects[project.id, default: []].append(entry)
            }
        }
        let levels = Maturity.allCases.compactMap { level in
            maturity[level].map { Value(label: level.label, url: URLPath(segments: ["blaupausen", "reifegrad", level.rawValue]), entries: $0,
                                       key: "reifegrad:" + level.rawValue) }
        }
        let byCity = cities.map { segment, entries in
            let id = entries.lazy.compactMap { entry -> String? in
                guard case .blueprint(let b) = entry.document.metadata else { return nil }
                return b.municipalities.first { RouteTable.urlSegment($0.id) == segment }?.id
            }.first ?? segment
            var seen = Set<URLPath>()
            return Value(label: directory.municipalityName(id), url: URLPath(segments: ["blaupausen", "kommune", segment]),
                         entries: entries.filter { seen.insert($0.url).inserted }, key: "kommune:" + segment)
        }.sorted { ($0.label.germanCollationKey, $0.url.rawValue) < ($1.label.germanCollationKey, $1.url.rawValue) }
        let byTheme = directory.themes.map { Value(label: $0.name, url: directory.themeURL($0.name), entries: $0.entries,
                                                   key: "thema:" + Slug($0.name).truncated().rawValue) }
        let byProject = projects.map { id, entries in
            Value(label: directory.routes.entry(kind: .project, id: id)?.document.title ?? id,
                  url: URLPath(segments: ["blaupausen", "projekt", RouteTable.urlSegment(id)]), entries: entries,
                  key: "projekt:" + RouteTable.urlSegment(id))
        }.sorted { $0.label.germanCollationKey < $1.label.germanCollationKey }
        return [Group(title: "Reifegrad", values: levels), Group(title: "Kommune", values: byCity),
                Group(title: "Thema", values: byTheme), Group(title: "Projekt", values: byProject)].filter { !$0.values.isEmpty }
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
    func context(current: URLPath?) -> [[String: Any]] {
        groups.map { group in
            ["title": group.title, "values": group.values.map { value -> [String: Any] in
                ["label": value.label, "url": directory.href(value.url), "count": value.entries.count, "current": value.url == current,
                 "key": value.key]
            }]
        }
    }
}
