import Foundation
import SiteModel

/// The machine-readable files: sitemap, Atom feed, robots.txt and the blueprint catalogue.
struct SiteFeeds: Sendable {
    /// The paths of the files below, for the output plan.
    static let paths = ["sitemap.xml", "robots.txt", "feed.xml", "blaupausen/katalog.json"]

    let configuration: SiteConfiguration
    let directory: SiteDirectory
    /// The date used where the content has none: from `SOURCE_DATE_EPOCH`, never the clock.
    let fallbackDate: ContentDate

    private func absolute(_ url: URLPath) -> String {
        configuration.baseURL.isEmpty ? directory.href(url) : configuration.absoluteURL(url)
    }

    func sitemap(pageURLs: [URLPath]) -> OutputFile {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let dates = Dictionary(directory.routes.entries.map { ($0.url, SiteDirectory.date(of: $0.document)) }, uniquingKeysWith: { a, _ in a })
        for url in pageURLs.sorted() where url.rawValue.hasSuffix("/") {
            xml += "  <url><loc>\(XMLText.escaped(absolute(url)))</loc>"
            if let date = dates[url] ?? nil { xml += "<lastmod>\(date.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    func robots() -> OutputFile {
        var text = "User-agent: *\nAllow: /\n"
        if !configuration.baseURL.isEmpty { text += "Sitemap: \(configuration.absoluteURL(URLPath("/sitemap.xml")))\n" }
        return OutputFile(path: "robots.txt", text: text)
    }

    /// Atom feed of blueprints (by `updated`) and reports (by `published`), newest 30.
    func atom() -> OutputFile {
        let entries = (directory.routes.entries(of: .blueprint) + directory.routes.entries(of: .report))
            .sorted(by: SiteDirectory.newestFirst).prefix(30)
        let newest = entries.first.flatMap { SiteDirectory.date(of: $0.document) } ?? fallbackDate
        let feedID = configuration.baseURL.isEmpty ? "urn:vcc:feed" : configuration.absoluteURL(URLPath("/feed.xml"))
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escaped(configuration.language))">
          <title>\(XMLText.escaped(configuration.title)): neue Blaupausen und Berichte</title>
          <id>\(XMLText.escaped(feedID))</id>
          <updated>\(newest.rfc3339)</updated>
          <author><name>\(XMLText.escaped(configuration.publisher.isEmpty ? configuration.title : configuration.publisher))</name></author>
          <link rel="self" href="\(XMLText.escaped(absolute(URLPath("/feed.xml"))))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escaped(absolute(.root)))"/>

        """
        for entry in entries {
            let date = SiteDirectory.date(of: entry.document) ?? fallbackDate
            let id = configuration.baseURL.isEmpty ? "urn:vcc:page:" + entry.url.rawValue : absolute(entry.url)
            xml += """
              <entry>
                <title>\(XMLText.escaped(entry.document.kind.germanName + ": " + entry.document.title))</title>
                <id>\(XMLText.escaped(id))</id>
                <link rel="alternate" type="text/html" href="\(XMLText.escaped(absolute(entry.url)))"/>
                <updated>\(date.rfc3339)</updated>
                <summary>\(XMLText.escaped(entry.document.summary ?? ""))</summary>
            \(categoriesAndRights(of: entry.document))  </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", text: xml)
    }

    /// `blaupausen/katalog.json`: every blueprint's metadata for harvesting by other portals.
    func blueprintCatalogue() -> OutputFile {
        struct Item: Encodable {
            var id, title, summary, url, maturity, license, updated: String
            var municipalities, themes: [String]
            var adoptedBy: [String]
        }
        let items: [Item] = directory.routes.entries(of: .blueprint).compactMap { entry in
            guard case .blueprint(let b) = entry.document.metadata else { return nil }
            return Item(id: entry.document.id, title: entry.document.title, summary: b.summary, url: absolute(entry.url),
                        maturity: b.maturity.rawValue, license: b.license, updated: b.updated.iso,
                        municipalities: b.municipalities.map(\.id), themes: b.themes, adoptedBy: b.adoptedBy.map { $0.municipality ?? $0.name ?? "" })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["blueprints": items])) ?? Data("{}".utf8)
        return OutputFile(path: "blaupausen/katalog.json", contents: Array(data) + [0x0A])
    }

    /// An entry's themes as `category` and its licence as `rights`, so feed readers and harvesters
    /// can sort and know the terms.
    private func categoriesAndRights(of document: Document) -> String {
        var out = ""
        var spdx: String?
        switch document.metadata {
        case .blueprint(let b):
            for theme in b.themes { out += "    <category term=\"\(XMLText.escaped(Slug(theme).truncated().rawValue))\" label=\"\(XMLText.escaped(theme))\"/>\n" }
            spdx = b.license
        case .report(let r):
            spdx = r.license
        default:
            break
        }
        if let spdx {
            let text = License.named(spdx).map { "\($0.name) (\($0.url))" } ?? spdx
            out += "    <rights>\(XMLText.escaped(text))</rights>\n"
        }
        return out
    }
}
