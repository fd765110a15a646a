public import MarkdownRendering
public import SiteModel
public import SiteSnapshot
import Templating

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
    /// Blueprint bodies the packages rendered from their parse, by page URL (see ``BlueprintText``).
    var renderedBlueprints: [URLPath: RenderedMarkdown] = [:]

    /// Renders `entry`'s page; the file is nil when the layout is missing (an error in the diagnostics).
    public func render(_ entry: RouteTable.Entry) -> PageRendering {
        let document = entry.document
        let rendered = renderedBlueprints[entry.url] ?? markdown.render(
            document.body, file: document.sourcePath, firstLine: document.bodyFirstLine,
            titleToDrop: document.title) { links.resolve($0, from: document) }
        var context = contexts.frame(title: document.title, summary: document.summary, url: entry.url,
                                     breadcrumbs: breadcrumbs(for: entry), structuredData: false)
        context["content"] = rendered.html
        contexts.describe(entry, firstText: rendered.sections.first { !$0.text.isEmpty }?.text,
                          breadcrumbs: breadcrumbs(for: entry), in: &context)
        let headings = rendered.headings.map { ($0.level, $0.text, $0.id.rawValue) }
        context["toc"] = contexts.toc(headings)
        context["tocItems"] = contexts.tocItems(headings)
        context["themes"] = [[String: Any]]()
        var diagnostics = rendered.diagnostics
        let layout = addTypeFields(of: entry, to: &context, diagnostics: &diagnostics)
        var file: OutputFile?
        if let html = templates.render(layout, context: context) {
            file = OutputFile(path: entry.url.outputFile, text: html)
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
        if case .module = entry.document.metadata,
           let course = contexts.directory.routes.entry(forContentPath: entry.document.contentFolder + "/index.md") {
            crumbs.append((course.document.title, course.url))
        }
        return crumbs
    }

    /// Adds the fields of the document's type and returns the layout to render with.
    private func addTypeFields(of entry: RouteTable.Entry, to context: inout [String: Any], diagnostics: inout [Diagnostic]) -> String {
        let directory = contexts.directory
        let addresses = contexts.addresses
        switch entry.document.metadata {
        case .blueprint(let b):
            context["themes"] = b.themes.map { ["name": $0, "url": addresses.page(directory.themeURL($0))] }
            context["blueprint"] = blueprintContext(b, of: entry, diagnostics: &diagnostics)
            return "layouts/blueprint"
        case .report(let r):
            context["report"] = ([
                "reportType": r.reportType, "published": r.published.iso, "publishedLabel": r.published.german,
                "authors": r.authors.joined(separator: ", "), "project": contexts.link(kind: .project, id: r.project.id),
                "license": r.license.map(contexts.license) as Any,
            ] as [String: Any]).droppingNils()
            return "layouts/report"
        case .project(let p):
            var project: [String: Any] = [
                "acronym": p.acronym, "status": p.status, "start": p.start.iso, "startLabel": p.start.german,
                "lead": contexts.link(kind: .municipality, id: p.lead.id),
                "partners": p.partners.map { contexts.link(kind: .municipality, id: $0.id) },
                "reports": (directory.reportsByProject[entry.document.id] ?? []).map(contexts.card),
                "blueprints": (directory.blueprintsByProject[entry.document.id] ?? []).map(contexts.card),
            ]
            if let end = p.end { project["end"] = end.iso; project["endLabel"] = end.german }
            if let funding = p.funding { project["funding"] = funding }
            context["project"] = project
            return "layouts/project"
        case .municipality(let m):
            let id = entry.document.id
            context["municipality"] = [
                "officialName": m.officialName, "ags": m.ags, "website": m.website,
                "built": (directory.built[id] ?? []).map(contexts.card),
                "adopted": (directory.adopted[id] ?? []).map { blueprint -> [String: Any] in
                    // The card names how far this city has come with the blueprint, as /nachnutzung/ does.
                    var card = contexts.card(blueprint)
                    if case .blueprint(let b) = blueprint.document.metadata, let adoption = b.adoptedBy.first(where: { $0.municipality == id }) {
                        let since = adoption.since.map { " seit \($0.german)" } ?? ""
                        card["adoption"] = (adoption.status?.label ?? "Nachgenutzt") + since
                    }
                    return card
                },
                "projects": directory.routes.entries(of: .project).filter { entry in
                    guard case .project(let p) = entry.document.metadata else { return false }
                    return p.lead.id == id || p.partners.contains { $0.id == id }
                }.map(contexts.card),
            ] as [String: Any]
            return "layouts/municipality"
        case .course(let c):
            let modules = directory.modulesByCourse[entry.document.contentFolder] ?? []
            context["course"] = [
                "audience": c.audience, "workload": c.workload, "license": contexts.license(c.license),
                "learningOutcomes": c.learningOutcomes,
                "modules": modules.map { module -> [String: Any] in
                    var item: [String: Any] = ["title": module.document.title, "url": addresses.page(module.url)]
                    if case .module(let m) = module.document.metadata { item["duration"] = m.duration }
                    return item
                },
            ] as [String: Any]
            return "layouts/course"
        case .module(let m):
            let folder = entry.document.contentFolder
            let siblings = directory.modulesByCourse[folder] ?? []
            let position = siblings.firstIndex { $0.url == entry.url } ?? 0
            let course = directory.routes.entry(forContentPath: folder + "/index.md")
            var module: [String: Any] = [
                "duration": m.duration, "learningObjectives": m.learningObjectives,
                "position": position + 1, "count": siblings.count,
                "course": ["title": course?.document.title ?? "", "url": course.map { addresses.page($0.url) } ?? ""],
            ]
            if position > 0 {
                module["previous"] = ["title": siblings[position - 1].document.title, "url": addresses.page(siblings[position - 1].url)]
            }
            if position + 1 < siblings.count {
                module["next"] = ["title": siblings[position + 1].document.title, "url": addresses.page(siblings[position + 1].url)]
            } else if let course {
                // The last module leads back to its course, so a learner is never at a dead end.
                module["backToCourse"] = ["title": course.document.title, "url": addresses.page(course.url)]
            }
            context["module"] = module
            return "layouts/module"
        case .page:
            return "layouts/page"
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
        var keywords: [String] = []
        var cities: [String] = []
        var themes: [String] = []
        var project: String?
        var aliases: [String] = []
        switch document.metadata {
        case .blueprint(let b):
            themes = b.themes
            cities = b.municipalities.map { directory.municipalityName($0.id) }
            // What the page shows from the front matter is findable too: products, legal bases,
            // prerequisites, effort, costs note and software.
            keywords = b.themes + [b.maturity.label] + b.products.map(\.name) + b.legalBasis + b.prerequisites
                + [b.effort, b.costs?.note, b.software?.repository].compactMap { $0 }
        case .report(let r):
            project = directory.routes.entry(kind: .project, id: r.project.id)?.document.title
            keywords = [r.reportType] + r.authors
            if case .project(let p)? = directory.routes.entry(kind: .project, id: r.project.id)?.document.metadata {
                cities = [directory.municipalityName(p.lead.id)]
                keywords.append(p.acronym)
            }
        case .project(let p):
            project = document.title
            aliases = [p.acronym]
            cities = [directory.municipalityName(p.lead.id)] + p.partners.map { directory.municipalityName($0.id) }
        case .municipality(let m):
            aliases = [m.officialName]
            cities = [document.title]
        case .course(let c):
            keywords = c.learningOutcomes + [c.audience, c.workload]
        case .module(let m):
            keywords = m.learningObjectives + [m.duration]
        case .page(let p):
            keywords = p.keywords
        }
        let sections = rendered.sections.map {
            SearchDocument.Section(heading: $0.heading?.text ?? "", anchor: $0.heading?.id.rawValue ?? "", text: $0.text)
        }
        return SearchDocument(url: entry.url, title: document.title, kind: document.kind.germanName,
                              summary: document.summary ?? "", keywords: keywords, cities: cities, themes: themes,
                              project: project, sections: sections, aliases: aliases)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Removes values that are an empty Optional, which Mustache would otherwise treat as present.
    func droppingNils() -> [String: Any] {
        filter { _, value in
            let mirror = Mirror(reflecting: value)
            return !(mirror.displayStyle == .optional && mirror.children.isEmpty)
        }
    }
}
