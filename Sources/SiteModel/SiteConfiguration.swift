import Foundation
/// The validated settings of `site.yml`, with defaults for a folder that has none.
public struct SiteConfiguration: Sendable, Hashable {
    /// The site's name in the header and the title of every page.
    public var title: String
    /// One sentence about the site, for the home page and the feed.
    public var description: String
    /// The public address the site is served from, without trailing slash, for example `https://vcc.example.org`.
    public var baseURL: String
    /// The language of the content; the UI is German.
    public var language: String
    /// Raw HTML in Markdown is dropped unless a site turns it on.
    public var allowsRawHTML: Bool
    /// `publish_html_files: true`: `.html` files under `content/` are published as they are.
    public var publishesHTMLFiles = false
    /// Who runs the site, for the feed's author and the footer.
    public var publisher: String
    /// Where adoptions are reported and questions asked; nil when the site offers neither.
    public var feedback: FeedbackChannels?
    /// `synonyms:`: the site's own groups of expressions that mean the same, for the search.
    public var synonyms: [[String]] = []
    /// `colors:`: the site's own colours, checked for contrast.
    public var colors: SiteColors?
    /// `logo:`: an SVG or PNG shown in the header.
    public var logo: SiteLogo?
    /// `logo: {hell: …, dunkel: …}`: the variant shown in dark mode, when the site has one.
    public var darkLogo: SiteLogo?
    /// `notice:`: one sentence shown under the header of every page („Beispielseite – alle Angaben sind erfunden.“).
    public var notice: String?
    /// `phase:`: the service's phase banner.
    public var phase: SitePhase?
    /// `menu:`: the header's navigation; nil for the default (the sections and /nachnutzung/).
    public var menu: [MenuEntry]?
    /// `organisation:`: who is behind the site (the cities of a cooperation), for the footer.
    public var organisations: [String] = []
    /// `edit_url:` with `{path}` for a content file's path below `content/`: where staff edit a page.
    public var editURLTemplate: String?
    /// `images: {max_kb: …}`: pictures larger than this many kilobytes (1,000 bytes) are named in a
    /// warning, since staff on slow lines wait for them; 1 to any size, default 1,000 (one megabyte).
    public var maximumImageKilobytes = 1_000
    /// `data_themes:`: the EU data themes of the site's themes, for the DCAT-AP.de catalogue.
    public var dataThemes = DataThemeMapping()
    /// `review:`: when blueprints are due for review, and whether `vcc check --strict` fails on it.
    public var review = ReviewPolicy()

    public init(title: String = "Wissensbasis", description: String = "", baseURL: String = "",
                language: String = "de", allowsRawHTML: Bool = false, publisher: String = "") {
        self.title = title; self.description = description; self.baseURL = baseURL
        self.language = language; self.allowsRawHTML = allowsRawHTML; self.publisher = publisher
    }

    /// `baseURL` joined with a site path: `https://vcc.example.org/blaupausen/`.
    public func absoluteURL(_ path: URLPath) -> String { baseURL + path.rawValue }

    /// The identifier of a page in catalogue records (DCAT, AMB): its absolute URL, or a `urn:vcc:`
    /// URI where the site does not know its address (those records need a URI, not a path).
    public func recordIdentifier(_ path: URLPath) -> String { baseURL.isEmpty ? "urn:vcc:" + path.rawValue : absoluteURL(path) }

    /// The path prefix of `baseURL` (`/wiki` for `https://example.org/wiki`), for sites served below the root.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "" }
        var path = String(afterHost[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// What is wrong with `text` as the site's public address, or nil: it must be an `https` or
    /// `http` address with a host and without query, fragment or spaces (it prefixes every link).
    public static func baseURLProblem(_ text: String) -> String? {
        if let problem = WebAddress.problem(with: text, allowing: WebAddress.webSchemes) { return problem.message }
        // The base address lands unescaped in JSON Schemas, Turtle and XML namespaces of the catalogues.
        if let odd = text.first(where: { "\"<>\\`{}|^".contains($0) }) { return "`\(text)` enthält das Zeichen `\(odd)`, das in keiner Adresse stehen darf." }
        guard let components = URLComponents(string: text) else { return "`\(text)` ist keine gültige Adresse." }
        if components.query != nil || components.fragment != nil || text.contains("?") || text.contains("#") {
            return "`\(text)` darf weder `?` noch `#` enthalten."
        }
        if components.user != nil || components.password != nil { return "`\(text)` darf keine Zugangsdaten enthalten." }
        return nil
    }

    /// The address where the file at `contentPath` (below `content/`) is edited, when the site has one.
    public func editURL(contentPath: String) -> String? {
        guard let template = editURLTemplate else { return nil }
        let encoded = contentPath.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0)
        }.joined(separator: "/")
        return template.replacingOccurrences(of: "{path}", with: encoded)
    }
}
