public import MarkdownRendering
public import SiteModel
public import SiteSnapshot
public import Templating

/// Renders one document into its HTML page and its search document.
public struct DocumentPageRenderer: Sendable {
    let contexts: ContextBuilder
    let templates: TemplateSet
    let markdown: MarkdownRenderer
    let links: LinkResolver
    /// Each blueprint's reuse package, by page URL (written before the pages).
    let packages: [URLPath: PackageDownload]
    /// The publiccode.yml of blueprints that name software, by page URL.
    let publiccode: [URLPath: OutputFile]
    /// What ```diagramm blocks become (nil for a site without data sets).
    let charts: FencedBlockEmbedding?
    /// Blueprint bodies the packages rendered from their parse, by page URL (see ``BlueprintText``).
    var renderedBlueprints: [URLPath: RenderedMarkdown] = [:]

    /// Renders `entry`'s page; the file is nil when the layout is missing (an error in the diagnostics).
    public func render(_ entry: RouteTable.Entry) -> PageRendering {
        let document = entry.document
        let rendered = renderedBlueprints[entry.url] ?? markdown.renderChecked(
            document.body, file: document.sourcePath, firstLine: document.bodyFirstLine,
            titleToDrop: document.title, embedding: charts) { links.resolve($0, from: document) }
        var frame = contexts.frame(title: document.title, summary: document.summary, url: entry.url,
                                   breadcrumbs: breadcrumbs(for: entry), structuredData: false)
        contexts.describe(entry, firstText: rendered.sections.first { !$0.text.isEmpty }?.text,
                          breadcrumbs: breadcrumbs(for: entry), in: &frame.page)
        // Labelled here: an array of unlabelled tuples passed on as labelled ones is cast item by item at run time.
        let headings = rendered.headings.map { (level: $0.level, text: $0.text, id: $0.id.rawValue) }
        let page = DocumentPage(frame: frame, content: rendered.htmlBytes, toc: contexts.toc(headings), tocItems: contexts.tocItems(headings))
        var diagnostics = rendered.diagnostics
        let (layout, html) = renderLayout(of: entry, page, diagnostics: &diagnostics)
        var file: OutputFile?
        if let html {
            file = OutputFile(path: entry.url.outputFile, contents: html)
        } else {
            diagnostics.append(.error(at: SourceLocation(file: document.sourcePath), "Die Vorlage `\(layout)` fehlt.",
                                      hint: "Lege templates/\(layout).mustache an oder entferne die eigene Angabe."))
        }
        // The anchors the finished page really has: the Markdown's headings and the layout's sections.
        let headingIDs = file.map { PageAnchors.ids(in: $0.contents) }
            ?? Set(rendered.headings.map(\.id.rawValue))
        return PageRendering(file: file, url: entry.url, headingIDs: headingIDs, anchoredLinks: rendered.anchoredLinks,
                      diagnostics: diagnostics, search: searchDocument(for: entry, rendered: rendered))
    }

    private func breadcrumbs(for entry: RouteTable.Entry) -> [(String, URLPath)] {
        guard let section = SiteSection(firstSegmentOf: entry.url.rawValue) else { return [] }
        var crumbs = [(section.title, section.url)]
        if case .module = entry.document.metadata, let course = contexts.directory.references(of: entry).course {
            crumbs.append((course.document.title, course.url))
        }
        return crumbs
    }

    /// The parts of a document's page every kind has.
    private struct DocumentPage {
        var frame: PageFrame
        var content: [UInt8]
        var toc: [TOCEntry]
        var tocItems: String

        func context<Kind: Encodable>(_ kind: Kind, themes: [ThemeLink] = []) -> LayoutContext<DocumentFields<Kind>> {
            LayoutContext(frame: frame, fields: DocumentFields(content: content, toc: toc, tocItems: tocItems, themes: themes, kind: kind))
        }
    }

    /// Renders the page with the layout of the document's kind and the fields of that kind; returns
    /// the layout's name and the HTML, nil when the layout is missing.
    private func renderLayout(of entry: RouteTable.Entry, _ page: DocumentPage, diagnostics: inout [Diagnostic]) -> (String, [UInt8]?) {
        func render<Kind: Encodable>(_ layout: PageLayout, _ kind: Kind, themes: [ThemeLink] = []) -> (String, [UInt8]?) {
            (layout.rawValue, templates.renderBytes(layout.rawValue, context: page.context(kind, themes: themes)))
        }
        /// A kind whose context makes its tree itself, without the encoder (see FrameTemplateValues.swift).
        func renderDirectly<Kind: TemplateValueConvertible>(_ layout: PageLayout, _ kind: Kind) -> (String, [UInt8]?) {
            (layout.rawValue, templates.renderBytes(layout.rawValue, context: page.context(kind)))
        }
        let directory = contexts.directory
        let addresses = contexts.addresses
        let id = entry.document.id
        let references = directory.references(of: entry)
        switch entry.document.metadata {
        case .blueprint(let b):
            let fields = BlueprintPageFields(blueprint: blueprintFields(b, of: entry, diagnostics: &diagnostics))
            return render(.blueprint, fields, themes: contexts.themeLinks(b.themes))
        case .report(let r):
            return render(.report, ReportPageFields(report: .init(
                reportType: r.reportType, published: r.published.iso, publishedLabel: r.published.german,
                authors: r.authors.joined(separator: ", "), project: contexts.link(references.project ?? ResolvedReference(id: r.project.id, entry: nil)),
                license: r.license.map(contexts.license))))
        case .project(let p):
            return render(.project, ProjectPageFields(project: .init(
                acronym: p.acronym, status: p.status, start: p.start.iso, startLabel: p.start.german, end: p.end?.iso, endLabel: p.end?.german,
                funding: p.funding, lead: contexts.link(references.municipalities[0]),
                partners: references.municipalities.dropFirst().map(contexts.link),
                reports: (directory.reportsByProject[id] ?? []).map(contexts.card),
                blueprints: (directory.blueprintsByProject[id] ?? []).map(contexts.card), cluster: references.cluster.map(contexts.link),
                sessions: sessionLinks(directory.events.sessionsByProject[id] ?? []),
                datasets: datasetCards { $0.project?.id == id })))
        case .municipality(let m):
            let adopted = (directory.adopted[id] ?? []).map { blueprint -> Card in
                // The card names how far this city has come with the blueprint, as /nachnutzung/ does.
                var card = contexts.card(blueprint)
                if case .blueprint(let b) = blueprint.document.metadata, let adoption = b.adoptedBy.first(where: { $0.municipality == id }) {
                    card.adoption = (adoption.status?.label ?? "Nachgenutzt") + (adoption.since.map { " seit \($0.german)" } ?? "")
                }
                return card
            }
            let projects = directory.routes.entries(of: .project).filter { entry in
                guard case .project(let p) = entry.document.metadata else { return false }
                return p.lead.id == id || p.partners.contains { $0.id == id }
            }
            return render(.municipality, MunicipalityPageFields(municipality: .init(
                officialName: m.officialName, ags: m.ags, website: m.website, population: m.population.map(GermanFormat.number),
                contact: m.contact.map(ContactFields.init), built: (directory.built[id] ?? []).map(contexts.card),
                adopted: adopted, projects: projects.map(contexts.card), clusters: clusterCards(of: id),
                sessions: sessionLinks(directory.events.sessionsByMunicipality[id] ?? []),
                datasets: datasetCards { $0.publisher?.id == id })))
        case .course(let c):
            let modules = (directory.modulesByCourse[entry.document.contentFolder] ?? []).map { module in
                var duration: String?
                if case .module(let m) = module.document.metadata { duration = m.duration }
                return CoursePageFields.Module(title: module.document.title, url: addresses.page(module.url), duration: duration)
            }
            return render(.course, CoursePageFields(course: .init(
                audience: c.audience, workload: c.workload, license: contexts.license(c.license), learningOutcomes: c.learningOutcomes,
                modules: modules, formats: c.formats.isEmpty ? nil : c.formats.map(\.label).joined(separator: ", "), provider: c.provider,
                dates: c.dates.map { .init(date: $0.date.iso, dateLabel: $0.date.german, place: $0.place) }, cost: c.cost,
                registration: c.registration, contact: c.contact.map(ContactFields.init),
                material: packages[entry.url].map { .init(url: $0.url, size: $0.sizeLabel, contents: $0.contentsLabel) },
                cluster: references.cluster.map(contexts.link),
                sessions: sessionLinks(directory.events.sessionsByCourse[id] ?? []))))
        case .module(let m):
            let folder = entry.document.contentFolder
            let siblings = directory.modulesByCourse[folder] ?? []
            let position = siblings.firstIndex { $0.url == entry.url } ?? 0
            let course = references.course
            func link(_ entry: RouteTable.Entry) -> PageLink { PageLink(title: entry.document.title, url: addresses.page(entry.url)) }
            var module = ModulePageFields.Module(
                duration: m.duration, learningObjectives: m.learningObjectives, position: position + 1, count: siblings.count,
                course: PageLink(title: course?.document.title ?? "", url: course.map { addresses.page($0.url) } ?? ""))
            if position > 0 { module.previous = link(siblings[position - 1]) }
            if position + 1 < siblings.count {
                module.next = link(siblings[position + 1])
            } else if let course {
                // The last module leads back to its course, so a learner is never at a dead end.
                module.backToCourse = link(course)
            }
            return render(.module, ModulePageFields(module: module))
        case .page:
            return renderDirectly(.page, PlainPageFields())
        case .dataset(let d):
            return render(.dataset, datasetFields(d, of: entry))
        case .cluster(let c):
            return render(.cluster, clusterFields(c, of: entry), themes: contexts.themeLinks(c.themes))
        case .event(let e):
            return render(.event, eventFields(e, of: entry, diagnostics: &diagnostics),
                          themes: contexts.themeLinks(e.themes))
        }
    }

    /// Where an attachment is linked: a file of the site or an https address; anything else
    /// (a page, a folder, an anchor) is an error at its line.
    func attachmentURL(_ attachment: Attachment, of entry: RouteTable.Entry, diagnostics: inout [Diagnostic]) -> String? {
        let location = attachment.location ?? SourceLocation(file: entry.document.sourcePath, line: 1, column: 1)
        switch links.resolveAttachment(attachment.path, from: entry.document) {
        case .external:
            return attachment.path
        case .file(_, let href):
            return href
        case .notAFile(let message, let hint):
            diagnostics.append(.error(at: location, message, hint: hint))
            return nil
        }
    }

    private func searchDocument(for entry: RouteTable.Entry, rendered: RenderedMarkdown) -> SearchDocument {
        let document = entry.document
        let directory = contexts.directory
        let references = directory.references(of: entry)
        var keywords: [String] = []
        var cities: [String] = []
        var themes: [String] = []
        var project: String?
        var aliases: [String] = []
        switch document.metadata {
        case .blueprint(let b):
            themes = b.themes
            cities = references.municipalities.map(\.title)
            // What the page shows from the front matter is findable too: products, legal bases,
            // prerequisites, effort, costs note and software.
            keywords = b.themes + [b.maturity.label] + b.products.map(\.name) + b.legalBasis + b.prerequisites
                + [b.effort, b.costs?.note, b.software?.repository].compactMap { $0 }
        case .report(let r):
            project = references.project?.entry?.document.title
            keywords = [r.reportType] + r.authors
            if let projectEntry = references.project?.entry, case .project(let p) = projectEntry.document.metadata {
                cities = directory.references(of: projectEntry).municipalities.prefix(1).map(\.title)
                keywords.append(p.acronym)
            }
        case .project(let p):
            project = document.title
            aliases = [p.acronym]
            cities = references.municipalities.map(\.title)
        case .municipality(let m):
            aliases = [m.officialName]
            cities = [document.title]
        case .course(let c):
            keywords = c.learningOutcomes + [c.audience, c.workload]
        case .module(let m):
            keywords = m.learningObjectives + [m.duration]
        case .page(let p):
            keywords = p.keywords
        case .dataset(let d):
            keywords = d.fields.map(\.label) + [d.source]
            cities = references.municipalities.map(\.title)
            project = references.project?.entry?.document.title
        case .cluster(let c):
            themes = c.themes
            cities = references.municipalities.map(\.title)
        case .event(let e):
            // The programme is on the page but not in the Markdown: session titles, speakers and
            // their organisations are findable too.
            themes = e.themes
            keywords = e.programme.flatMap { [$0.title, $0.kind.rawValue] + $0.themes + [$0.summary, $0.room].compactMap { $0 } }
                + e.speakers.flatMap { [$0.name, $0.organisation].compactMap { $0 } } + [e.place?.name, e.place?.address].compactMap { $0 }
                + [e.status.label]
            cities = references.organiser?.entry?.document.kind == .municipality ? [references.organiser!.title] : []
        }
        let sections = rendered.sections.map {
            SearchDocument.Section(heading: $0.heading?.text ?? "", anchor: $0.heading?.id.rawValue ?? "", text: $0.text)
        }
        return SearchDocument(url: entry.url, title: document.title, kind: document.kind.germanName,
                              summary: document.summary ?? "", keywords: keywords, cities: cities, themes: themes,
                              project: project, sections: sections, aliases: aliases)
    }
}
