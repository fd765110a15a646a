public import SiteModel

/// Every address the site publishes, each defined once: the link to a page, its canonical
/// address, the identifier catalogue records need, a theme asset and a download, plus the output
/// paths of the files vcc makes beside a page.
public struct SiteAddresses: Sendable {
    /// `https://example.org/kb` without a trailing slash; empty when the site does not know its address.
    public let baseURL: String
    /// The path prefix of `baseURL` (`/kb`), for sites served below the root; empty at the root.
    public let basePath: String
    /// `assets/<fingerprint>/`: the theme's folder below the output folder (see `ThemeAssets`).
    public let assetsFolder: String

    public init(configuration: SiteConfiguration, assetsFolder: String) {
        baseURL = configuration.baseURL
        basePath = configuration.basePath
        self.assetsFolder = assetsFolder
    }

    /// The link to a page from another page of the site: `/kb/blaupausen/x/`.
    public func page(_ url: URLPath) -> String { basePath + url.rawValue }

    /// The page's canonical address (`<link rel="canonical">`), only when the site knows its address.
    public func canonical(_ url: URLPath) -> String? { baseURL.isEmpty ? nil : baseURL + url.rawValue }

    /// As absolute as the site allows: the canonical address, else the page link. Feeds,
    /// catalogues, packages and structured data use it, so they work on any host that serves the site.
    public func absolute(_ url: URLPath) -> String { canonical(url) ?? page(url) }

    /// The identifier of a page in catalogue records (DCAT, AMB): its canonical address, or a
    /// `urn:vcc:` URI where the site does not know its address (those records need a URI, not a path).
    public func recordIdentifier(_ url: URLPath) -> String { canonical(url) ?? "urn:vcc:" + url.rawValue }

    /// `/kb/assets/<fingerprint>`: what templates read as `{{site.assets}}`.
    public var assets: String { basePath + "/" + String(assetsFolder.dropLast()) }

    /// A file vcc writes, by its path below the output folder, as a link from the site: `/kb/katalog/amb.json`.
    public func download(_ outputPath: String) -> String { basePath + "/" + outputPath }

    /// A file vcc writes, as absolute as the site allows (for catalogues and packages).
    public func absoluteDownload(_ outputPath: String) -> String { absolute(URLPath("/" + outputPath)) }

    /// A file of `content/` published as it is, by its path below `content/`, percent-encoded.
    public func contentFile(_ contentPath: String) -> URLPath {
        URLPath("/" + (contentPath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? contentPath))
    }
}

extension RouteTable.Entry {
    /// `blaupausen/posteingang/posteingang.md`: where a blueprint's Markdown is offered for download.
    public var markdownPath: String { folderPath + fileStem + ".md" }

    /// `blaupausen/posteingang/posteingang.zip`: a blueprint's reuse package.
    public var packagePath: String { folderPath + fileStem + ".zip" }

    /// `blaupausen/posteingang/publiccode.yml`: the publiccode.yml of a blueprint that names software.
    public var publiccodePath: String { folderPath + "publiccode.yml" }

    /// `qualifizierung/kurs/amb.json`: a course's AMB record.
    public var ambPath: String { folderPath + "amb.json" }

    /// The page's folder below the output folder, with a trailing slash (`blaupausen/posteingang/`).
    private var folderPath: String { String(url.rawValue.dropFirst()) }
}

extension SiteAddresses {
    /// A link the link resolver made (`/kb/blaupausen/x/#ziele`) as a full URL where the site
    /// knows its address; other links (`https://…`, `#ziele`) as they are. For packages, which
    /// are read away from the site.
    public func absolute(href: String) -> String {
        guard !baseURL.isEmpty, href.hasPrefix("/") else { return href }
        return baseURL + (href.hasPrefix(basePath) ? String(href.dropFirst(basePath.count)) : href)
    }
}
