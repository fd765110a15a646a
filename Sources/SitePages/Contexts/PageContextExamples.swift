import SiteModel

/// Each layout's context with every field set and every list filled: what the check of template
/// variables compares tags against (a list left empty would let anything inside its section pass)
/// and what the template reference in docs/TEMPLATES.md is generated from.
public enum PageContextExamples {
    /// Layout name (`layouts/blueprint`) to its example context.
    public static var all: [String: any Encodable] {
        Dictionary(uniqueKeysWithValues: PageLayout.allCases.map { ($0.rawValue, LayoutContext(frame: frame, fields: AnyFields(fields(of: $0)))) })
    }

    /// For the reference: the frame every page has once, then each layout's own fields.
    public static var reference: [String: any Encodable] {
        var entries: [String: any Encodable] = ["(every page)": frame]
        for layout in PageLayout.allCases { entries[layout.rawValue] = fields(of: layout) }
        return entries
    }

    /// A layout's own fields, beside the frame.
    static func fields(of layout: PageLayout) -> any Encodable {
        switch layout {
        case .blueprint: document(BlueprintPageFields(blueprint: blueprint), themes: [ThemeLink(name: "E-Akte", url: "/themen/e-akte/")])
        case .report: document(ReportPageFields(report: .init(
            reportType: "Zwischenbericht", published: "2024-05-02", publishedLabel: "2. Mai 2024", authors: "Stadt Marburg, Stadt Gießen",
            project: project, license: license)))
        case .project: document(ProjectPageFields(project: .init(
            acronym: "TD", status: "laufend", start: "2023-01-01", startLabel: "1. Januar 2023", end: "2025-12-31",
            endLabel: "31. Dezember 2025", funding: "Land Hessen", lead: city, partners: [city], reports: [card], blueprints: [card], cluster: cluster,
            sessions: [session], datasets: [card])))
        case .municipality: document(MunicipalityPageFields(municipality: .init(
            officialName: "Universitätsstadt Marburg", ags: "06534014", website: "https://www.marburg.de", population: "77.000",
            contact: contact,
            built: [card], adopted: [card], projects: [card], clusters: [card], sessions: [session], datasets: [card])))
        case .course: document(CoursePageFields(course: .init(
            audience: "Beschäftigte der Verwaltung", workload: "8 Stunden", license: license, learningOutcomes: ["Prozesse beschreiben"],
            modules: [.init(title: "Prozesse verstehen", url: "/qualifizierung/kurs/01/", duration: "2 Stunden")],
            formats: "Vor Ort, Online", provider: "Kompetenzzentrum Digitale Verwaltung",
            dates: [.init(date: "2025-03-12", dateLabel: "12. März 2025", place: "Rathaus Marburg")], cost: "kostenfrei",
            registration: "https://example.org/anmeldung", contact: contact,
            material: .init(url: "/qualifizierung/kurs/kurs-material.zip", size: "60 KB", contents: "Kurs und 4 Module als ODT, HTML, Markdown, Nachweis"), cluster: cluster,
            sessions: [session])))
        case .module: document(ModulePageFields(module: .init(
            duration: "2 Stunden", learningObjectives: ["Einen Ablauf skizzieren"], position: 1, count: 4, course: link,
            previous: link, next: link, backToCourse: link)))
        case .page: document(PlainPageFields())
        case .dataset: document(DatasetPageFields(dataset: .init(
            license: license, source: "Statistik der Antragsplattform", periodLabel: "1. Januar 2024 bis 31. Dezember 2024",
            start: "2024-01-01", end: "2024-12-31", updated: "2025-01-15", updatedLabel: "15. Januar 2025", isExample: true,
            publisher: city, project: project,
            columns: [.init(name: "aufrufe", title: "Aufrufe", type: "ganze Zahl", unit: "Anzahl", description: "Wie oft der Dienst aufgerufen wurde.")],
            headings: ["Aufrufe (Anzahl)"], rows: [.init(cells: [.init(text: "1.234", isNumber: true)])], rowCount: "36", columnCount: 1,
            shownRows: "200", chart: "<figure class=\"chart-figure data-chart\"><svg role=\"img\"></svg></figure>", csv: .init(url: "/daten/nutzungszahlen.csv", size: "2 KB"),
            schema: .init(url: "/daten/nutzungszahlen.schema.json", size: "1 KB"),
            package: .init(url: "/daten/nutzungszahlen.datapackage.json", size: "1 KB"))))
        case .cluster: document(ClusterPageFields(cluster: .init(
            lead: city, members: [.init(municipality: city, role: "Pilotkommune")], contacts: [contact],
            themes: [ThemeLink(name: "Onlinedienste", url: "/themen/onlinedienste/")], blueprints: [card], projects: [card], courses: [card],
            sessions: [session])))
        case .event: document(EventPageFields(event: event))
        case .home: (HomePageFields(
            content: "<p>Willkommen.</p>", newest: [card], reports: [card], clusters: [card],
            entryPoints: [.init(title: "Blaupausen", url: "/blaupausen/", text: "Erprobte Lösungen zum Nachnutzen")]))
        case .list: (ListPageFields(
            content: "<p>Einleitung.</p>", groups: [.init(id: "a", title: "A", items: [card], links: [counted], titleHidden: true)], facets: [facet],
            resultCount: "3 Blaupausen", filterLabel: "Filter (1)"))
        case .maturity: (MaturityPageFields(
            levels: [.init(id: "pilot", label: "Pilot", explanation: "Läuft probeweise.", countLabel: "3 Blaupausen")],
            statuses: [.init(id: "im-betrieb", label: "Im Betrieb", explanation: "Im regulären Betrieb.")]))
        case .adoptions: (AdoptionsPageFields(
            rows: [.init(blueprint: "Posteingang digitalisieren", blueprintURL: "/blaupausen/posteingang/",
                         developers: [NamedLink(name: "Offenbach", url: "/kommunen/offenbach/")], municipality: "Fulda",
                         municipalityURL: "/kommunen/fulda/", ags: "06631009", since: "2024-02-01", sinceLabel: "1. Februar 2024",
                         status: "Im Betrieb", statusKey: "im-betrieb")],
            totalLabel: "1 Nachnutzung", perMunicipality: [.init(name: "Fulda", count: 1)], statusURL: "/reifegrade/#stand",
            chart: "<svg role=\"img\"></svg>",
            legend: [.init(key: "im-betrieb", label: "Im Betrieb", explanation: "Die Lösung ist im regulären Betrieb.", count: 1)],
            blueprints: ["Posteingang digitalisieren"], municipalities: ["Fulda"]))
        case .catalogue: (SimplePageFields(content: "<p>Einleitung.</p>", baseURL: "https://example.org"))
        case .search, .notFound: (SimplePageFields(content: "<p>Einleitung.</p>"))
        }
    }

    private static func document<Kind: Encodable>(_ kind: Kind, themes: [ThemeLink] = [ThemeLink(name: "E-Akte", url: "/themen/e-akte/")])
        -> DocumentFields<Kind> {
        DocumentFields(
            content: Array("<h2 id=\"ziele\">Ziele</h2>".utf8), toc: [TOCEntry(level: 2, text: "Ziele", id: "ziele")],
            tocItems: "<li class=\"toc-level-2\"><a href=\"#ziele\">Ziele</a></li>", themes: themes, kind: kind)
    }

    private static let contact = ContactFields(Contact(
        name: "Stabsstelle Digitalisierung", email: "digital@example.org", url: "https://example.org/kontakt", person: "Anna Beispiel",
        phone: "+49 6421 201-0"))
    private static let session = SessionLink(
        title: "Ein Dashboard für Onlinedienste", url: "/veranstaltungen/digitalforum-2023/#beitrag-ein-dashboard-fuer-onlinedienste",
        kind: "Vortrag", event: "Digitalforum 2023", date: "2023-11-16", dateLabel: "16. November 2023", speakers: "Anna Beispiel (Stadt Marburg)")
    private static let event = EventPageFields.Event(
        start: "2023-11-16T09:00:00+01:00", end: "2023-11-16T17:00:00+01:00", when: "Donnerstag, 16. November 2023, 9:00 bis 17:00 Uhr",
        status: "Abgesagt", statusKey: "abgesagt", statusNotice: "Diese Veranstaltung ist abgesagt.", isCancelled: true, isPast: false,
        place: .init(name: "Rathaus", address: "Berliner Straße 100, 63065 Offenbach am Main"), online: "https://example.org/stream",
        organiser: city, registration: .init(url: "https://example.org/anmeldung", email: "forum@example.org", deadline: "2023-11-01",
                                             deadlineLabel: "1. November 2023"),
        participants: "170", programmeSummary: "16 Programmpunkte mit 22 Personen auf dem Podium", report: project,
        calendarURL: "/veranstaltungen/digitalforum-2023/digitalforum-2023.ics",
        programmeCalendarURL: "/veranstaltungen/digitalforum-2023/digitalforum-2023-programm.ics",
        days: [.init(date: "2023-11-16", label: "Donnerstag, 16. November 2023", sessions: [.init(
            anchor: "beitrag-ki", title: "KI im Bürgerbüro", kind: "Vortrag", start: "2023-11-16T09:30:00+01:00", startLabel: "9:30",
            end: "2023-11-16T10:15:00+01:00", endLabel: "10:15", room: "Saal 1", summary: "Wie ein Sprachmodell Anfragen vorsortiert.",
            speakers: [.init(name: "Anna Beispiel", affiliation: "Marburg", affiliationURL: "/kommunen/marburg/")],
            themes: [ThemeLink(name: "KI", url: "/themen/ki/")], attachments: [PageLink(title: "Folien", url: "/veranstaltungen/folien.pdf")],
            topics: [project])])],
        video: .init(title: "Eindrücke", file: "/veranstaltungen/eindruecke.mp4", mediaType: "video/mp4", captions: "/veranstaltungen/eindruecke.vtt",
                     poster: "/veranstaltungen/eindruecke.jpg", url: "https://video.example.org/v/1", host: "video.example.org"))
    private static let link = PageLink(title: "Prozesse verstehen", url: "/qualifizierung/kurs/01/")
    private static let city = NamedLink(name: "Marburg", url: "/kommunen/marburg/")
    private static let cluster = NamedLink(name: "Onlinedienste und Nutzungsanalyse", url: "/kompetenzcluster/onlinedienste/")
    private static let project = NamedLink(name: "Total Digital", url: "/projekte/total-digital/")
    private static let counted = CountedLink(title: "E-Akte", url: "/themen/e-akte/", count: 4)
    private static let license = LicenseFields(
        spdx: "CC-BY-4.0", name: "Creative Commons Namensnennung 4.0 International", shortName: "CC BY 4.0",
        url: "https://creativecommons.org/licenses/by/4.0/deed.de", conditions: "Nachnutzung erlaubt, wenn die Urheber und die Quelle genannt werden.")
    private static let card = Card(
        title: "Posteingang digitalisieren", url: "/blaupausen/posteingang/", kindLabel: "Blaupause", summary: "Scannen statt stapeln.",
        date: "2024-03-01", dateLabel: "1. März 2024", dateCaption: "Stand", facetKeys: "reifegrad:pilot kommune:marburg",
        maturity: "pilot", maturityLabel: "Pilot", cities: "Marburg", operation: "Marburg, Fulda",
        adoption: "Nutzt die Lösung im Betrieb seit 1. Februar 2024", role: "Leitung: Marburg · mit Fulda", adopters: "2 Kommunen übernehmen die Lösung",
        costs: "16.000 € einmalig, 3.600 € im Jahr",
        sorting: CardSorting(maturityRank: 1, operationCount: 2, adopterCount: 2, suitableMin: 20000, suitableMax: 500000))
    private static let facet = FacetGroup(
        title: "Reifegrad", values: [.init(label: "Pilot", url: "/blaupausen/reifegrad/pilot/", count: 3, current: true, key: "reifegrad:pilot")],
        more: .init(url: "/blaupausen/reifegrad/", label: "Alle 31 anzeigen"))

    /// A frame with every field set (internal for the tests of ``TemplateValueConvertible``).
    static let frame = PageFrame(
        site: SiteFields(
            title: "Wissensbasis Digitale Kommune@Hessen", description: "Lösungen zum Nachnutzen.", basePath: "/kb",
            assets: "/kb/assets/0123456789ab", language: "de", publisher: "Digitale Kommune@Hessen", feedbackEmail: "kontakt@example.org",
            hasColors: true, logo: "/kb/assets/0123456789ab/logo.svg", darkLogo: "/kb/assets/0123456789ab/logo-dunkel.svg",
            notice: "Beispielseite – alle Angaben sind erfunden.", phase: PhaseFields(label: "Beta", text: "Diese Wissensbasis ist neu.", link: "mailto:kontakt@example.org", linkText: "Ihre Rückmeldung"),
            members: ["Offenbach", "Marburg"], organisations: "Offenbach, Marburg",
            legalPages: [PageLink(title: "Impressum", url: "/kb/impressum/")]),
        page: PageFields(
            title: "Posteingang digitalisieren", url: "/kb/blaupausen/posteingang/", isHome: false, summary: "Scannen statt stapeln.",
            canonical: "https://example.org/kb/blaupausen/posteingang/", description: "Scannen statt stapeln.",
            absoluteURL: "https://example.org/kb/blaupausen/posteingang/", ogType: "article", jsonLD: "{\"@context\":\"https://schema.org\"}",
            editURL: "https://git.example.org/edit/content/blaupausen/posteingang.md", amb: "{\"type\":[\"LearningResource\"]}",
            ambURL: "/kb/qualifizierung/kurs/amb.json"),
        nav: [NavigationLink(title: "Blaupausen", url: "/kb/blaupausen/", current: true)],
        breadcrumbs: [PageLink(title: "Start", url: "/kb/")])

    private static let blueprint = BlueprintPageFields.Blueprint(
        maturity: "pilot", maturityLabel: "Pilot", maturityURL: "/reifegrade/", license: license,
        attribution: "„Posteingang digitalisieren“ von Marburg – Quelle: https://example.org/kb/blaupausen/posteingang/ – Lizenz: CC BY 4.0",
        updated: "2024-03-01", updatedLabel: "1. März 2024", effort: "3 Monate", municipalities: [city],
        operation: "Marburg (seit 1. April 2023); Limburg erprobt die Lösung", contact: contact,
        prerequisites: ["Scanner"], attachments: [PageLink(title: "Checkliste", url: "/blaupausen/checkliste.pdf")],
        documents: [PageLink(title: "Dienstvereinbarung", url: "/blaupausen/dv.odt")],
        adoptedBy: [.init(name: "Fulda", url: "/kommunen/fulda/", ags: "06631009", since: "2024-02-01", sinceLabel: "1. Februar 2024",
                          status: "Nutzt die Lösung im Betrieb", statusKey: "im-betrieb", experienceContact: contact)],
        related: [card], sourceURL: "/blaupausen/posteingang/posteingang.md", sourceName: "posteingang.md",
        legalBasis: ["EGovG"], products: [.init(name: "Paperless-ngx", kind: "Open Source", license: "GPL 3.0+", url: "https://example.org")],
        project: project, package: .init(url: "/blaupausen/posteingang/posteingang.zip", size: "48 KB", contents: "ODT, HTML, Markdown"),
        software: .init(repository: "https://git.example.org/x", status: "Stabil", type: "Eigenständige Anwendung", platforms: "Web",
                        publiccodeURL: "/blaupausen/posteingang/publiccode.yml"),
        costs: .init(oneOff: "12.000 €", yearly: "1.500 €", note: "ohne Scanner"),
        suitableFor: "5.000 bis 150.000 Einwohnerinnen und Einwohner", hasDecisionFacts: true,
        feedback: .init(reportMail: "mailto:kontakt@example.org", reportIssue: "https://git.example.org/issues/new",
                        questionMail: "mailto:kontakt@example.org", questionIssue: "https://git.example.org/issues/new"),
        cluster: cluster,
        sessions: [session])
}

/// Any layout's fields, for putting examples of different layouts in one list.
private struct AnyFields: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
