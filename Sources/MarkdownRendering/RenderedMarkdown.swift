public import SiteModel

/// A heading of a rendered page, for the table of contents and for link anchors.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: Slug
    public init(level: Int, text: String, id: Slug) { self.level = level; self.text = text; self.id = id }
}

/// The plain text of a page cut at its headings, so search results can point at a section.
public struct TextSection: Sendable, Hashable {
    /// The heading the text stands under; nil for the text before the first heading.
    public var heading: Heading?
    public var text: String
    public init(heading: Heading?, text: String) { self.heading = heading; self.text = text }
}

/// A Markdown body after rendering.
public struct RenderedMarkdown: Sendable {
    /// The HTML as UTF-8, as cmark wrote it (valid UTF-8, since the text was): a page takes it into
    /// its file as it is, without making a String of it.
    public var htmlBytes: [UInt8]
    /// The HTML as a String, for the few that want one (list introductions, packages).
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    public var headings: [Heading]
    public var sections: [TextSection]
    /// Broken links and other problems, located in the source file.
    public var diagnostics: [Diagnostic]
    /// Links to other pages with an `#anchor`, checked once every page's headings are known.
    public var anchoredLinks: [AnchoredLink]
}

/// A link to an anchor of another page, kept to check that the anchor exists.
public struct AnchoredLink: Sendable, Hashable {
    public var target: URLPath
    public var anchor: String
    public var location: SourceLocation
    public init(target: URLPath, anchor: String, location: SourceLocation) {
        self.target = target; self.anchor = anchor; self.location = location
    }
}

/// What a link destination in Markdown should become.
public enum LinkResolution: Sendable {
    /// Leave it as written (external URLs, mail addresses, same-page anchors).
    case unchanged
    /// Replace it; `anchorCheck` asks for the anchor to be verified on the target page.
    case rewritten(String, anchorCheck: (URLPath, String)?)
    /// The link points at nothing; the message says why and how to fix it.
    case broken(message: String, hint: String)
}
