/// The sections of the site, in the order of the header's navigation: each is a folder under
/// `content/` (`content/blaupausen/`), a page vcc makes at its address (`/blaupausen/`) that an
/// `index.md` in the folder may introduce, and for most the kind of the documents filed there.
///
/// Navigation, the list pages, the routes vcc reserves and the kind a file gets from its folder
/// all derive from this one list; a new section is one case here, and the compiler then asks for
/// its list page (every `switch` over sections is exhaustive).
public enum SiteSection: String, CaseIterable, Sendable {
    case blueprints = "blaupausen"
    case clusters = "kompetenzcluster"
    case projects = "projekte"
    case reports = "berichte"
    case data = "daten"
    case courses = "qualifizierung"
    case municipalities = "kommunen"
    case events = "veranstaltungen"
    case themes = "themen"
    case search = "suche"

    /// The section's name in the navigation, its list page and breadcrumbs.
    public var title: String {
        switch self {
        case .blueprints: "Blaupausen"
        case .clusters: "Kompetenzcluster"
        case .projects: "Projekte"
        case .reports: "Berichte"
        case .data: "Daten"
        case .courses: "Qualifizierung"
        case .municipalities: "Kommunen"
        case .events: "Veranstaltungen"
        case .themes: "Themen"
        case .search: "Suche"
        }
    }

    /// The kind of the documents filed in the section's folder; nil where vcc makes the pages itself.
    public var contentKind: ContentKind? {
        switch self {
        case .blueprints: .blueprint
        case .projects: .project
        case .reports: .report
        case .data: .dataset
        case .clusters: .cluster
        case .courses: .course
        case .municipalities: .municipality
        case .events: .event
        case .themes, .search: nil
        }
    }

    /// Whether the header links the section (the search has its own field there).
    /// Data sets are reached from the home page, the reports that chart them and /katalog/, which keeps the header short.
    public var isInNavigation: Bool { self != .search && self != .data }

    /// The section's page: `/blaupausen/`.
    public var url: URLPath { URLPath(segments: [rawValue]) }

    /// The section a path below `content/` or a page URL lies in, by its first segment.
    public init?(firstSegmentOf path: String) {
        guard let first = path.split(separator: "/").first, let section = SiteSection(rawValue: String(first)) else { return nil }
        self = section
    }
}
