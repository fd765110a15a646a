public import MarkdownRendering
public import ParallelSteps
public import SiteModel

/// What the outputs of one build learn from each other, in the order of the output list: the
/// packages' sizes for the pages and catalogues, the pages' anchors for the link check, the pages'
/// text for the search index.
public struct OutputLedger: Sendable {
    /// Problems the outputs found.
    public var diagnostics: [Diagnostic] = []
    /// Each blueprint's reuse package, by page URL (written before the pages, which name its size).
    public var packages: [URLPath: PackageDownload] = [:]
    /// The publiccode.yml of blueprints that name software, by page URL (the packages carry it).
    public var publiccode: [URLPath: OutputFile] = [:]
    /// Each blueprint's text, parsed by the first output that reads it, by page URL; the pages
    /// take theirs out (see ``text(ofBlueprint:in:markdown:)``).
    public var blueprintTexts: [URLPath: BlueprintText] = [:]
    /// Every page written, documents first, for the sitemap and the page count.
    public var pageURLs: [URLPath] = []
    /// The `id`s each written page has, for links to `page.md#anker`.
    public var anchors: [URLPath: Set<String>] = [:]
    /// Links with an anchor, checked against `anchors` once every page is written.
    public var anchoredLinks: [AnchoredLink] = []
    /// The search documents of the documents' pages, in route order.
    public var searchDocuments: [SearchDocument] = []
    /// Sub-steps of an output worth reporting (the search index's), by name and seconds.
    public var stepDetails: [Lap] = []

    public init() {}

    /// `entry`'s ``BlueprintText``: parsed on the first call of the build, then kept here, so the
    /// publiccode.yml, the package and the page share one parse of the body.
    public mutating func text(ofBlueprint entry: RouteTable.Entry, in site: SiteSnapshot, markdown: MarkdownRenderer) -> BlueprintText {
        if let known = blueprintTexts[entry.url] { return known }
        let text = BlueprintText(of: entry, in: site, markdown: markdown)
        blueprintTexts[entry.url] = text
        return text
    }
}

/// What a blueprint page, the data catalogues and the open-data JSON say about a blueprint's reuse package.
public struct PackageDownload: Sendable {
    /// Where the package is downloaded from the site (`/kb/blaupausen/x/x.zip`).
    public var url: String
    /// `48 KB`.
    public var sizeLabel: String
    /// What is inside, in words.
    public var contentsLabel: String
    public var byteCount: Int

    public init(url: String, sizeLabel: String, contentsLabel: String, byteCount: Int) {
        self.url = url; self.sizeLabel = sizeLabel; self.contentsLabel = contentsLabel; self.byteCount = byteCount
    }
}
