import SiteModel
import SiteSnapshot

/// The filters of `/blaupausen/` (see ``BlueprintFilter``), each value a page of its own
/// (`/blaupausen/reifegrad/pilot/`, `/blaupausen/groesse/20000-bis-50000/`, themes at
/// `/themen/<thema>/`), so every filter works without JavaScript: a filter is a link.
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
        var found: [BlueprintFilter: [String: (value: BlueprintFacetMembership, entries: [RouteTable.Entry])]] = [:]
        for entry in directory.routes.entries(of: .blueprint) {
            for value in BlueprintFacetMembership.all(of: entry, directory: directory) where value.filter != .theme {
                // The first label wins, as ids that differ in case share one address.
                var slot = found[value.filter, default: [:]][value.slug] ?? (value, [])
                if slot.entries.last?.url != entry.url { slot.entries.append(entry) }
                found[value.filter, default: [:]][value.slug] = slot
            }
        }
        return BlueprintFilter.allCases.map { filter in
            guard filter != .theme else {
                return Group(title: filter.title, values: directory.themes.map {
                    Value(label: $0.name, url: directory.themeURL($0.name), entries: $0.entries, key: "thema:" + Slug($0.name).truncated().rawValue)
                }, overview: filter.overview)
            }
            let values = (found[filter] ?? [:]).values
                .sorted { ($0.value.order, $0.value.slug) < ($1.value.order, $1.value.slug) }
                .map { slot in
                    Value(label: slot.value.label, url: URLPath(segments: ["blaupausen", filter.pathSegment ?? filter.rawValue, slot.value.slug]),
                          entries: slot.entries, key: slot.value.key)
                }
            return Group(title: filter.title, values: values, overview: filter.overview)
        }.filter { !$0.values.isEmpty }
    }

    /// The filter pages vcc makes (themes have their pages already).
    var pageURLs: [URLPath] {
        groups.filter { $0.title != BlueprintFilter.theme.title }.flatMap { $0.values.map(\.url) }
    }

    /// The keys of the filter values a blueprint has, for its card (`reifegrad:pilot kommune:offenbach …`).
    static func keys(of entry: RouteTable.Entry, directory: SiteDirectory) -> String {
        BlueprintFacetMembership.all(of: entry, directory: directory).map(\.key).joined(separator: " ")
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
