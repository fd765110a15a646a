public import SiteModel

/// Everything read from a project folder, before anything is rendered.
public struct LoadedProject: Sendable {
    public var configuration: SiteConfiguration
    /// The Markdown documents, sorted by path; files with errors are left out.
    public var documents: [Document]
    /// Other files under `content/` (images, PDFs), relative to `content/`, copied as they are.
    public var assetPaths: [String]
    /// The absolute path of `content/`, to read assets from.
    public var contentRoot: String
    /// The absolute path of `templates/`, when the site has one.
    public var templatesRoot: String?
    public var diagnostics: [Diagnostic]
    /// Files left out for errors in their front matter; other files may still point at them.
    public var unusableDocuments: [DocumentIdentity] = []

    public init(configuration: SiteConfiguration, documents: [Document], assetPaths: [String],
                contentRoot: String, templatesRoot: String?, diagnostics: [Diagnostic]) {
        self.configuration = configuration; self.documents = documents; self.assetPaths = assetPaths
        self.contentRoot = contentRoot; self.templatesRoot = templatesRoot; self.diagnostics = diagnostics
    }
}
