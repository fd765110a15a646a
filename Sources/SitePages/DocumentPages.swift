import Foundation
import ParallelSteps
public import MarkdownRendering
public import SiteModel
public import SiteSnapshot
public import Templating

/// Every document's page (a blueprint, a report, a law), rendered on all cores; what the pages
/// hold for later outputs (anchors, search documents) goes into the ledger.
public struct DocumentPages: SiteOutput {
    public let templates: TemplateSet
    public let markdown: MarkdownRenderer
    /// Told of each page's search document as soon as the page is rendered, on the rendering
    /// thread (the search index starts its work on them meanwhile).
    public let searchDocumentObserver: (@Sendable (SearchDocument) -> Void)?

    public init(templates: TemplateSet, markdown: MarkdownRenderer, searchDocumentObserver: (@Sendable (SearchDocument) -> Void)? = nil) {
        self.templates = templates
        self.markdown = markdown
        self.searchDocumentObserver = searchDocumentObserver
    }

    public var step: String { "Seiten rendern" }

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] {
        directory.routes.entries.map { OutputClaim($0.url.outputFile, by: .content($0.document.sourcePath)) }
    }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        var prepared = self.renderer(for: site, ledger: ledger)
        // Blueprints whose text an earlier output parsed are not parsed again (and not kept after).
        prepared.renderedBlueprints = ledger.blueprintTexts.mapValues(\.page)
        ledger.blueprintTexts = [:]
        let renderer = prepared
        // One thread more than there are cores: a thread waiting for cmark's inline lock leaves its
        // core to the extra one (see MarkdownRenderer).
        let threads = ProcessInfo.processInfo.activeProcessorCount + 1
        // The longest texts first: a three-megabyte law started last would leave one core rendering it alone.
        let entries = site.routes.entries
        let longestFirst = entries.indices.sorted { entries[$0].document.body.utf8.count > entries[$1].document.body.utf8.count }
        let observer = searchDocumentObserver
        let results = entries.concurrentMap(threads: threads, order: longestFirst) { entry -> (PageRendering, (any Error)?) in
            var result = renderer.render(entry)
            observer?(result.search)
            var failure: (any Error)?
            if let file = result.file {
                do { try sink.accept(file) } catch { failure = error }
            }
            result.file = nil  // Written; do not hold every page in memory.
            return (result, failure)
        }
        if let failure = results.lazy.compactMap(\.1).first { throw failure }
        for (result, _) in results {
            ledger.diagnostics += result.diagnostics
            ledger.pageURLs.append(result.url)
            if ledger.anchors[result.url] == nil { ledger.anchors[result.url] = result.headingIDs }
            ledger.anchoredLinks += result.anchoredLinks
            ledger.searchDocuments.append(result.search)
        }
    }

    /// The renderer of single pages, for this build and for the preview's re-rendering of an edited page.
    public func renderer(for site: SiteSnapshot, ledger: OutputLedger) -> DocumentPageRenderer {
        DocumentPageRenderer(contexts: ContextBuilder(site: site), templates: templates, markdown: markdown, links: site.links,
                             packages: ledger.packages, publiccode: ledger.publiccode, charts: site.charts)
    }
}
