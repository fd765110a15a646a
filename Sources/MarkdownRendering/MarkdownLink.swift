public import SiteModel

/// A link or image of a Markdown text, with where cmark's syntax tree says it is written.
public struct MarkdownLink: Sendable, Hashable {
    /// The destination as cmark read it (escapes and `<…>` removed), as a resolver is given it.
    public var destination: String
    public var isImage: Bool
    /// The line (and column where known) of the link in its file.
    public var location: SourceLocation
    /// UTF-8 offsets in the text: the whole link (`[text](dest)`, `![alt](src)`, `[text][label]`);
    /// nil for autolinks, which have no brackets, and where the tree's positions did not lead to one.
    var span: Range<Int>?
    /// The link's text between its brackets.
    var text: Range<Int>?
    /// The destination as written between `(` and a title or `)`, inside `<…>` when it has them;
    /// nil for reference links, whose destination stands in their definition.
    var written: Range<Int>?
}
