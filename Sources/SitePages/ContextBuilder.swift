import Foundation
import OpenData
import SiteModel
import SiteSnapshot

/// Builds the typed contexts the Mustache templates read (see Contexts/). Every value is plain text; the templates
/// escape it, and only `content` (HTML from cmark) is inserted unescaped.
struct ContextBuilder: Sendable {
    let configuration: SiteConfiguration
    let directory: SiteDirectory
    let addresses: SiteAddresses
    let snapshot: SiteSnapshot

    /// The build's date where content has none (`SOURCE_DATE_EPOCH`), never the clock.
    var sourceDate: ContentDate { snapshot.fallbackDate }

    /// `{{site.…}}`, computed once for every page of the build.
    private let siteFields: SiteFields

    init(site: SiteSnapshot) {
        snapshot = site
        configuration = site.configuration
        directory = site.directory
        addresses = site.addresses
        siteFields = Self.site(configuration: site.configuration, directory: site.directory, addresses: site.addresses)
        navigation = Self.navigation(configuration: site.configuration, addresses: site.addresses)
    }

    /// The header's entries: `site.yml` `menu:` or, without one, the sections and /nachnutzung/.
    /// `section` is the site path a page must lie below to mark the entry current.
    private let navigation: [(title: String, url: String, section: URLPath?)]

    private static func navigation(configuration: SiteConfiguration, addresses: SiteAddresses) -> [(title: String, url: String, section: URLPath?)] {
        guard let menu = configuration.menu else {
            return Self.defaultNavigation.map { ($0.title, addresses.page($0.url), $0.url) }
        }
        return menu.map { entry in
            entry.isSitePath ? (entry.label, addresses.page(URLPath(entry.target)), URLPath(entry.target)) : (entry.label, entry.target, nil)
        }
    }

    /// Pages vcc makes that are no section (no folder under `content/`) but belong in the header.
    static let navigationPages: [(title: String, url: URLPath)] = [("Nachnutzung", CollectionPages.adoptionsURL)]

    /// The navigation entries, in the order of the header: the sections, then ``navigationPages``.
    static let defaultNavigation: [(title: String, url: URLPath)] = SiteSection.allCases.filter(\.isInNavigation).map { ($0.title, $0.url) }
        + navigationPages

    /// The legal pages a German public site needs, linked from the footer only where they exist.
    static let legalPages: [(title: String, url: URLPath)] = [
        ("Impressum", URLPath("/impressum/")), ("Datenschutz", URLPath("/datenschutz/")),
        ("Erklärung zur Barrierefreiheit", URLPath("/barrierefreiheit/")),
    ]

    /// `{{site.…}}`, the same for every page.
    private static func site(configuration: SiteConfiguration, directory: SiteDirectory, addresses: SiteAddresses) -> SiteFields {
        SiteFields(
            title: configuration.title, description: configuration.description.isEmpty ? nil : configuration.description,
            basePath: configuration.basePath, assets: addresses.assets, language: configuration.language,
            // Empty texts are left out: a template section treats an empty string as present.
            publisher: configuration.publisher.isEmpty ? nil : configuration.publisher,
            feedbackEmail: configuration.feedback?.email, hasColors: configuration.colors != nil,
            logo: configuration.logo.map { addresses.assets + "/" + $0.assetName },
            darkLogo: configuration.darkLogo.map { addresses.assets + "/" + $0.assetName },
            notice: configuration.notice, phase: configuration.phase.map { PhaseFields(label: $0.label, text: $0.text, link: $0.link, linkText: $0.linkText) },
            members: configuration.organisations,
            organisations: configuration.organisations.isEmpty ? nil : configuration.organisations.joined(separator: ", "),
            legalPages: Self.legalPages.filter { directory.routes.knownURLs.contains($0.url) }
                .map { PageLink(title: $0.title, url: addresses.page($0.url)) })
    }

    /// The parts every page has: site, page, navigation and breadcrumbs.
    /// - Parameter structuredData: false for a document's page, whose JSON-LD ``describe(_:firstText:breadcrumbs:in:)`` writes.
    func frame(title: String, summary: String?, url: URLPath, breadcrumbs: [(String, URLPath)] = [],
               structuredData: Bool = true) -> PageFrame {
        let nav = navigation.map { item in
            NavigationLink(title: item.title, url: item.url, current: item.section.map { $0 == .root ? url == .root : url.rawValue.hasPrefix($0.rawValue) } ?? false)
        }
        // Structured data and sharing metadata; a document's page replaces them with its own (see describe).
        let description = summary ?? (url == .root && !configuration.description.isEmpty ? configuration.description : nil)
        var page = PageFields(title: title, url: addresses.page(url), isHome: url == .root, summary: summary,
                              canonical: addresses.canonical(url), description: description, absoluteURL: addresses.absolute(url),
                              ogType: "website")
        if structuredData {
            let schema = SchemaOrgData(site: snapshot)
            let trail = [("Start", URLPath.root)] + breadcrumbs + (url == .root ? [] : [(title, url)])
            var graph = [schema.webPage(title: title, description: description, url: url), schema.breadcrumbs(trail)]
            if url == .root { graph += schema.website() }
            page.jsonLD = SchemaOrgData.script(graph)
        }
        let crumbs = breadcrumbs.map { PageLink(title: $0.0, url: addresses.page($0.1)) }
        return PageFrame(site: siteFields, page: page, nav: nav,
                         breadcrumbs: url == .root ? [] : [PageLink(title: "Start", url: addresses.page(.root))] + crumbs)
    }

    /// Gives a document's page its own description (its summary or the start of its text), its
    /// schema.org entity and the Open Graph type.
    func describe(_ entry: RouteTable.Entry, firstText: String?, breadcrumbs: [(String, URLPath)], in page: inout PageFields) {
        let description = entry.document.summary ?? firstText.map(Self.excerpt) ?? "\(entry.document.kind.germanName): \(entry.document.title)"
        page.description = description
        let schema = SchemaOrgData(site: snapshot)
        let trail = [("Start", URLPath.root)] + breadcrumbs + [(entry.document.title, entry.url)]
        page.jsonLD = SchemaOrgData.script([schema.entity(for: entry, description: description), schema.breadcrumbs(trail)])
        page.ogType = "article"
        page.editURL = configuration.editURL(contentPath: entry.document.contentPath)
        if let record = AMBRecords(site: snapshot).record(for: entry) {
            page.amb = record.text
            if entry.document.kind == .course { page.ambURL = addresses.download(entry.ambPath) }
        }
    }

    /// About 160 characters of text, cut at a word.
    static func excerpt(_ text: String) -> String {
        // Only the start matters: a law's first section can be a megabyte long.
        // Split on ASCII white space by byte: Character.isWhitespace looks up Unicode properties
        // for every character, which showed in profiles of large sites.
        let flat = text.prefix(400).utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) })
            .map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        guard flat.count > 160 else { return flat }
        let cut = flat.prefix(157)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }

    /// Links to the theme pages of `names`; a theme without a page (no blueprint carries it) has no link.
    func themeLinks(_ names: [String]) -> [ThemeLink] {
        names.map { name in
            directory.hasThemePage(name) ? ThemeLink(name: name, url: addresses.page(directory.themeURL(name))) : ThemeLink(name: name, url: "", hasPage: false)
        }
    }

    /// A summary card for lists: title, link, kind, date, maturity and cities.
    func card(_ entry: RouteTable.Entry) -> Card {
        let document = entry.document
        var card = Card(title: document.title, url: addresses.page(entry.url), kindLabel: document.kind.germanName, summary: document.summary)
        if let date = SiteDirectory.date(of: document) {
            card.date = date.iso
            card.dateLabel = date.german
            card.dateCaption = switch document.kind {
            case .report: "Veröffentlicht"
            case .project: "Start"
            default: "Aktualisiert am"
            }
        }
        switch document.metadata {
        case .blueprint(let blueprint):
            card.facetKeys = BlueprintFacets.keys(of: entry, directory: directory)
            card.maturity = blueprint.maturity.rawValue
            card.maturityLabel = blueprint.maturity.label
            card.cities = directory.references(of: entry).municipalities.map(\.title).joined(separator: ", ")
            card.operation = OperationSummary(blueprint, references: directory.references(of: entry)).places
            let adopters = blueprint.adoptedBy.count
            card.adopters = adopters == 0 ? nil : adopters == 1 ? "1 Kommune übernimmt die Lösung" : "\(adopters) Kommunen übernehmen die Lösung"
            card.costs = Self.costs(blueprint.costs)
            card.sorting = CardSorting(maturityRank: BlueprintRelevance.rank(of: blueprint.maturity), operationCount: blueprint.operationCount,
                                       adopterCount: adopters, suitableMin: blueprint.suitableFor?.minimum, suitableMax: blueprint.suitableFor?.maximum)
        case .project:
            card.cities = directory.references(of: entry).municipalities.first?.title
        case .cluster:
            let cities = directory.references(of: entry).municipalities.map(\.title)
            card.role = "Leitung: \(cities[0])" + (cities.count > 1 ? " · mit " + cities.dropFirst().joined(separator: ", ") : "")
        case .event(let event):
            card.date = event.start.date.iso
            card.dateLabel = event.start.date.german
            card.dateCaption = "Termin"
            if event.status == .abgesagt || event.status == .verschoben { card.kindLabel += ", " + event.status.label.lowercased() }
        default:
            break
        }
        return card
    }

    /// `16.000 € einmalig, 3.600 € im Jahr`; nil when neither is known.
    private static func costs(_ costs: Costs?) -> String? {
        let parts = [costs?.oneOff.map { GermanFormat.euros($0) + " einmalig" }, costs?.yearly.map { GermanFormat.euros($0) + " im Jahr" }]
            .compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// A link to the document a reference names: its title and page, or just the id when it does not exist.
    func link(_ reference: ResolvedReference) -> NamedLink {
        NamedLink(name: reference.title, url: reference.entry.map { addresses.page($0.url) })
    }

    /// A licence for templates: its name linked to its text (`rel="license"`), what it allows.
    func license(_ license: License) -> LicenseFields {
        LicenseFields(spdx: license.spdx, name: license.name, shortName: license.shortName, url: license.url, conditions: license.conditions)
    }

    /// Table-of-contents entries for headings of level 2 and 3; empty when there are fewer than two.
    func toc(_ headings: [(level: Int, text: String, id: String)]) -> [TOCEntry] {
        tocEntries(headings).map { TOCEntry(level: $0.level, text: $0.text, id: $0.id) }
    }

    /// The same entries as ready `<li>` items (`tocItems` in templates). A long law has hundreds of
    /// entries, and Mustache's lookups per variable made them a quarter of all page rendering.
    /// The items of the table of contents: sections (h2) numbered, their sub-sections (h3) as a
    /// nested list inside them, so neither the numbers nor a screen reader count a sub-section as
    /// a section of its own.
    func tocItems(_ headings: [(level: Int, text: String, id: String)]) -> String {
        var html = ""
        var inSubList = false
        var sectionOpen = false
        for entry in tocEntries(headings) {
            let link = "<a href=\"#\(XMLText.escaped(entry.id))\">" + XMLText.escaped(entry.text) + "</a>"
            if entry.level == 3 && sectionOpen {
                if !inSubList { html += "<ol class=\"toc-sub\">" }
                inSubList = true
                html += "<li class=\"toc-level-3\">" + link + "</li>"
                continue
            }
            if inSubList { html += "</ol>" }
            inSubList = false
            if sectionOpen { html += "</li>" }
            html += "<li class=\"toc-level-\(entry.level)\">" + link
            sectionOpen = true
        }
        if inSubList { html += "</ol>" }
        if sectionOpen { html += "</li>" }
        return html
    }

    private func tocEntries(_ headings: [(level: Int, text: String, id: String)]) -> [(level: Int, text: String, id: String)] {
        let entries = headings.filter { $0.level == 2 || $0.level == 3 }
        return entries.count >= 2 ? entries : []
    }
}
