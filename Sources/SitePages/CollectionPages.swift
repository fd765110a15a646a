import SiteModel
import SiteSnapshot
import Templating

/// The pages vcc makes itself: home, section lists, themes, search, 404.
struct CollectionPages: Sendable {
    /// One page: where, with which layout, and its typed context.
    struct Page {
        var url: URLPath
        var layout: PageLayout
        var context: any Encodable
    }

    let contexts: ContextBuilder
    let templates: TemplateSet
    /// Rendered HTML of `index.md` files that introduce these pages, by URL.
    let introductions: [URLPath: Introduction]

    /// What an `index.md` gives the page it introduces.
    struct Introduction {
        var title: String
        var summary: String?
        var html: String
    }

    /// The blueprint filters, computed once for every list that shows them.
    private let facets: BlueprintFacets

    init(contexts: ContextBuilder, templates: TemplateSet, introductions: [URLPath: Introduction]) {
        self.contexts = contexts
        self.templates = templates
        self.introductions = introductions
        facets = BlueprintFacets(directory: contexts.directory)
    }

    /// `/nachnutzung/`, linked from the header (``ContextBuilder/navigationPages``) and the home page.
    static let adoptionsURL = URLPath("/nachnutzung/")

    private var directory: SiteDirectory { contexts.directory }
    private var addresses: SiteAddresses { contexts.addresses }

    /// The URLs of ``pages()``, known without building their contexts: the output plan claims
    /// them, and a page written at another URL fails the build.
    static func urls(directory: SiteDirectory) -> [URLPath] {
        [.root] + SiteSection.allCases.flatMap { urls(of: $0, directory: directory) }
            + [URLPath("/reifegrade/"), adoptionsURL, URLPath("/katalog/"), URLPath("/seitenuebersicht/"), URLPath("/404.html")]
    }

    /// A section's pages: its own, and for blueprints and themes one page per filter value or theme.
    private static func urls(of section: SiteSection, directory: SiteDirectory) -> [URLPath] {
        switch section {
        case .blueprints: [section.url] + BlueprintFacets(directory: directory).pageURLs
        case .themes: [section.url] + directory.themes.map { directory.themeURL($0.name) }
        case .projects, .reports, .courses, .municipalities, .events, .search, .clusters, .data: [section.url]
        }
    }

    /// Every generated page, in a fixed order.
    func pages() -> [Page] {
        var pages = [home()]
        for section in SiteSection.allCases { pages += self.pages(of: section) }
        pages.append(maturityLevels())
        pages.append(adoptionOverview())
        pages.append(simple(URLPath("/katalog/"), layout: .catalogue, title: "Offene Daten und Kataloge",
                            summary: "Alle Blaupausen als Dateien, die Datenportale, Bildungsportale und eigene Programme regelmäßig abholen können.",
                            baseURL: addresses.baseURL.isEmpty ? addresses.basePath : addresses.baseURL))
        pages.append(siteIndex())
        pages.append(simple(URLPath("/404.html"), layout: .notFound, title: "Seite nicht gefunden",
                            summary: "Diese Seite gibt es nicht (mehr). Die Suche und die Verzeichnisse helfen weiter."))
        return pages
    }

    /// The pages of one section (see ``urls(of:directory:)``).
    private func pages(of section: SiteSection) -> [Page] {
        let url = section.url
        switch section {
        case .blueprints:
            var pages = [list(url, title: section.title,
                              summary: "Lösungen aus den Städten, die andere Kommunen übernehmen können; was in den meisten Kommunen läuft, zuerst.",
                              groups: blueprintResults(directory.routes.entries(of: .blueprint)),
                              facets: facets.context(current: nil, addresses: addresses))]
            for group in facets.groups where group.title != BlueprintFilter.theme.title {
                for value in group.values {
                    pages.append(list(value.url, title: "Blaupausen: \(value.label)", summary: "\(group.title): \(value.label).",
                                      groups: blueprintResults(value.entries), crumbs: [(section.title, url)],
                                      facets: facets.context(current: value.url, addresses: addresses)))
                }
            }
            return pages
        case .projects:
            return [list(url, title: section.title, summary: "Die Projekte der Kooperation.",
                         groups: [group("alle", "Alle Projekte", byTitle(directory.routes.entries(of: .project)))])]
        case .clusters:
            return [list(url, title: section.title,
                         summary: "Die Städte bündeln ihre Kompetenzen in Clustern: je eine Stadt leitet einen Cluster, die anderen bringen ihre Erfahrung ein.",
                         groups: [group("alle", "Alle Kompetenzcluster", byTitle(directory.routes.entries(of: .cluster)))])]
        case .data:
            return [list(url, title: section.title,
                         summary: "Zahlen der Kooperation als offene Daten: jede Tabelle als CSV-Datei mit Beschreibung, Diagramm und Lizenz.",
                         groups: [group("alle", "Alle Datensätze", byTitle(directory.routes.entries(of: .dataset)))])]
        case .reports:
            return [list(url, title: section.title, summary: "Berichte aus den Projekten, die neuesten zuerst.",
                         groups: [group("alle", "Alle Berichte", directory.routes.entries(of: .report).sorted(by: SiteDirectory.newestFirst))])]
        case .courses:
            return [list(url, title: section.title, summary: "Kurse des interkommunalen Qualifizierungsprogramms.",
                         groups: [group("kurse", "Kurse", byTitle(directory.routes.entries(of: .course)))])]
        case .municipalities:
            return [list(url, title: section.title, summary: "Die Städte der Kooperation und was sie beitragen.",
                         groups: [group("alle", "Städte", byTitle(directory.routes.entries(of: .municipality)))])]
        case .events:
            // Upcoming first, the next one on top; then the past, the latest on top (see EventDirectory.today).
            let today = directory.events.today(sourceDate: contexts.sourceDate)
            let upcoming = directory.events.events.filter { EventDirectory.event($0).map { EventDirectory.isUpcoming($0, today: today) } ?? false }
            let upcomingURLs = Set(upcoming.map(\.url))
            let past = directory.events.events.filter { !upcomingURLs.contains($0.url) }.reversed()
            return [list(url, title: section.title, summary: "Digitalforen und andere Veranstaltungen der Kooperation, die nächsten zuerst.",
                         groups: [group("bevorstehend", "Bevorstehende Veranstaltungen (Stand: \(today.german))", upcoming),
                                  group("vergangen", "Vergangene Veranstaltungen", Array(past))])]
        case .themes:
            let themeLinks = directory.themes.map {
                CountedLink(title: $0.name, url: addresses.page(directory.themeURL($0.name)), count: $0.entries.count)
            }
            var pages = [list(url, title: section.title, summary: "Alle Themen der Blaupausen von A bis Z.",
                              groups: [.init(id: "a-z", title: "Themen von A bis Z", items: [], links: themeLinks)])]
            for theme in directory.themes {
                let themeURL = directory.themeURL(theme.name)
                let count = theme.entries.count == 1 ? "Eine Blaupause" : "\(theme.entries.count) Blaupausen"
                // Courses of the theme, and their modules, so a head of department finds what staff can learn about it.
                let courses = byTitle(directory.coursesByTheme[theme.slug] ?? [])
                let modules = courses.flatMap { course in
                    (directory.modulesByCourse[course.document.contentFolder] ?? []).map {
                        CountedLink(title: course.document.title + ": " + $0.document.title, url: addresses.page($0.url))
                    }
                }
                pages.append(list(themeURL, title: "Thema: \(theme.name)", summary: "\(count) zum Thema \(theme.name).",
                                  groups: [group("blaupausen", "Blaupausen zum Thema", byTitle(theme.entries)),
                                           group("kurse", "Kurse zum Thema", courses),
                                           .init(id: "module", title: "Kursmodule zum Thema", items: [], links: modules)],
                                  crumbs: [(section.title, url)], facets: facets.context(current: themeURL, addresses: addresses)))
            }
            return pages
        case .search:
            return [simple(url, layout: .search, title: section.title,
                           summary: "Die Wissensbasis durchsuchen: Blaupausen, Berichte, Projekte, Kommunen und Kurse.")]
        }
    }

    private func home() -> Page {
        let intro = introductions[.root]
        let frame = contexts.frame(title: intro?.title ?? contexts.configuration.title,
                                   summary: intro?.summary ?? contexts.configuration.description, url: .root)
        let entryPoints: [(title: String, url: URLPath, text: String)] = [
            (SiteSection.blueprints.title, SiteSection.blueprints.url, "Erprobte Lösungen zum Nachnutzen"),
            ("Nachnutzung", Self.adoptionsURL, "Welche Kommune welche Blaupause übernommen hat"),
            (SiteSection.projects.title, SiteSection.projects.url, "Was die Städte gemeinsam aufbauen"),
            (SiteSection.courses.title, SiteSection.courses.url, "Kurse für Beschäftigte"),
            (SiteSection.themes.title, SiteSection.themes.url, "Alle Themen von A bis Z"),
        ] + (directory.routes.entries(of: .dataset).isEmpty ? [] : [
            (SiteSection.data.title, SiteSection.data.url, "Zahlen als offene Daten, mit Diagrammen"),
        ])
        let fields = HomePageFields(
            content: introduction(intro),
            newest: directory.routes.entries(of: .blueprint).sorted(by: SiteDirectory.newestFirst).prefix(6).map(contexts.card),
            reports: directory.routes.entries(of: .report).sorted(by: SiteDirectory.newestFirst).prefix(3).map(contexts.card),
            clusters: byTitle(directory.routes.entries(of: .cluster)).map(contexts.card),
            entryPoints: entryPoints.map { .init(title: $0.title, url: addresses.page($0.url), text: $0.text) })
        return Page(url: .root, layout: .home, context: LayoutContext(frame: frame, fields: fields))
    }

    private func list(_ url: URLPath, title: String, summary: String?, groups: [ListPageFields.Group],
                      crumbs: [(String, URLPath)] = [], facets: [FacetGroup] = []) -> Page {
        let intro = introductions[url]
        let frame = contexts.frame(title: intro?.title ?? title, summary: intro?.summary ?? summary, url: url, breadcrumbs: crumbs)
        var fields = ListPageFields(content: introduction(intro), groups: groups.filter { !$0.items.isEmpty || !$0.links.isEmpty },
                                    facets: facets)
        if !facets.isEmpty {
            let shown = groups.reduce(0) { $0 + $1.items.count }
            fields.resultCount = shown == 1 ? "1 Blaupause" : "\(shown) Blaupausen"
            fields.filterLabel = "Filter (\(facets.flatMap(\.values).filter(\.current).count))"
        }
        return Page(url: url, layout: .list, context: LayoutContext(frame: frame, fields: fields))
    }

    /// `/reifegrade/`: what each maturity level and adoption status means; every badge links here.
    private func maturityLevels() -> Page {
        let url = URLPath("/reifegrade/")
        let frame = contexts.frame(title: "Reifegrade und Stand der Nachnutzung",
                                   summary: "Was die Reifegrade der Blaupausen und der Stand einer Nachnutzung bedeuten.", url: url)
        let levels = Maturity.allCases.map { level -> MaturityPageFields.Level in
            let count = directory.routes.entries(of: .blueprint).filter {
                if case .blueprint(let b) = $0.document.metadata { return b.maturity == level } else { return false }
            }.count
            return .init(id: level.rawValue, label: level.label, explanation: level.explanation,
                         countLabel: count == 1 ? "1 Blaupause" : "\(count) Blaupausen")
        }
        let statuses = AdoptionStatus.allCases.map { MaturityPageFields.Status(id: $0.rawValue, label: $0.label, explanation: $0.explanation) }
        return Page(url: url, layout: .maturity, context: LayoutContext(frame: frame, fields: MaturityPageFields(levels: levels, statuses: statuses)))
    }

    /// `/nachnutzung/`: who took which blueprint over, since when, how far: a table (cards on a phone), a chart stacked by status and counts.
    private func adoptionOverview() -> Page {
        let url = Self.adoptionsURL
        let frame = contexts.frame(title: "Nachnutzung", summary: "Welche Kommune welche Blaupause übernommen hat, seit wann und wie weit.",
                                   url: url)
        let fields = AdoptionOverview(directory: directory, addresses: addresses)
            .fields(blueprints: byTitle(directory.routes.entries(of: .blueprint)))
        return Page(url: url, layout: .adoptions, context: LayoutContext(frame: frame, fields: fields))
    }

    /// `/seitenuebersicht/`: every page of the site for people, by section (`sitemap.xml` stays for robots).
    private func siteIndex() -> Page {
        func links(_ kind: ContentKind) -> [CountedLink] {
            byTitle(directory.routes.entries(of: kind)).map { CountedLink(title: $0.document.title, url: addresses.page($0.url)) }
        }
        // Modules under their course, in the course's order.
        let moduleLinks = byTitle(directory.routes.entries(of: .course)).flatMap { course in
            (directory.modulesByCourse[course.document.contentFolder] ?? []).map {
                CountedLink(title: course.document.title + ": " + $0.document.title, url: addresses.page($0.url))
            }
        }
        let overviews: [(String, URLPath)] = [("Startseite", .root)]
            + SiteSection.allCases.filter(\.isInNavigation).map { ($0.title, $0.url) }
            + [("Reifegrade", URLPath("/reifegrade/")), ("Nachnutzung", Self.adoptionsURL), ("Offene Daten und Kataloge", URLPath("/katalog/")),
               (SiteSection.search.title, SiteSection.search.url)]
        // Every kind of document in a group of its own (ContentKind.siteIndexGroup), in this order.
        let order: [ContentKind] = [.blueprint, .report, .project, .course, .module, .municipality, .event, .page]
        let kinds = order + ContentKind.allCases.filter { !order.contains($0) }
        let sections: [(String, String, [CountedLink])] = [("uebersichten", "Übersichten", overviews.map { CountedLink(title: $0.0, url: addresses.page($0.1)) })]
            + kinds.map { kind in (kind.siteIndexGroup.id, kind.siteIndexGroup.title, kind == .module ? moduleLinks : links(kind)) }
        return list(URLPath("/seitenuebersicht/"), title: "Seitenübersicht", summary: "Alle Seiten der Wissensbasis nach Bereichen.",
                    groups: sections.map { .init(id: $0.0, title: $0.1, items: [], links: $0.2) })
    }

    /// A generated page; an `index.md` in its folder (`content/suche/index.md`) gives its title,
    /// summary and an introduction, as for list pages.
    private func simple(_ url: URLPath, layout: PageLayout, title: String, summary: String, baseURL: String? = nil) -> Page {
        let intro = introductions[url]
        let frame = contexts.frame(title: intro?.title ?? title, summary: intro?.summary ?? summary, url: url)
        return Page(url: url, layout: layout, context: LayoutContext(frame: frame, fields: SimplePageFields(content: introduction(intro), baseURL: baseURL)))
    }

    /// An introduction's HTML; nil when it has no text, so the template leaves its place out.
    private func introduction(_ intro: Introduction?) -> String? {
        guard let html = intro?.html, !html.isEmpty else { return nil }
        return html
    }

    private func group(_ id: String, _ title: String, _ entries: [RouteTable.Entry]) -> ListPageFields.Group {
        .init(id: id, title: title, items: entries.map(contexts.card), links: [])
    }

    /// Blueprints as one list in the order of ``BlueprintRelevance``, which the browser can sort
    /// otherwise; letter headings of an A-Z list would not survive a change of order.
    private func blueprintResults(_ entries: [RouteTable.Entry]) -> [ListPageFields.Group] {
        var results = group("ergebnisse", "Ergebnisse", BlueprintRelevance.sorted(entries))
        results.titleHidden = true  // "Blaupausen" stands in the page's h1 right above
        return [results]
    }

    /// Entries in German alphabetical order of their titles. The collation key is computed once
    /// per entry: computing it inside the comparison cost the laws (6,600 pages) seconds.
    private func byTitle(_ entries: [RouteTable.Entry]) -> [RouteTable.Entry] {
        entries.map { (key: $0.document.title.germanCollationKey, entry: $0) }
            .sorted { ($0.key, $0.entry.url) < ($1.key, $1.entry.url) }
            .map(\.entry)
    }
}
