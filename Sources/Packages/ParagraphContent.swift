import SiteModel
/// Writes ``ReuseInline`` content as the inside of an ODF paragraph: text, spans with automatic
/// text styles, links and line breaks; and remembers which formats it used.
struct ParagraphContent {
    /// Every combination of formats written so far; each needs an automatic style.
    private(set) var usedFormats: Set<TextFormat> = []

    /// A piece of text with everything that applies to it, after the inline tree is flattened.
    private struct Run {
        enum Piece {
            /// Running text: its whitespace may collapse, as in HTML.
            case text(String)
            /// Code: every space, tab and line break is kept.
            case code(String)
            case lineBreak
        }
        let piece: Piece
        let format: TextFormat
        let link: String?
    }

    /// The paragraph content for `inlines`.
    mutating func xml(for inlines: [ReuseInline]) -> String {
        var runs: [Run] = []
        Self.flatten(inlines, format: [], link: nil, into: &runs)
        var out = ""
        var start = 0
        // Runs with the same link share one text:a: ODF links cannot nest and must not split.
        while start < runs.count {
            let link = runs[start].link
            var end = start + 1
            while end < runs.count && runs[end].link == link { end += 1 }
            let spans = spansXML(runs[start..<end])
            if let link {
                out += #"<text:a xlink:type="simple" xlink:href="\#(XMLText.escaped(Self.packageHref(link)))""#
                    + #" text:style-name="Internet_20_link" text:visited-style-name="Visited_20_Internet_20_Link">"#
                    + spans + "</text:a>"
            } else {
                out += spans
            }
            start = end
        }
        return out
    }

    /// `link` as ODF reads it: a relative address is resolved against the document's package as
    /// if that were a folder (ODF 1.2, part 3, 3.7), so a file beside the `.odt` is `../name`.
    static func packageHref(_ link: String) -> String {
        let scheme = link.prefix { $0 != ":" && $0 != "/" && $0 != "#" && $0 != "?" }
        let isAbsolute = scheme.count < link.count && link.dropFirst(scheme.count).first == ":"
        return isAbsolute || link.hasPrefix("/") || link.hasPrefix("#") ? link : "../" + link
    }

    private static func flatten(_ inlines: [ReuseInline], format: TextFormat, link: String?, into runs: inout [Run]) {
        for inline in inlines {
            switch inline {
            case .text(let text): runs.append(Run(piece: .text(text), format: format, link: link))
            case .code(let code): runs.append(Run(piece: .code(code), format: format.union(.code), link: link))
            case .lineBreak: runs.append(Run(piece: .lineBreak, format: format, link: link))
            case .emphasis(let inner): flatten(inner, format: format.union(.emphasis), link: link, into: &runs)
            case .strong(let inner): flatten(inner, format: format.union(.strong), link: link, into: &runs)
            case .strikethrough(let inner): flatten(inner, format: format.union(.strikethrough), link: link, into: &runs)
            case .link(let url, let inner):
                // An empty address would make an invalid text:a; the words stay as plain text.
                flatten(inner, format: format, link: url.isEmpty ? link : url, into: &runs)
            }
        }
    }

    private mutating func spansXML(_ runs: ArraySlice<Run>) -> String {
        var out = ""
        var start = runs.startIndex
        while start < runs.endIndex {
            let format = runs[start].format
            var end = start + 1
            while end < runs.endIndex && runs[end].format == format { end += 1 }
            let content = runs[start..<end].map { Self.pieceXML($0.piece) }.joined()
            if format.isEmpty {
                out += content
            } else {
                usedFormats.insert(format)
                out += #"<text:span text:style-name="\#(format.styleName)">"# + content + "</text:span>"
            }
            start = end
        }
        return out
    }

    private static func pieceXML(_ piece: Run.Piece) -> String {
        switch piece {
        case .text(let text):
            // ODF collapses whitespace like HTML does; soft line breaks become spaces.
            XMLText.escaped(String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
        case .code(let code): preservedXML(code)
        case .lineBreak: "<text:line-break/>"
        }
    }

    /// `text` with its whitespace kept: ODF collapses runs of spaces and drops them at the start of
    /// a line, so every space not directly after a visible character becomes `text:s`, tabs
    /// `text:tab` and line breaks `text:line-break` (ODF 1.2, part 1, 6.1.2-6.1.4).
    static func preservedXML(_ text: String) -> String {
        var out = ""
        var pendingSpaces = 0
        var afterCharacter = false
        func flushSpaces() {
            guard pendingSpaces > 0 else { return }
            var extra = pendingSpaces
            if afterCharacter {
                out += " "
                extra -= 1
            }
            if extra == 1 { out += "<text:s/>" } else if extra > 1 { out += #"<text:s text:c="\#(extra)"/>"# }
            pendingSpaces = 0
        }
        for character in text {
            switch character {
            case " ":
                pendingSpaces += 1
            case "\t", "\n", "\r\n", "\r":
                flushSpaces()
                out += character == "\t" ? "<text:tab/>" : "<text:line-break/>"
                afterCharacter = false
            default:
                flushSpaces()
                out += XMLText.escaped(String(character))
                afterCharacter = true
            }
        }
        flushSpaces()
        return out
    }
}
