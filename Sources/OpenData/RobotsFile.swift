public import SiteModel
public import SiteSnapshot

/// `robots.txt`: everything may be crawled; the sitemap is named where the site knows its address.
public struct RobotsFile: SiteOutput {
    public init() {}

    public static let path = "robots.txt"

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] { [.generatedFile(Self.path)] }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        var text = "User-agent: *\nAllow: /\n"
        if let sitemap = site.addresses.canonical(URLPath("/" + Sitemap.path)) { text += "Sitemap: \(sitemap)\n" }
        try sink.accept(OutputFile(path: Self.path, text: text))
    }
}
