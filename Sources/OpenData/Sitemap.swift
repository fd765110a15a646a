public import SiteModel
public import SiteSnapshot

/// `sitemap.xml` for search engines: every page with its date, written after the pages.
public struct Sitemap: SiteOutput {
    public init() {}

    public static let path = "sitemap.xml"

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] { [.generatedFile(Self.path)] }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let dates = Dictionary(site.routes.entries.map { ($0.url, SiteDirectory.date(of: $0.document)) }, uniquingKeysWith: { a, _ in a })
        for url in ledger.pageURLs.sorted() where url.rawValue.hasSuffix("/") {
            xml += "  <url><loc>\(XMLText.escaped(site.addresses.absolute(url)))</loc>"
            if let date = dates[url] ?? nil { xml += "<lastmod>\(date.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        try sink.accept(OutputFile(path: Self.path, text: xml))
    }
}
