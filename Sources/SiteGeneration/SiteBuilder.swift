import FileAccess
import Foundation
public import ContentLoading
public import MarkdownRendering
import OpenData
import Packages
import SearchIndexing
public import ParallelSteps
public import SiteModel
import SitePages
public import SiteSnapshot
public import Templating

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
    /// Outputs written after vcc's own (see ``SiteBuilder``): their paths join the output plan
    /// and are checked against every other output's like vcc's own.
    public var additionalOutputs: [any SiteOutput] = []
    /// Told of every Markdown parse, for tests that count them.
    public var markdownParses: MarkdownParseLog?

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

/// What a build knows before rendering: the snapshot and the page renderer.
///
/// Valid as long as no document's front matter changes meaning; an edit to a body can be
/// re-rendered against it without routing the whole site again.
public final class SitePlan: Sendable {
    let site: SiteSnapshot
    let renderer: DocumentPageRenderer

    init(site: SiteSnapshot, renderer: DocumentPageRenderer) {
        self.site = site
        self.renderer = renderer
    }

    /// Whether a document at this path (relative to `content/`) was routed by this plan.
    public func contains(contentPath: String) -> Bool { site.routes.entry(forContentPath: contentPath) != nil }
}

/// The pipeline from a loaded project to output files: the snapshot (routes, references,
/// addresses), then each output of ``outputs(project:templates:assets:)`` in turn.
///
/// It never touches the output folder; every file goes to the sink, and the caller decides what to
/// do with them when the summary has errors.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
    }

    /// Every output of a build, in the order they are written: an output reads what those before
    /// it left in the ledger (pages name their package's size; the sitemap lists every page; the
    /// index reads the pages' text). A new format is one new type and one line here.
    func outputs(project: LoadedProject, pages: DocumentPages, markdown: MarkdownRenderer, assets: ThemeAssets,
                 precompression: PassagePrecompression? = nil) -> [any SiteOutput] {
        let outputs: [(any SiteOutput)?] = [
            PubliccodeFiles(markdown: markdown),
            options.includesPackages ? ReusePackages(markdown: markdown) : nil,
            options.includesPackages ? CourseMaterialPackages(markdown: markdown) : nil,
            pages,
            GeneratedPages(templates: pages.templates, markdown: markdown),
            Sitemap(), RobotsFile(), AtomFeed(), BlueprintListJSON(), EventCalendar(),
            ContentDataJSON(), AMBFiles(), DatasetDescriptions(), DCATCatalogue(),
            assets,
            ContentFileCopies(assetPaths: project.assetPaths),
            SearchIndexOutput(isIncluded: options.includesSearchIndex, precompression: precompression),
        ]
        return outputs.compactMap { $0 } + options.additionalOutputs
    }

    public func build(_ project: LoadedProject, into sink: some OutputSink) throws -> BuildSummary {
        var clock = StepClock()
        var diagnostics = project.diagnostics
        var configuration = project.configuration
        if let baseURL = options.baseURL { configuration.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL }

        // Loading the templates and making the routes are both serial and need nothing of each
        // other: the templates load on a second core meanwhile (on the laws, 35 ms of 5 s).
        let siteTemplates = project.templatesRoot == nil ? nil : project.files
        let loading = options.templates == nil ? ConcurrentTask { Self.loadTemplates(siteTemplates) } : nil
        var routeDiagnostics: [Diagnostic] = []
        let routes = RouteTable(documents: project.documents, unusable: project.unusableDocuments,
                                drafts: project.draftDocuments, diagnostics: &routeDiagnostics)
        routeDiagnostics += ReferenceCheck.diagnostics(for: routes)
        routeDiagnostics += ReferenceCheck.unusedDataThemes(configuration.dataThemes, routes: routes)
        routeDiagnostics += ReferenceCheck.duplicateModuleOrders(routes)
        let directory = SiteDirectory(routes: routes)
        let templates: TemplateSet
        if let loading {
            let (fresh, templateProblems) = loading.wait()
            templates = fresh
            diagnostics += templateProblems
        } else {
            templates = options.templates!
        }
        diagnostics += routeDiagnostics
        clock.lap("Vorlagen und Adressen")

        let assets = try ThemeAssets(templates: templates, configuration: configuration)
        let markdown = MarkdownRenderer(allowsRawHTML: configuration.allowsRawHTML, parseLog: options.markdownParses)
        // The search index's compression starts on each page's text as soon as the page is rendered.
        let precompression = options.includesSearchIndex ? PassagePrecompression() : nil
        defer { precompression?.cancel() }
        var observer: (@Sendable (SearchDocument) -> Void)?
        if let precompression { observer = { precompression.add($0) } }
        let pages = DocumentPages(templates: templates, markdown: markdown, searchDocumentObserver: observer)
        let outputs = outputs(project: project, pages: pages, markdown: markdown, assets: assets, precompression: precompression)
        let plan = OutputPlan(outputs: outputs, directory: directory)
        diagnostics += plan.diagnostics
        let generatedURLs = Self.generatedURLs(outputs, directory: directory)
        diagnostics += MenuCheck.problems(configuration.menu, pages: routes.knownURLs.union(generatedURLs))
        let site = SiteSnapshot(
            configuration: configuration, directory: directory, addresses: SiteAddresses(configuration: configuration, assetsFolder: assets.folder),
            links: LinkResolver(routes: routes, assetPaths: Set(project.assetPaths), basePath: configuration.basePath,
                                generatedURLs: generatedURLs, siteAddress: configuration.baseURL),
            files: ContentFiles(reader: project.files, rewritten: project.rewrittenAssets),
            fallbackDate: ContentDate(unixSeconds: options.sourceDateEpoch ?? 0))
        clock.lap("Verweise und Ausgabeplan")

        let written = FileCounter()
        var ledger = OutputLedger()
        for (index, output) in outputs.enumerated() {
            try output.write(site, ledger: &ledger, into: plan.sink(for: index, wrapping: sink, counter: written))
            if index + 1 == outputs.count || outputs[index + 1].step != output.step {
                clock.lap(output.step)
                clock.details(ledger.stepDetails)
                ledger.stepDetails = []
            }
        }
        diagnostics += ledger.diagnostics + site.files.diagnostics
        diagnostics += AnchorCheck.problems(ledger.anchoredLinks, anchors: ledger.anchors)
        ProcessExit.keep((outputs, ledger, routes, plan))

        return BuildSummary(diagnostics: diagnostics.sortedByLocation(), pageCount: ledger.pageURLs.count, fileCount: written.count,
                            searchDocuments: options.includesSearchIndex ? [] : ledger.searchDocuments, timings: clock.laps,
                            plan: SitePlan(site: site, renderer: pages.renderer(for: site, ledger: ledger)))
    }

    /// The default theme with the site's `templates/`, and their problems: templates that do not
    /// parse, and tags naming a field no page context has (they render as nothing, so each is said
    /// once per build, at the tag).
    private static func loadTemplates(_ siteTemplates: ProjectFiles?) -> (TemplateSet, [Diagnostic]) {
        let (templates, problems) = TemplateSet.load(siteTemplates: siteTemplates)
        return (templates, problems + templates.unknownVariables(examples: PageContextExamples.all))
    }

    /// Pages and files vcc makes itself, which content may link to (`../themen/`, `../feed.xml`).
    private static func generatedURLs(_ outputs: [any SiteOutput], directory: SiteDirectory) -> Set<URLPath> {
        var urls: Set<URLPath> = []
        for claim in outputs.flatMap({ $0.claims(directory) }) {
            guard case .generated = claim.origin, !claim.isFolder else { continue }
            urls.insert(URLPath("/" + (claim.path.hasSuffix("index.html") ? String(claim.path.dropLast("index.html".count)) : claim.path)))
        }
        return urls
    }

    /// Re-renders edited documents against an earlier build's plan; nil when one of them is not in it.
    public func rerender(_ documents: [Document], with plan: SitePlan, into sink: some OutputSink) throws -> BuildSummary? {
        var entries: [RouteTable.Entry] = []
        for document in documents {
            guard let known = plan.site.routes.entry(forContentPath: document.contentPath) else { return nil }
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
}
