public import SiteModel
public import MarkdownRendering
import DataCharts

/// Everything a build has decided about the site before any output is written, computed once
/// after loading and routing: the configuration (with the build's own base URL), every page's
/// route, the facts across documents, the one definition of every address, the link resolver and
/// the reader of content files.
///
/// Every output (see ``SiteOutput``) reads this value and nothing else: not the disk, and no
/// string the loader has already turned into a typed value.
public struct SiteSnapshot: Sendable {
    public let configuration: SiteConfiguration
    /// The routes and the facts across documents (who built what, themes, modules of a course).
    public let directory: SiteDirectory
    /// Page, canonical, asset and download addresses.
    public let addresses: SiteAddresses
    /// Links written in Markdown and attachment paths, resolved against the routes.
    public let links: LinkResolver
    /// The files of `content/` the outputs publish, size or package.
    public let files: ContentFiles
    /// The date used where content has none (`SOURCE_DATE_EPOCH`), never the clock.
    public let fallbackDate: ContentDate
    /// What ```` ```diagramm ```` blocks become: charts of the site's data sets; nil for a site
    /// without data sets, whose Markdown is then never searched for such blocks.
    public let charts: FencedBlockEmbedding?
    /// The same for reuse packages, which are read away from the site: the source links are absolute.
    public let packageCharts: FencedBlockEmbedding?

    public init(configuration: SiteConfiguration, directory: SiteDirectory, addresses: SiteAddresses, links: LinkResolver,
                files: ContentFiles, fallbackDate: ContentDate) {
        self.configuration = configuration; self.directory = directory; self.addresses = addresses
        self.links = links; self.files = files; self.fallbackDate = fallbackDate
        charts = Self.charts(of: directory.routes, linking: addresses.page)
        packageCharts = Self.charts(of: directory.routes, linking: addresses.absolute)
    }

    private static func charts(of routes: RouteTable, linking page: (URLPath) -> String) -> FencedBlockEmbedding? {
        let datasets = routes.entries(of: .dataset)
        guard !datasets.isEmpty else { return nil }
        return ChartBlocks(sources: Dictionary(datasets.compactMap { entry in
            guard case .dataset(let dataset) = entry.document.metadata else { return nil }
            return (entry.document.id, ChartBlocks.Source(dataset: dataset, title: entry.document.title, page: page(entry.url)))
        }, uniquingKeysWith: { first, _ in first })).embedding
    }

    /// The routed documents and their lookups.
    public var routes: RouteTable { directory.routes }
}
