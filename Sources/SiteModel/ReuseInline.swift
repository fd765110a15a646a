/// A piece of running text inside a ``ReuseBlock``.
public indirect enum ReuseInline: Sendable, Hashable {
    /// Plain text; line breaks and tabs in it count as spaces.
    case text(String)
    /// Emphasised (italic) text.
    case emphasis([ReuseInline])
    /// Strongly emphasised (bold) text.
    case strong([ReuseInline])
    /// Inline code, shown in a monospace font with its spaces kept.
    case code(String)
    /// A link; `url` should be absolute, as a package is read away from the site.
    case link(url: String, [ReuseInline])
    /// A hard line break inside a paragraph.
    case lineBreak
    /// Struck-through text.
    case strikethrough([ReuseInline])
}
