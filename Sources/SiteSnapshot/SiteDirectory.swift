public import SiteModel

/// Cross-document facts the templates show: names for ids, who built and adopted what, themes.
///
/// Computed once from the route table, so no page has to scan all others.
public struct SiteDirectory: Sendable {
    public let routes: RouteTable
    /// Theme name to its slug and the blueprints (entry indices) that carry it.
    public let themes: [(name: String, slug: Slug, entries: [RouteTable.Entry])]
    /// The slugs of `themes`: the themes that have a page.
    private let themeSlugs: Set<Slug>
    /// Municipality id to the blueprints it built and adopted.
    public let built: [String: [RouteTable.Entry]]
    public let adopted: [String: [RouteTable.Entry]]
    /// Project id to its reports, newest first.
    public let reportsByProject: [String: [RouteTable.Entry]]
    /// Project id to the blueprints that name it in `project`, newest first.
    public let blueprintsByProject: [String: [RouteTable.Entry]]
    /// Course folder to its modules in `order`.
    public let modulesByCourse: [String: [RouteTable.Entry]]
    /// Theme to the courses that name it, by the theme's slug.
    public let coursesByTheme: [Slug: [RouteTable.Entry]]
    /// Cluster id to the blueprints, projects and courses that name it in `cluster:`, by title.
    public let clusterMembers: [String: [RouteTable.Entry]]
    /// Each document's references, resolved once, by content path.
    private let references: [String: ResolvedReferences]
    /// Events in time order and the sessions about other documents.
    public let events: EventDirectory

    public init(routes: RouteTable) {
        self.routes = routes
        events = EventDirectory(routes: routes)
        var themeEntries: [Slug: (name: String, entries: [RouteTable.Entry])] = [:]
        var built: [String: [RouteTable.Entry]] = [:]
        var adopted: [String: [RouteTable.Entry]] = [:]
        var reports: [String: [RouteTable.Entry]] = [:]
        var blueprints: [String: [RouteTable.Entry]] = [:]
        var modules: [String: [RouteTable.Entry]] = [:]
        var references: [String: ResolvedReferences] = [:]
        var courses: [Slug: [RouteTable.Entry]] = [:]
        var clusters: [String: [RouteTable.Entry]] = [:]
        for entry in routes.entries {
            if let cluster = entry.document.cluster { clusters[cluster.id, default: []].append(entry) }
            if entry.document.kind != .page { references[entry.document.contentPath] = ResolvedReferences(of: entry, in: routes) }
            switch entry.document.metadata {
            case .blueprint(let blueprint):
                for theme in blueprint.themes {
                    let slug = Slug(theme)
                    themeEntries[slug, default: (theme, [])].entries.append(entry)
                }
                for municipality in blueprint.municipalities { built[municipality.id, default: []].append(entry) }
                for id in blueprint.adoptedBy.compactMap(\.municipality) { adopted[id, default: []].append(entry) }
                if let project = blueprint.project { blueprints[project.id, default: []].append(entry) }
            case .report(let report):
                reports[report.project.id, default: []].append(entry)
            case .module:
                modules[entry.document.contentFolder, default: []].append(entry)
            case .course(let course):
                for theme in course.themes { courses[Slug(theme), default: []].append(entry) }
            default:
                break
            }
        }
        themes = themeEntries.map { (name: $0.value.name, slug: $0.key, entries: $0.value.entries) }
            .sorted { $0.name.germanCollationKey < $1.name.germanCollationKey }
        themeSlugs = Set(themeEntries.keys)
        self.built = built
        self.adopted = adopted
        self.references = references
        coursesByTheme = courses
        clusterMembers = clusters.mapValues { $0.sorted { $0.document.title.germanCollationKey < $1.document.title.germanCollationKey } }
        reportsByProject = reports.mapValues { $0.sorted(by: SiteDirectory.newestFirst) }
        blueprintsByProject = blueprints.mapValues { $0.sorted(by: SiteDirectory.newestFirst) }
        modulesByCourse = modules.mapValues { entries in
            entries.sorted { (SiteDirectory.order(of: $0), $0.document.contentPath) < (SiteDirectory.order(of: $1), $1.document.contentPath) }
        }
    }

    /// The documents `entry`'s front matter names (empty for a document that names none).
    public func references(of entry: RouteTable.Entry) -> ResolvedReferences {
        references[entry.document.contentPath] ?? ResolvedReferences()
    }

    public func themeURL(_ name: String) -> URLPath { URLPath(segments: ["themen", Slug(name).truncated().rawValue]) }

    /// Whether `name` has a theme page: only blueprints' themes get one, so a cluster's or an
    /// event's theme that no blueprint carries is shown without a link (never one to a 404).
    public func hasThemePage(_ name: String) -> Bool { themeSlugs.contains(Slug(name)) }

    /// The date a document is sorted and listed by: updated, published, the project start or the data set's stand.
    public static func date(of document: Document) -> ContentDate? {
        switch document.metadata {
        case .blueprint(let b): b.updated
        case .report(let r): r.published
        case .project(let p): p.start
        case .dataset(let d): d.updated
        default: nil
        }
    }

    public static func newestFirst(_ a: RouteTable.Entry, _ b: RouteTable.Entry) -> Bool {
        switch (date(of: a.document), date(of: b.document)) {
        case let (x?, y?) where x != y: x > y
        case (.some, nil): true
        case (nil, .some): false
        default: a.url < b.url
        }
    }

    public static func order(of entry: RouteTable.Entry) -> Int {
        if case .module(let module) = entry.document.metadata { return module.order }
        return 0
    }
}

extension String {
    /// A sort key that files Ä under A and ß under ss, as German dictionaries do (DIN 5007-1).
    public var germanCollationKey: String {
        var key = ""
        for scalar in lowercased().unicodeScalars {
            switch scalar {
            case "ä": key += "a"
            case "ö": key += "o"
            case "ü": key += "u"
            case "ß": key += "ss"
            default: key.unicodeScalars.append(scalar)
            }
        }
        return key + "\u{0}" + self
    }
}
