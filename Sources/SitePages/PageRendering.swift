public import MarkdownRendering
public import SiteModel

/// One document's rendered page and what later steps need of it.
public struct PageRendering: Sendable {
    /// The page; nil once written, so a build does not hold every page in memory.
    public var file: OutputFile?
    public var url: URLPath
    /// The `id`s the finished page has, for links to its anchors.
    public var headingIDs: Set<String>
    public var anchoredLinks: [AnchoredLink]
    public var diagnostics: [Diagnostic]
    public var search: SearchDocument
}
