/// A block of a reuse document's body: the subset of CommonMark + GFM that blueprints use.
public indirect enum ReuseBlock: Sendable, Hashable {
    /// A heading of level 1 to 6 (other levels are clamped by the writers).
    case heading(level: Int, [ReuseInline])
    /// A paragraph.
    case paragraph([ReuseInline])
    /// A bulleted list; each item is a list of blocks (a tight item is one paragraph).
    case bulletList([[ReuseBlock]])
    /// A numbered list whose first item carries the number `start`.
    case orderedList(start: Int, [[ReuseBlock]])
    /// A table: one header row and body rows of cells; rows shorter than the longest are padded
    /// with empty cells by the writers.
    case table(header: [[ReuseInline]], rows: [[[ReuseInline]]])
    /// Preformatted text, shown in a monospace font with spaces and line breaks kept.
    case code(String)
    /// A block quote.
    case quote([ReuseBlock])
    /// A thematic break (horizontal rule).
    case rule
}
