/// What is known of a Markdown file whose front matter has errors: enough for other files to
/// point at it without being told that it does not exist. Only the file's own errors are reported.
public struct DocumentIdentity: Sendable, Hashable {
    public var kind: ContentKind
    public var id: String
    /// Relative to `content/`.
    public var contentPath: String

    public init(kind: ContentKind, id: String, contentPath: String) {
        self.kind = kind; self.id = id; self.contentPath = contentPath
    }
}
