import CCmarkGFM
public import SiteModel

/// What compiles but hurts readers, found in a Markdown text: images without alternative text,
/// headings that skip a level, and links whose text says nothing ("hier", "mehr"). For `vcc check`.
public enum MarkdownQualityCheck {
    /// Link texts that say nothing about the target for someone who hears only the links of a page.
    static let meaninglessLinkTexts: Set<String> = [
        "hier", "hier klicken", "klicken sie hier", "klick hier", "mehr", "mehr erfahren", "weiter", "weiterlesen",
        "link", "dieser link", "diesen link", "here", "click here", "more", "read more", "details", "seite", "->", "»",
    ]

    /// The findings in `markdown`, whose first line is line `firstLine` of `file`.
    /// - Parameter titleLevel: the level of the page's title, which the body's headings continue (1).
    public static func findings(in markdown: String, file: String, firstLine: Int) -> [Diagnostic] {
        MarkdownRenderer.withSyntaxTree(of: markdown) { findings(root: $0, file: file, firstLine: firstLine) }
    }

    /// The findings in a tree already parsed (see ``ParsedMarkdown/qualityFindings()``).
    static func findings(root: OpaquePointer, file: String, firstLine: Int) -> [Diagnostic] {
        var visitor = Visitor(file: file, firstLine: firstLine)
        TreeWalk.forEachNode(under: root) { visitor.visit($0, type: $1) }
        return visitor.found
    }

    /// The check node by node, so that a page's render can run it in the same walk as its other
    /// checks (each walk over a law's syntax tree costs about one percent of a build).
    struct Visitor {
        let file: String
        let firstLine: Int
        private(set) var found: [Diagnostic] = []
        private var previousLevel = 1

        init(file: String, firstLine: Int) {
            self.file = file
            self.firstLine = firstLine
        }

        private func location(_ node: OpaquePointer) -> SourceLocation {
            guard let start = NodeStart.of(node) else { return SourceLocation(file: file, line: firstLine) }
            return SourceLocation(file: file, line: start.line + firstLine - 1, column: start.column)
        }

        mutating func visit(_ node: OpaquePointer, type: cmark_node_type) {
            switch type {
            case CMARK_NODE_IMAGE:
                if text(of: node).trimmingCharacters(in: .whitespaces).isEmpty {
                    found.append(.warning(at: location(node), "Bild ohne Alternativtext: wer die Seite vorgelesen bekommt, erfährt nicht, was es zeigt.",
                                          hint: "Beschreibe es in den eckigen Klammern: `![Ablauf des Posteingangs in fünf Schritten](bild.png)`."))
                }
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                if level > previousLevel + 1 {
                    found.append(.warning(at: location(node), "Überschrift der Ebene \(level) folgt auf Ebene \(previousLevel): eine Ebene fehlt.",
                                          hint: "Nimm `" + String(repeating: "#", count: previousLevel + 1) + "`; Screenreader springen über die Gliederung."))
                }
                previousLevel = level
            case CMARK_NODE_LINK:
                let label = text(of: node).trimmingCharacters(in: .whitespaces)
                if label.isEmpty || meaninglessLinkTexts.contains(label.lowercased()) {
                    found.append(.warning(at: location(node), label.isEmpty ? "Link ohne Text." : "Linktext „\(label)“ sagt nicht, wohin er führt.",
                                          hint: "Nenne das Ziel: `[Checkliste Barrierefreiheit](…)` statt `[hier](…)`."))
                }
            default:
                break
            }
        }
    }

    private static func text(of node: OpaquePointer) -> String { SyntaxTreeWalker.plainText(of: node) }

    /// Every `http(s)://` link and image address in `markdown`, with its place, for `vcc check --external`.
    public static func externalLinks(in markdown: String, file: String, firstLine: Int) -> [(url: String, location: SourceLocation)] {
        MarkdownRenderer.withSyntaxTree(of: markdown) { root in
            var found: [(url: String, location: SourceLocation)] = []
            guard let iterator = cmark_iter_new(root) else { return [] }
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let pointer = cmark_node_get_url(node) else { continue }
                let url = String(cString: pointer)
                guard url.hasPrefix("https://") || url.hasPrefix("http://") else { continue }
                var current: OpaquePointer? = node
                var location = SourceLocation(file: file, line: firstLine)
                while let candidate = current {
                    let line = Int(cmark_node_get_start_line(candidate))
                    if line > 0 {
                        location = SourceLocation(file: file, line: line + firstLine - 1, column: Int(cmark_node_get_start_column(candidate)))
                        break
                    }
                    current = cmark_node_parent(candidate)
                }
                found.append((url, location))
            }
            return found
        }
    }
}
