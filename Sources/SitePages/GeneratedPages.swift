public import MarkdownRendering
public import SiteModel
public import SiteSnapshot
public import Templating

/// The pages vcc makes itself (home, lists, filters, themes, search, 404; see ``CollectionPages``),
/// each with the introduction an `index.md` in its folder gives.
public struct GeneratedPages: SiteOutput {
    public let templates: TemplateSet
    public let markdown: MarkdownRenderer

    public init(templates: TemplateSet, markdown: MarkdownRenderer) {
        self.templates = templates
        self.markdown = markdown
    }

    public var step: String { "Listen und Themen" }

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        CollectionPages.urls(directory: directory).map { OutputClaim($0.outputFile, by: .generated("die Seite \($0), die vcc erzeugt")) }
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        var introductions: [URLPath: CollectionPages.Introduction] = [:]
        for (url, document) in site.routes.introductions {
            let rendered = markdown.renderChecked(document.body, file: document.sourcePath, firstLine: document.bodyFirstLine,
                                           titleToDrop: document.title) { site.links.resolve($0, from: document) }
            ledger.diagnostics += rendered.diagnostics
            ledger.anchoredLinks += rendered.anchoredLinks
            introductions[url] = .init(title: document.title, summary: document.summary, html: rendered.html)
        }
        let pages = CollectionPages(contexts: ContextBuilder(site: site), templates: templates, introductions: introductions)
        for page in pages.pages() {
            guard let html = templates.render(page.layout.rawValue, context: page.context) else {
                ledger.diagnostics.append(.error(at: SourceLocation(file: "templates/\(page.layout.rawValue).mustache"),
                                                 "Die Vorlage `\(page.layout.rawValue)` fehlt."))
                continue
            }
            let file = OutputFile(path: page.url.outputFile, text: html)
            try sink.accept(file)
            ledger.anchors[page.url] = PageAnchors.ids(in: file.contents)
            ledger.pageURLs.append(page.url)
        }
    }
}
