public import SiteModel
public import SiteSnapshot

/// `feed.xml`: an Atom feed of blueprints (by `updated`) and reports (by `published`), newest 30.
public struct AtomFeed: SiteOutput {
    public init() {}

    public static let path = "feed.xml"

    public func claims(_ directory: SiteDirectory) -> [OutputClaim] { [.generatedFile(Self.path)] }

    public func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
        let configuration = site.configuration
        let addresses = site.addresses
        let entries = (site.routes.entries(of: .blueprint) + site.routes.entries(of: .report))
            .sorted(by: SiteDirectory.newestFirst).prefix(30)
        let newest = entries.first.flatMap { SiteDirectory.date(of: $0.document) } ?? site.fallbackDate
        let feedID = addresses.canonical(URLPath("/" + Self.path)) ?? "urn:vcc:feed"
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escaped(configuration.language))">
          <title>\(XMLText.escaped(configuration.title)): neue Blaupausen und Berichte</title>
          <id>\(XMLText.escaped(feedID))</id>
          <updated>\(newest.rfc3339)</updated>
          <author><name>\(XMLText.escaped(configuration.publisher.isEmpty ? configuration.title : configuration.publisher))</name></author>
          <link rel="self" href="\(XMLText.escaped(addresses.absolute(URLPath("/" + Self.path))))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escaped(addresses.absolute(.root)))"/>

        """
        for entry in entries {
            let date = SiteDirectory.date(of: entry.document) ?? site.fallbackDate
            let id = addresses.canonical(entry.url) ?? "urn:vcc:page:" + entry.url.rawValue
            xml += """
              <entry>
                <title>\(XMLText.escaped(entry.document.kind.germanName + ": " + entry.document.title))</title>
                <id>\(XMLText.escaped(id))</id>
                <link rel="alternate" type="text/html" href="\(XMLText.escaped(addresses.absolute(entry.url)))"/>
                <updated>\(date.rfc3339)</updated>
                <summary>\(XMLText.escaped(entry.document.summary ?? ""))</summary>
            \(categoriesAndRights(of: entry.document))  </entry>

            """
        }
        xml += "</feed>\n"
        try sink.accept(OutputFile(path: Self.path, text: xml))
    }

    /// An entry's themes as `category` and its licence as `rights`, so feed readers and harvesters
    /// can sort and know the terms.
    private func categoriesAndRights(of document: Document) -> String {
        var out = ""
        var license: License?
        switch document.metadata {
        case .blueprint(let b):
            for theme in b.themes { out += "    <category term=\"\(XMLText.escaped(Slug(theme).truncated().rawValue))\" label=\"\(XMLText.escaped(theme))\"/>\n" }
            license = b.license
        case .report(let r):
            license = r.license
        default:
            break
        }
        if let license {
            out += "    <rights>\(XMLText.escaped("\(license.name) (\(license.url))"))</rights>\n"
        }
        return out
    }
}
