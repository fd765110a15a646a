public import MarkdownRendering
public import SiteModel

/// A blueprint's Markdown as every output reads it, from one parse: the page's HTML (links within
/// the site), the package's HTML and outline (links to other pages absolute, as a package is read
/// away from the site; links to files the package carries relative, see ``PackageLayout``), and
/// the text with its links' places for the package's Markdown and the publiccode.yml.
public struct BlueprintText: Sendable {
    /// The blueprint's page, as ``MarkdownRenderer/render(_:file:firstLine:titleToDrop:resolveLink:)`` makes it.
    public var page: RenderedMarkdown
    /// The body for the package's standalone HTML at the package's root; links to other pages
    /// are full URLs, links to files of content/ lead to their place in the package.
    public var packageHTML: String
    /// The body for the package's OpenDocument text, linked like ``packageHTML``.
    public var packageOutline: [ReuseBlock]
    /// The body as written, with the places of its links.
    public var source: MarkdownSource

    /// Parses `entry`'s body once and makes everything above from the one tree.
    public init(of entry: RouteTable.Entry, in site: SiteSnapshot, markdown: MarkdownRenderer) {
        let document = entry.document
        let links = site.links
        let packaged = { (destination: String) -> String? in
            if case .file(let contentPath, _) = links.resolveAttachment(destination, from: document) {
                let path = PackageLayout.path(ofContentPath: contentPath, blueprintFolder: document.contentFolder).path
                return PackageLayout.href(path, keepingFragmentOf: destination)
            }
            guard case .rewritten(let url, _) = links.resolve(destination, from: document) else { return nil }
            return site.addresses.absolute(href: url)
        }
        self = markdown.parse(document.body, file: document.sourcePath, firstLine: document.bodyFirstLine) { parsed in
            // What hurts readers (alt text, heading levels, link texts) is read before rendering changes the tree.
            let findings = parsed.qualityFindings()
            var page = parsed.render(titleToDrop: document.title, embedding: site.charts) { links.resolve($0, from: document) }
            page.diagnostics += findings
            // Broken links are the page's to report; the package keeps them as written.
            let package = parsed.render(titleToDrop: document.title, embedding: site.packageCharts) { destination in
                packaged(destination).map { .rewritten($0, anchorCheck: nil) } ?? .unchanged
            }
            return BlueprintText(page: page, packageHTML: package.html,
                                 packageOutline: parsed.outline(titleToDrop: document.title, embedding: site.packageCharts) { packaged($0) ?? $0 },
                                 source: parsed.source)
        }
    }

    private init(page: RenderedMarkdown, packageHTML: String, packageOutline: [ReuseBlock], source: MarkdownSource) {
        self.page = page; self.packageHTML = packageHTML; self.packageOutline = packageOutline; self.source = source
    }
}
