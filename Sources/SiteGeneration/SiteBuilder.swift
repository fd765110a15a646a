import Foundation
public import ContentLoading
import MarkdownRendering
import SearchIndexing
public import SiteModel
public import Templating
public import ParallelSteps

/// Options of one build that do not come from `site.yml`.
public struct BuildOptions: Sendable {
    /// Replaces `base_url` of `site.yml` (for preview servers and CI deploys).
    public var baseURL: String?
    /// `SOURCE_DATE_EPOCH`: the date used where content has none, so output never depends on the clock.
    public var sourceDateEpoch: Int?
    /// Whether the search index is built (the preview server builds it in the background instead).
    public var includesSearchIndex = true
    /// Whether blueprints get their reuse packages (ZIP with ODT, HTML, Markdown; tests may skip them).
    public var includesPackages = true
    /// Templates loaded before, so a preview rebuild does not read them again.
    public var templates: TemplateSet?

    public init(baseURL: String? = nil, sourceDateEpoch: Int? = nil) {
        self.baseURL = baseURL
        self.sourceDateEpoch = sourceDateEpoch
    }
}

/// What a build did: its problems, what it wrote, how long each step took.
public struct BuildSummary: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var fileCount: Int
    /// The search documents of the rendered pages (kept for the preview server's background index).
    public var searchDocuments: [SearchDocument]
    /// Step name and seconds, in order.
    public var timings: [Lap]
    /// The routes and renderer of this build, for re-rendering single pages (see ``SiteBuilder/rerender(_:with:into:)``).
    public var plan: SitePlan?
}

/// What a build knows before rendering: every URL, the cross-document directory, the renderer.
///
/// Valid as long as no document's front matter changes meaning; an edit to a body can be
/// re-rendered against it without routing the whole site again.
public final class SitePlan: Sendable {
    let routes: RouteTable
    let renderer: DocumentPageRenderer

    init(routes: RouteTable, renderer: DocumentPageRenderer) {
        self.routes = routes
        self.renderer = renderer
    }

    /// Whether a document at this path (relative to `content/`) was routed by this plan.
    public func contains(contentPath: String) -> Bool { routes.entry(forContentPath: contentPath) != nil }
}

/// The pipeline from a loaded project to output files: routes, references, pages, lists, feeds, assets.
///
/// It never touches the output folder; every file goes to the sink, and the caller decides what to
/// do with them when the summary has errors.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
    }

    public func build(_ project: LoadedProject, into sink: some OutputSink) throws -> BuildSummary {
        var clock = StepClock()
        var diagnostics = project.diagnostics
        var configuration = project.configuration
        if let baseURL = options.baseURL { configuration.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL }

        let templates: TemplateSet
        if let loaded = options.templates {
            templates = loaded
        } else {
            let (fresh, templateProblems) = TemplateSet.load(siteTemplates: project.templatesRoot == nil ? nil : project.files)
            templates = fresh
            diagnostics += templateProblems
        }
        clock.lap("Vorlagen laden")

        let routes = RouteTable(documents: project.documents, unusable: project.unusableDocuments, diagnostics: &diagnostics)
        diagnostics += ReferenceCheck.diagnostics(for: routes)
        diagnostics += ReferenceCheck.unusedDataThemes(configuration.dataThemes, routes: routes)
        diagnostics += ReferenceCheck.duplicateModuleOrders(routes)
        let directory = SiteDirectory(routes: routes, basePath: configuration.basePath)
        let assets = try ThemeAssets(templates: templates, configuration: configuration)
        let contexts = ContextBuilder(configuration: configuration, directory: directory,
                                      assetsPath: configuration.basePath + "/" + String(assets.folder.dropLast()))
        let generatedURLs = Set(CollectionPages.urls(directory: directory) + SiteFeeds.paths.map { URLPath("/" + $0) })
        let links = LinkResolver(routes: routes, assetPaths: Set(project.assetPaths), basePath: configuration.basePath,
                                 generatedURLs: generatedURLs)
        let markdown = MarkdownRenderer(allowsRawHTML: configuration.allowsRawHTML)
        clock.lap("Adressen und Verweise")

        let outputs = plannedOutputs(project: project, assets: assets, routes: routes, directory: directory)
        diagnostics += outputs.diagnostics
        let sink = outputs.sink(wrapping: sink)

        var pageRenderer = DocumentPageRenderer(contexts: contexts, templates: templates, markdown: markdown, links: links)
        let software = BlueprintSoftware(configuration: configuration, directory: directory).files()
        diagnostics += software.diagnostics
        for (url, file) in software.files.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try sink.accept(file)
            pageRenderer.publiccodeURLs[url] = directory.basePath + "/" + file.path
        }
        if options.includesPackages {
            let packages = try BlueprintPackages(configuration: configuration, directory: directory, links: links, markdown: markdown,
                                                 projectFiles: project.files, rewrittenAssets: project.rewrittenAssets,
                                                 publiccode: software.files).write(into: sink)
            pageRenderer.packages = packages.downloads
            diagnostics += packages.diagnostics
        }
        let renderer = pageRenderer
        clock.lap("Nachnutzungspakete")
        let plan = SitePlan(routes: routes, renderer: renderer)
        // One thread more than there are cores: a thread waiting for cmark's inline lock leaves its
        // core to the extra one (see MarkdownRenderer).
        let threads = ProcessInfo.processInfo.activeProcessorCount + 1
        let results = routes.entries.concurrentMap(threads: threads) { entry -> (DocumentPageRenderer.Result, (any Error)?) in
            var result = renderer.render(entry)
            var failure: (any Error)?
            if let file = result.file {
                do { try sink.accept(file) } catch { failure = error }
            }
            result.file = nil  // Written; do not hold every page in memory.
            return (result, failure)
        }
        if let failure = results.lazy.compactMap(\.1).first { throw failure }
        diagnostics += results.flatMap(\.0.diagnostics)
        var anchors = Dictionary(results.map { ($0.0.url, $0.0.headingIDs) }, uniquingKeysWith: { a, _ in a })
        var anchoredLinks = results.flatMap(\.0.anchoredLinks)
        clock.lap("Seiten rendern")

        var introductions: [URLPath: (title: String, summary: String?, html: String)] = [:]
        for (url, document) in routes.introductions {
            let rendered = markdown.render(document.body, file: document.sourcePath, firstLine: document.bodyFirstLine,
                                           titleToDrop: document.title) { links.resolve($0, from: document) }
            diagnostics += rendered.diagnostics
            anchoredLinks += rendered.anchoredLinks
            introductions[url] = (document.title, document.summary, rendered.html)
        }
        let collections = CollectionPages(contexts: contexts, templates: templates, introductions: introductions)
        var pageURLs = routes.entries.map(\.url)
        var fileCount = results.count
        let collectionPages = collections.pages()
        // The output plan knows these URLs in advance; the two lists must not drift apart.
        assert(collectionPages.map(\.0) == CollectionPages.urls(directory: directory), "CollectionPages.urls is out of step")
        for (url, layout, context) in collectionPages {
            guard let html = templates.render(layout, context: context) else {
                diagnostics.append(.error(at: SourceLocation(file: "templates/\(layout).mustache"), "Die Vorlage `\(layout)` fehlt."))
                continue
            }
            try sink.accept(OutputFile(path: url.outputFile, text: html))
            anchors[url] = PageAnchors.ids(in: html)
            pageURLs.append(url)
            fileCount += 1
        }
        diagnostics += anchorProblems(anchoredLinks, anchors: anchors)
        clock.lap("Listen und Themen")

        let fallbackDate = ContentDate(unixSeconds: options.sourceDateEpoch ?? 0)
        let feeds = SiteFeeds(configuration: configuration, directory: directory, fallbackDate: fallbackDate)
        let amb = AMBRecords(configuration: configuration, directory: directory)
        let api = CatalogueAPI(configuration: configuration, directory: directory, links: links, packages: renderer.packages).files()
            + amb.files()
            + DCATCatalogue(configuration: configuration, directory: directory, links: links, packages: renderer.packages,
                            contentRoot: project.contentRoot, rewrittenAssets: project.rewrittenAssets).files()
        for file in [feeds.sitemap(pageURLs: pageURLs), feeds.robots(), feeds.atom(), feeds.blueprintCatalogue()] + api {
            try sink.accept(file)
            fileCount += 1
        }
        fileCount += try copyAssets(project: project, assets: assets, routes: routes, into: sink)
        clock.lap("Feeds und Dateien")

        if options.includesSearchIndex {
            let indexSteps = try SearchIndexBuilder(synonyms: configuration.synonyms).build(results.map(\.0.search), into: sink)
            clock.lap("Suchindex")
            clock.details(indexSteps)
        }

        return BuildSummary(diagnostics: diagnostics.sortedByLocation(), pageCount: pageURLs.count, fileCount: fileCount,
                            searchDocuments: options.includesSearchIndex ? [] : results.map(\.0.search), timings: clock.laps,
                            plan: plan)
    }

    /// Re-renders edited documents against an earlier build's plan; nil when one of them is not in it.
    public func rerender(_ documents: [Document], with plan: SitePlan, into sink: some OutputSink) throws -> BuildSummary? {
        var entries: [RouteTable.Entry] = []
        for document in documents {
            guard let known = plan.routes.entry(forContentPath: document.contentPath) else { return nil }
            entries.append(RouteTable.Entry(document: document, url: known.url))
        }
        var diagnostics: [Diagnostic] = []
        var searchDocuments: [SearchDocument] = []
        for entry in entries {
            var result = plan.renderer.render(entry)
            if let file = result.file { try sink.accept(file) }
            result.file = nil
            diagnostics += result.diagnostics
            searchDocuments.append(result.search)
        }
        return BuildSummary(diagnostics: diagnostics.sortedByLocation(), pageCount: entries.count, fileCount: entries.count,
                            searchDocuments: searchDocuments, timings: [], plan: plan)
    }

    /// Links to `page.md#anker` (or `#anker` on the same page) whose anchor is not an `id` of that page.
    private func anchorProblems(_ links: [AnchoredLink], anchors: [URLPath: Set<String>]) -> [Diagnostic] {
        links.compactMap { link in
            guard let ids = anchors[link.target], !ids.contains(link.anchor) else { return nil }
            let known = ids.filter { $0 != "inhalt" }.sorted().prefix(12).joined(separator: ", ")
            return .error(at: link.location, "Der Anker `#\(link.anchor)` existiert auf \(link.target) nicht.",
                          hint: known.isEmpty ? "Die Seite hat keine Überschriften mit Anker." : "Anker entstehen aus Überschriften; vorhanden sind: \(known).")
        }
    }

    /// Every output path with its source, checked for collisions before anything is written.
    private func plannedOutputs(project: LoadedProject, assets: ThemeAssets, routes: RouteTable,
                                directory: SiteDirectory) -> OutputPlan {
        var plan = OutputPlan()
        for url in CollectionPages.urls(directory: directory) {
            plan.claim(url.outputFile, by: .generated("die Seite \(url), die vcc erzeugt"))
        }
        for path in SiteFeeds.paths + [CatalogueAPI.path, CatalogueAPI.schemaPath, DCATCatalogue.turtlePath, DCATCatalogue.rdfXMLPath] {
            plan.claim(path, by: .generated("die Datei \(path), die vcc erzeugt"))
        }
        for file in assets.outputFiles { plan.claim(file.path, by: .generated("die Theme-Datei \(file.path)")) }
        for entry in routes.entries(of: .blueprint) {
            plan.claim(blueprintDownloadPath(entry), by: .generated("der Markdown-Download von \(entry.document.sourcePath)"))
            if options.includesPackages {
                plan.claim(BlueprintPackages.path(of: entry), by: .generated("das Nachnutzungspaket von \(entry.document.sourcePath)"))
            }
            if case .blueprint(let b) = entry.document.metadata, b.software != nil {
                plan.claim(BlueprintSoftware.path(of: entry), by: .generated("die publiccode.yml von \(entry.document.sourcePath)"))
            }
        }
        for entry in routes.entries(of: .course) {
            plan.claim(AMBRecords.path(of: entry), by: .generated("der AMB-Datensatz von \(entry.document.sourcePath)"))
        }
        if !routes.entries(of: .course).isEmpty { plan.claim(AMBRecords.listPath, by: .generated("die Datei \(AMBRecords.listPath), die vcc erzeugt")) }
        for entry in routes.entries { plan.claim(entry.url.outputFile, by: .content(entry.document.sourcePath)) }
        for path in project.assetPaths {
            if let folder = Self.reservedFolders.first(where: { path.hasPrefix($0) }) {
                plan.claim(path, by: .generated("der Ordner \(folder), den vcc selbst erzeugt"))
            }
            plan.claim(path, by: .content("content/" + path))
        }
        plan.checkFoldersAgainstFiles()
        return plan
    }

    /// Folders of the output that belong to vcc as a whole: the search index and its client.
    static let reservedFolders = [SearchIndexBuilder.folder]

    /// `blaupausen/posteingang/posteingang.md`: where a blueprint's Markdown is offered for download.
    private func blueprintDownloadPath(_ entry: RouteTable.Entry) -> String {
        String(entry.url.rawValue.dropFirst()) + entry.fileStem + ".md"
    }

    /// Theme assets, files under `content/` and each blueprint's Markdown source for download.
    private func copyAssets(project: LoadedProject, assets: ThemeAssets, routes: RouteTable, into sink: some OutputSink) throws -> Int {
        var count = 0
        for file in assets.outputFiles {
            try sink.accept(file)
            count += 1
        }
        for path in project.assetPaths {
            let contents = try project.rewrittenAssets[path] ?? project.files.contents(of: "content/" + path)
            try sink.accept(OutputFile(path: path, contents: contents))
            count += 1
        }
        for entry in routes.entries(of: .blueprint) {
            let source = try project.files.contents(of: "content/" + entry.document.contentPath)
            try sink.accept(OutputFile(path: blueprintDownloadPath(entry), contents: source))
            count += 1
        }
        return count
    }
}
