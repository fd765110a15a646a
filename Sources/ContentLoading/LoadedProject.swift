public import SiteModel
public import FileAccess

/// Everything read from a project folder, before anything is rendered.
public struct LoadedProject: Sendable {
    public var configuration: SiteConfiguration
    /// The Markdown documents, sorted by path; files with errors are left out.
    public var documents: [Document]
    /// Other files under `content/` (images, PDFs), relative to `content/`, copied as they are.
    public var assetPaths: [String]
    /// The reader for every file of the project that reaches the output (links leaving the project refused).
    public var files: ProjectFiles
    /// Assets published in a rewritten form (SVGs without script), by path relative to `content/`.
    public var rewrittenAssets: [String: [UInt8]] = [:]
    /// The absolute path of `templates/`, when the site has one.
    public var templatesRoot: String?
    public var diagnostics: [Diagnostic]
    /// Files left out for errors in their front matter; other files may still point at them.
    public var unusableDocuments: [DocumentIdentity] = []
    /// Drafts left out because the build is without `--drafts`: a link to one says so.
    public var draftDocuments: [DocumentIdentity] = []

    public init(configuration: SiteConfiguration, documents: [Document], assetPaths: [String], files: ProjectFiles,
                templatesRoot: String?, diagnostics: [Diagnostic]) {
        self.configuration = configuration; self.documents = documents; self.assetPaths = assetPaths
        self.templatesRoot = templatesRoot; self.diagnostics = diagnostics
        self.files = files
    }
}
