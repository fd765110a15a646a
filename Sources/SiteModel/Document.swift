/// One Markdown file of `content/`, parsed and typed, not yet rendered.
public struct Document: Sendable, Hashable {
    /// The path relative to the project folder, for example `content/blaupausen/posteingang.md`.
    public var sourcePath: String
    /// The path relative to `content/`, for example `blaupausen/posteingang.md`.
    public var contentPath: String
    /// The id other documents use to point here: the file name without `.md`, or the folder for `index.md`.
    public var id: String
    public var title: String
    public var metadata: DocumentMetadata
    /// Drafts are left out unless the build asks for them.
    public var isDraft: Bool
    /// The Markdown after the front matter.
    public var body: String
    /// The line of `content/...` where `body` starts, so Markdown lines map back to the file.
    public var bodyFirstLine: Int
    /// The line of each front-matter key in the file, for messages about a field after loading.
    public var fieldLines: [String: Int] = [:]

    public init(sourcePath: String, contentPath: String, id: String, title: String, metadata: DocumentMetadata,
                isDraft: Bool, body: String, bodyFirstLine: Int) {
        self.sourcePath = sourcePath; self.contentPath = contentPath; self.id = id; self.title = title
        self.metadata = metadata; self.isDraft = isDraft; self.body = body; self.bodyFirstLine = bodyFirstLine
    }

    public var kind: ContentKind { metadata.kind }

    /// The one-sentence summary, where the type has one.
    public var summary: String? {
        switch metadata {
        case .blueprint(let b): b.summary
        case .report(let r): r.summary
        case .course(let c): c.summary
        case .project(let p): p.summary
        case .municipality(let m): m.summary
        case .page(let p): p.summary
        case .dataset(let d): d.summary
        case .cluster(let c): c.summary
        case .module: nil
        case .event(let e): e.summary
        }
    }

    /// The competence cluster a blueprint, project or course names in `cluster:`.
    public var cluster: Reference? {
        switch metadata {
        case .blueprint(let b): b.cluster
        case .project(let p): p.cluster
        case .course(let c): c.cluster
        default: nil
        }
    }

    /// The folder of `contentPath` (empty at the top), for resolving relative links.
    public var contentFolder: String {
        guard let slash = contentPath.lastIndex(of: "/") else { return "" }
        return String(contentPath[..<slash])
    }
}
