import SiteModel
import SiteSnapshot
import Templating

/// The pages vcc makes itself: home, section lists, themes, search, 404.
struct CollectionPages: Sendable {
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

    private var directory: SiteDirectory { contexts.directory }
    private var addresses: SiteAddresses { contexts.addresses }

    /// The URLs of ``pages()``, known without building their contexts: the output plan claims
    /// them, and a page written at another URL fails the build.
    static func urls(directory: SiteDirectory) -> [URLPath] {
        [.root] + SiteSection.allCases.flatMap { urls(of: $0, directory: directory) }
            + [URLPath("/reifegrade/"), URLPath("/nachnutzung/"), URLPath("/katalog/"), URLPath("/seitenuebersicht/"), URLPath("/404.html")]
    }

    /// A section's pages: its own, and for blueprints and themes one page per filter value or theme.
    private static func urls(of section: SiteSection, directory: SiteDirectory) -> [URLPath] {
        switch section {
        case .blueprints: [section.url] + BlueprintFacets(directory: directory).pageURLs
        case .themes: [section.url] + directory.themes.map { directory.themeURL($0.name) }
        case .projects, .reports, .courses, .municipalities, .search: [section.url]
        }
    }

    /// Every generated page, in a fixed order.
    func pages() -> [(URLPath, String, [String: Any])] {
        var pages: [(URLPath, String, [String: Any])] = [home()]
        for section in SiteSection.allCases { pages += self.pages(of: section) }
        pages.append(maturityLevels())
        pages.append(adoptionOverview())
        var openData = simple(URLPath("/katalog/"), layout: "layouts/catalogue", title: "Offene Daten",
                              summary: "Die Blaupausen als maschinenlesbarer Katalog für Datenportale und als JSON-Schnittstelle.")
        openData.2["baseURL"] = addresses.baseURL.isEmpty ? addresses.basePath : addresses.baseURL
        pages.append(openData)
        pages.append(siteIndex())
        pages.append(simple(URLPath("/404.html"), layout: "layouts/404", title: "Seite nicht gefunden",
                            summary: "Diese Seite gibt es nicht (mehr). Die Suche und die Verzeichnisse helfen weiter."))
        return pages
    }

    /// The pages of one section (see ``urls(of:directory:)``).
    private func pages(of section: SiteSection) -> [(URLPath, String, [String: Any])] {
        let url = section.url
        switch section {
        case .blueprints:
            var overview = list(url, title: section.title,
                                summary: "Lösungen aus den Städten, die andere Kommunen übernehmen können, von A bis Z.",
                                groups: blueprintGroups(directory.routes.entries(of: .blueprint)))
            overview.2["facets"] = facets.context(current: nil, addresses: addresses)
            var pages = [overview]
            for group in facets.groups where group.title != "Thema" {
                for value in group.values {
                    var page = list(value.url, title: "Blaupausen: \(value.label)", summary: "\(group.title): \(value.label).",
                                    groups: blueprintGroups(value.entries), crumbs: [(section.title, url)])
                    page.2["facets"] = facets.context(current: value.url, addresses: addresses)
                    pages.append(page)
                }
            }
            return pages
        case .projects:
            return [list(url, title: section.title, summary: "Die Projekte der Kooperation.",
                         groups: [group("alle", "Alle Projekte", byTitle(directory.routes.entries(of: .project)))])]
        case .reports:
            return [list(url, title: section.title, summary: "Berichte aus den Projekten, die neuesten zuerst.",
                         groups: [group("alle", "Alle Berichte", directory.routes.entries(of: .report).sorted(by: SiteDirectory.newestFirst))])]
        case .courses:
            return [list(url, title: section.title, summary: "Kurse des interkommunalen Qualifizierungsprogramms.",
                         groups: [group("kurse", "Kurse", byTitle(directory.routes.entries(of: .course)))])]
        case .municipalities:
            return [list(url, title: section.title, summary: "Die Städte der Kooperation und was sie beitragen.",
                         groups: [group("alle", "Städte", byTitle(directory.routes.entries(of: .municipality)))])]
        case .themes:
            var pages = [list(url, title: section.title, summary: "Alle Themen der Blaupausen von A bis Z.",
                              groups: [["id": "a-z", "title": "Themen von A bis Z", "items": [[String: Any]](),
                                        "links": directory.themes.map { ["title": $0.name, "url": addresses.page(directory.themeURL($0.name)), "count": $0.entries.count] }]])]
            for theme in directory.themes {
                let themeURL = directory.themeURL(theme.name)
                let count = theme.entries.count == 1 ? "Eine Blaupause" : "\(theme.entries.count) Blaupausen"
                var page = list(themeURL, title: "Thema: \(theme.name)", summary: "\(count) zum Thema \(theme.name).",
                                groups: [group("blaupausen", "Blaupausen zum Thema", byTitle(theme.entries))],
                                crumbs: [(section.title, url)])
                page.2["facets"] = facets.context(current: themeURL, addresses: addresses)
                pages.append(page)
            }
            return pages
        case .search:
            return [simple(url, layout: "layouts/search", title: section.title,
                           summary: "Die Wissensbasis durchsuchen: Blaupausen, Berichte, Projekte, Kommunen und Kurse.")]
        }
    }

    private func home() -> (URLPath, String, [String: Any]) {
        let intro = introductions[.root]
        var context = contexts.frame(title: intro?.title ?? contexts.configuration.title,
                                     summary: intro?.summary ?? contexts.configuration.description, url: .root)
        if let html = intro?.html, !html.isEmpty { context["content"] = html }
        let blueprints = directory.routes.entries(of: .blueprint).sorted(by: SiteDirectory.newestFirst)
        context["newest"] = blueprints.prefix(6).map(contexts.card)
        context["reports"] = directory.routes.entries(of: .report).sorted(by: SiteDirectory.newestFirst).prefix(3).map(contexts.card)
        let entryPoints: [(SiteSection, String)] = [
            (.blueprints, "Erprobte Lösungen zum Nachnutzen"), (.projects, "Was die Städte gemeinsam aufbauen"),
            (.courses, "Kurse für Beschäftigte"), (.themes, "Alle Themen von A bis Z"),
        ]
        context["entryPoints"] = entryPoints.map { ["title": $0.0.title, "url": addresses.page($0.0.url), "text": $0.1] }
        return (.root, "layouts/home", context)
    }

    private func list(_ url: URLPath, title: String, summary: String?, groups: [[String: Any]],
                      crumbs: [(String, URLPath)] = []) -> (URLPath, String, [String: Any]) {
        let intro = introductions[url]
        var context = contexts.frame(title: intro?.title ?? title, summary: intro?.summary ?? summary, url: url, breadcrumbs: crumbs)
        if let html = intro?.html, !html.isEmpty { context["content"] = html }
        let nonEmpty = groups.filter { !(($0["items"] as? [Any])?.isEmpty ?? true) || !(($0["links"] as? [Any])?.isEmpty ?? true) }
        context["groups"] = nonEmpty
        // Only blueprint lists have filters; an absent value would count as "not empty" in the template.
        context["facets"] = [[String: Any]]()
        return (url, "layouts/list", context)
    }

    /// `/reifegrade/`: what each maturity level and adoption status means; every badge links here.
    private func maturityLevels() -> (URLPath, String, [String: Any]) {
        let url = URLPath("/reifegrade/")
        var context = contexts.frame(title: "Reifegrade und Stand der Nachnutzung",
                                     summary: "Was die Reifegrade der Blaupausen und der Stand einer Nachnutzung bedeuten.", url: url)
        context["levels"] = Maturity.allCases.map { level -> [String: Any] in
            let count = directory.routes.entries(of: .blueprint).filter {
                if case .blueprint(let b) = $0.document.metadata { return b.maturity == level } else { return false }
            }.count
            return ["id": level.rawValue, "label": level.label, "explanation": level.explanation,
                    "countLabel": count == 1 ? "1 Blaupause" : "\(count) Blaupausen"]
        }
        context["statuses"] = AdoptionStatus.allCases.map { ["id": $0.rawValue, "label": $0.label, "explanation": $0.explanation] }
        return (url, "layouts/maturity", context)
    }

    /// `/nachnutzung/`: who took which blueprint over, since when, how far: a table, a chart and counts.
    private func adoptionOverview() -> (URLPath, String, [String: Any]) {
        let url = URLPath("/nachnutzung/")
        var context = contexts.frame(title: "Nachnutzung", summary: "Welche Kommune welche Blaupause übernommen hat, seit wann und wie weit.",
                                     url: url)
        var rows: [[String: Any]] = []
        var perBlueprint: [(title: String, count: Int)] = []
        var perMunicipality: [String: Int] = [:]
        for entry in byTitle(directory.routes.entries(of: .blueprint)) {
            guard case .blueprint(let blueprint) = entry.document.metadata, !blueprint.adoptedBy.isEmpty else { continue }
            perBlueprint.append((entry.document.title, blueprint.adoptedBy.count))
            for adoption in blueprint.adoptedBy {
                if let id = adoption.municipality, directory.routes.entry(kind: .municipality, id: id) == nil { continue }
                let name = adoption.municipality.map(directory.municipalityName) ?? adoption.name ?? ""
                perMunicipality[name, default: 0] += 1
                var row: [String: Any] = ["blueprint": entry.document.title, "blueprintURL": addresses.page(entry.url), "municipality": name]
                if let id = adoption.municipality, let city = directory.routes.entry(kind: .municipality, id: id) {
                    row["municipalityURL"] = addresses.page(city.url)
                }
                if let ags = adoption.ags { row["ags"] = ags }
                if let since = adoption.since { row["since"] = since.iso; row["sinceLabel"] = since.german }
                if let status = adoption.status { row["status"] = status.label; row["statusKey"] = status.rawValue }
                rows.append(row)
            }
        }
        let total = rows.count
        context["rows"] = rows
        context["totalLabel"] = total == 1 ? "1 Nachnutzung" : "\(total) Nachnutzungen"
        context["perMunicipality"] = perMunicipality.sorted { ($1.value, $0.key.germanCollationKey) < ($0.value, $1.key.germanCollationKey) }
            .map { ["name": $0.key, "count": $0.value] }
        context["statusURL"] = addresses.page(URLPath("/reifegrade/")) + "#stand"
        if !perBlueprint.isEmpty {
            let chart = AdoptionChart(
                title: "Nachnutzungen je Blaupause",
                description: perBlueprint.map { "\($0.title): \($0.count)" }.joined(separator: "; "),
                bars: perBlueprint.map { AdoptionChart.Bar(label: $0.title, value: $0.count) })
            context["chart"] = chart.svg
        }
        return (url, "layouts/adoptions", context)
    }

    /// `/seitenuebersicht/`: every page of the site for people, by section (`sitemap.xml` stays for robots).
    private func siteIndex() -> (URLPath, String, [String: Any]) {
        func links(_ kind: ContentKind) -> [[String: Any]] {
            byTitle(directory.routes.entries(of: kind)).map { ["title": $0.document.title, "url": addresses.page($0.url)] }
        }
        // Modules under their course, in the course's order.
        let moduleLinks: [[String: Any]] = byTitle(directory.routes.entries(of: .course)).flatMap { course in
            (directory.modulesByCourse[course.document.contentFolder] ?? []).map {
                ["title": course.document.title + ": " + $0.document.title, "url": addresses.page($0.url)] as [String: Any]
            }
        }
        let overviews: [(String, URLPath)] = [("Startseite", .root)]
            + SiteSection.allCases.filter(\.isInNavigation).map { ($0.title, $0.url) }
            + [("Reifegrade", URLPath("/reifegrade/")), ("Nachnutzung", URLPath("/nachnutzung/")), ("Offene Daten", URLPath("/katalog/")),
               (SiteSection.search.title, SiteSection.search.url)]
        let sections: [(String, String, [[String: Any]])] = [
            ("uebersichten", "Übersichten", overviews.map { ["title": $0.0, "url": addresses.page($0.1)] }),
            ("blaupausen", "Blaupausen", links(.blueprint)), ("berichte", "Berichte", links(.report)),
            ("projekte", "Projekte", links(.project)), ("kurse", "Kurse", links(.course)), ("module", "Kursmodule", moduleLinks),
            ("kommunen", "Kommunen", links(.municipality)), ("seiten", "Weitere Seiten", links(.page)),
        ]
        let groups = sections.map { ["id": $0.0, "title": $0.1, "items": [[String: Any]](), "links": $0.2] as [String: Any] }
        return list(URLPath("/seitenuebersicht/"), title: "Seitenübersicht", summary: "Alle Seiten der Wissensbasis nach Bereichen.", groups: groups)
    }

    /// A generated page; an `index.md` in its folder (`content/suche/index.md`) gives its title,
    /// summary and an introduction, as for list pages.
    private func simple(_ url: URLPath, layout: String, title: String, summary: String) -> (URLPath, String, [String: Any]) {
        let intro = introductions[url]
        var context = contexts.frame(title: intro?.title ?? title, summary: intro?.summary ?? summary, url: url)
        if let html = intro?.html, !html.isEmpty { context["content"] = html }
        return (url, layout, context)
    }

    private func group(_ id: String, _ title: String, _ entries: [RouteTable.Entry]) -> [String: Any] {
        ["id": id, "title": title, "items": entries.map(contexts.card), "links": [[String: Any]]()]
    }

    /// Blueprints grouped by their first letter, as an A-Z list.
    private func blueprintGroups(_ entries: [RouteTable.Entry]) -> [[String: Any]] {
        let sorted = byTitle(entries)
        var groups: [(letter: String, entries: [RouteTable.Entry])] = []
        for entry in sorted {
            let letter = String(entry.document.title.germanCollationKey.prefix(1)).uppercased()
            if groups.last?.letter == letter { groups[groups.count - 1].entries.append(entry) } else { groups.append((letter, [entry])) }
        }
        return groups.map { group(Slug($0.letter).rawValue.isEmpty ? "weitere" : Slug($0.letter).rawValue, $0.letter, $0.entries) }
    }

    /// Entries in German alphabetical order of their titles. The collation key is computed once
    /// per entry: computing it inside the comparison cost the laws (6,600 pages) seconds.
    private func byTitle(_ entries: [RouteTable.Entry]) -> [RouteTable.Entry] {
        entries.map { (key: $0.document.title.germanCollationKey, entry: $0) }
            .sorted { ($0.key, $0.entry.url) < ($1.key, $1.entry.url) }
            .map(\.entry)
    }
}
