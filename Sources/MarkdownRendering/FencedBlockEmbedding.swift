public import SiteModel

/// What fenced blocks of one info word (```` ```diagramm ````) become: markup vcc makes from the
/// block's text (a chart drawn from a data set), never the author's own HTML, so content cannot
/// forge markup through it.
public struct FencedBlockEmbedding: Sendable {
    /// The info word that marks the blocks (`diagramm`).
    public let info: String
    /// The HTML for one block (nil when it cannot be made: the block stays code) and the problems
    /// with it; called with the block's text, the place of its opening fence, and its number on
    /// the page (1, 2, …) for ids that must be unique there.
    public let embed: @Sendable (_ literal: String, _ fence: SourceLocation, _ number: Int) -> (html: String?, diagnostics: [Diagnostic])
    /// The block for formats other than HTML (the reuse package's OpenDocument text); nil keeps it code.
    public let outline: (@Sendable (_ literal: String) -> [ReuseBlock]?)?

    public init(info: String, embed: @escaping @Sendable (String, SourceLocation, Int) -> (html: String?, diagnostics: [Diagnostic]),
                outline: (@Sendable (String) -> [ReuseBlock]?)? = nil) {
        self.info = info
        self.embed = embed
        self.outline = outline
    }
}
