import Foundation
import CCmarkGFM
import SiteModel

/// Markdown that cmark renders without complaint but not as its author meant: a table pasted
/// from Excel or without its `|---|` row (one paragraph), a row with a cell too many (the cell
/// is dropped), raw HTML on a site without `allow_raw_html` (dropped), a link whose path holds
/// spaces (shown as raw Markdown) and a second `# H1` (two main headings on the page).
///
/// Staff cannot see in the source that anything went wrong, so every case is said at its place;
/// what loses text is an error, what only looks wrong a warning.
struct SilentLossCheck {
    let file: String
    let lineOffset: Int
    let markdown: String
    let allowsRawHTML: Bool

    /// What the check has seen so far in a walk.
    struct State {
        var found: [Diagnostic] = []
        var sourceLines: [Substring]?
        var mainHeadings = 0
        var titleNodes: Set<OpaquePointer> = []  // A notice box's title shows inline HTML as text.
    }

    /// Checks one node of a walk in document order over the tree as the parser left it (before the
    /// title is dropped); ``ParsedMarkdown`` runs this and the quality check in one walk.
    func visit(_ node: OpaquePointer, type: cmark_node_type, state: inout State) {
        if type == CMARK_NODE_PARAGRAPH {
            state.found += paragraphFindings(node)
        } else if type == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
            state.mainHeadings += 1
            if state.mainHeadings > 1 {
                state.found.append(.warning(at: location(of: node), "Zweite Hauptüberschrift `# \(SyntaxTreeWalker.plainText(of: node))`: die Seite hätte zwei `<h1>`.",
                                            hint: "Eine Seite hat eine Hauptüberschrift (den Titel); nimm `## ` für Abschnitte."))
            }
        } else if type == CMARK_NODE_BLOCK_QUOTE, case .notice(_, _?, let lineNodes, _)? = NoticeMarker.read(node) {
            state.titleNodes.formUnion(lineNodes)
        } else if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE, !allowsRawHTML, !state.titleNodes.contains(node) {
            state.found += htmlFindings(node, block: type == CMARK_NODE_HTML_BLOCK)
        } else if Self.isExtensionBlock(type), let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 {
            // Compared in place: every text node of a page passes here, and a String for each was 1 % of a build.
            if state.sourceLines == nil { state.sourceLines = markdown.split(separator: "\n", omittingEmptySubsequences: false) }
            state.found += extraCellFindings(node, lines: state.sourceLines ?? [])
        }
    }

    /// Whether `type` is a block type an extension added (a table is one), not one of cmark's own
    /// nor any inline type. Asking only these for their name spares every text node of every page
    /// a call and a string comparison (half a percent of a laws build).
    static func isExtensionBlock(_ type: cmark_node_type) -> Bool {
        let raw = Int32(type.rawValue)
        return raw & CMARK_NODE_TYPE_MASK == CMARK_NODE_TYPE_BLOCK
            && raw & ~CMARK_NODE_TYPE_MASK > Int32(CMARK_NODE_FOOTNOTE_DEFINITION.rawValue) & ~CMARK_NODE_TYPE_MASK
    }

    private func location(of node: OpaquePointer, lineDelta: Int = 0, column: Int? = nil) -> SourceLocation {
        guard let start = NodeStart.of(node) else { return SourceLocation(file: file, line: lineOffset + 1) }
        return SourceLocation(file: file, line: start.line + lineOffset + lineDelta, column: column ?? start.column)
    }

    /// Tab-separated or pipe lines that became a paragraph, and links broken by a space.
    private func paragraphFindings(_ paragraph: OpaquePointer) -> [Diagnostic] {
        // Every finding needs a tab, a `|` or the `]` of `](` in the text; nearly no paragraph has
        // one, and those are answered without the lines below (their arrays were 1 % of a laws build).
        guard Self.mayHaveFindings(paragraph) else { return [] }
        // The paragraph's lines (soft breaks end them), scanned in place, byte by byte: every page of
        // a large site passes here, and building Strings of all of the laws' 166 MB nearly doubled
        // the time to render them. Only a line with `](` is copied, to look at the link in it.
        struct Line { var tab = false; var pipes = 0; var startsWithPipe = false; var started = false; var linkEnd = false }
        var lines: [Line] = []
        var current = Line()
        var linkLines: Set<Int> = []
        var previous: UInt8 = 0
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                lines.append(current)
                current = Line()
                previous = 0
            } else if let literal = cmark_node_get_literal(node) {
                let count = strlen(literal)
                literal.withMemoryRebound(to: UInt8.self, capacity: count) { start in
                    // Most text has none of the bytes looked for: memchr-speed checks first.
                    let bytes = UnsafeBufferPointer(start: start, count: count)
                    if !current.started, let first = bytes.first { current.started = true; current.startsWithPipe = first == 0x7C }
                    if previous == 0x5D, bytes.first == 0x28 { current.linkEnd = true }
                    if memchr(start, 0x09, count) != nil { current.tab = true }
                    if memchr(start, 0x7C, count) != nil { current.pipes += bytes.lazy.filter { $0 == 0x7C }.count }
                    if !current.linkEnd, memchr(start, 0x5D, count) != nil {
                        for index in 1..<max(count, 1) where bytes[index - 1] == 0x5D && bytes[index] == 0x28 { current.linkEnd = true; break }
                    }
                    previous = bytes.last ?? previous
                }
            } else {
                // A link or emphasis: no table text, but not nothing.
                current.started = true
                previous = 0x01
            }
            if current.linkEnd { linkLines.insert(lines.count) }
            child = cmark_node_next(node)
        }
        lines.append(current)
        var found: [Diagnostic] = []
        if lines.lazy.filter(\.tab).count >= 2 {
            found.append(.warning(at: location(of: paragraph), "Tabelle aus Excel? Die Zeilen sind mit Tabulatoren getrennt und erscheinen als ein Absatz.",
                                  hint: "So sieht eine Markdown-Tabelle aus:\n    | Spalte A | Spalte B |\n    |---|---|"))
        } else if lines.lazy.filter({ $0.startsWithPipe && $0.pipes >= 2 }).count >= 2 {
            found.append(.warning(at: location(of: paragraph), "Die Tabelle hat keine Trennzeile `|---|` unter der Kopfzeile und erscheint als Absatz voller `|`.",
                                  hint: "Setze unter die erste Zeile eine Trennzeile mit einem `---` je Spalte, zum Beispiel `|---|---|`."))
        }
        guard !linkLines.isEmpty else { return found }
        let texts = Self.lineTexts(of: paragraph)
        for index in linkLines.sorted() where index < texts.count {
            let line = texts[index]
            if let column = Self.linkWithSpaces(in: line) {
                found.append(.error(at: location(of: paragraph, lineDelta: index, column: index == 0 ? Int(cmark_node_get_start_column(paragraph)) + column : column + 1),
                                    "Der Link enthält ein Leerzeichen im Pfad und erscheint als Markdown-Text statt als Link.",
                                    hint: "Schreibe den Pfad in spitze Klammern `[Text](<mein dokument.pdf>)`, ersetze das Leerzeichen durch `%20` oder benenne die Datei ohne Leerzeichen um."))
            }
        }
        return found
    }

    /// Whether any text of the paragraph holds a tab, `|` or `]`.
    static func mayHaveFindings(_ paragraph: OpaquePointer) -> Bool {
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            if let literal = cmark_node_get_literal(node) {
                let count = strlen(literal)
                if memchr(literal, 0x09, count) != nil || memchr(literal, 0x7C, count) != nil || memchr(literal, 0x5D, count) != nil {
                    return true
                }
            }
            child = cmark_node_next(node)
        }
        return false
    }

    /// The paragraph's lines as text (a link or emphasis as U+0001), for the rare paragraph with `](`.
    private static func lineTexts(of paragraph: OpaquePointer) -> [String] {
        var lines: [String] = [""]
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                lines.append("")
            } else if let literal = cmark_node_get_literal(node) {
                lines[lines.count - 1] += String(cString: literal)
            } else {
                lines[lines.count - 1] += "\u{1}"
            }
            child = cmark_node_next(node)
        }
        return lines
    }

    /// The offset (0-based, in characters) of a `[text](path with space)` that cmark left as text.
    static func linkWithSpaces(in line: String) -> Int? {
        let characters = Array(line)
        var index = 0
        while index + 1 < characters.count {
            defer { index += 1 }
            guard characters[index] == "]", characters[index + 1] == "(" else { continue }
            guard let close = characters[(index + 2)...].firstIndex(of: ")") else { return nil }
            let inside = characters[(index + 2)..<close]
            // `(datei.pdf "Titel")` is a link with a title, which cmark reads fine.
            guard inside.contains(" "), !inside.contains("\""), !inside.contains("<"), inside.first != " " else { continue }
            guard let open = characters[..<index].lastIndex(of: "[") else { continue }
            return open
        }
        return nil
    }

    /// Raw HTML, which cmark replaces with `<!-- raw HTML omitted -->` unless the site allows it.
    private func htmlFindings(_ node: OpaquePointer, block: Bool) -> [Diagnostic] {
        guard let literal = cmark_node_get_literal(node) else { return [] }
        let html = String(cString: literal)
        // Comments are meant to be invisible, and closing tags belong to an opening one already said.
        guard html.hasPrefix("<"), !html.hasPrefix("<!--"), !html.hasPrefix("</") else { return [] }
        let tag = String(html.dropFirst().prefix { $0.isLetter || $0.isNumber }).lowercased()
        guard !tag.isEmpty else { return [] }
        let message = block
            ? "HTML `<\(tag)>` wird weggelassen: der Text darin erscheint nicht auf der Seite."
            : "HTML `<\(tag)>` wird weggelassen: die Formatierung fehlt auf der Seite."
        let hint = (Self.markdownAlternatives[tag] ?? "Schreibe es in Markdown")
            + " (oder erlaube HTML mit `allow_raw_html: true` in site.yml)."
        return [block ? .error(at: location(of: node), message, hint: hint) : .warning(at: location(of: node), message, hint: hint)]
    }

    static let markdownAlternatives: [String: String] = [
        "div": "Schreibe den Text als Absatz, einen Hinweiskasten als Zitat mit Markierung: `> [!HINWEIS]`, darunter `> Text`",
        "p": "Schreibe den Text als Absatz, getrennt durch eine Leerzeile",
        "span": "Schreibe den Text ohne `<span>`, Hervorhebungen als `**fett**`",
        "b": "Schreibe `**fett**`", "strong": "Schreibe `**fett**`", "i": "Schreibe `*kursiv*`", "em": "Schreibe `*kursiv*`",
        "br": "Für einen Zeilenumbruch setze `\\` ans Zeilenende",
        "a": "Schreibe einen Link als `[Text](ziel.md)`", "img": "Schreibe ein Bild als `![Beschreibung](bild.png)`",
        "table": "Schreibe eine Markdown-Tabelle: `| A | B |`, darunter `|---|---|`",
        "ul": "Schreibe eine Liste mit `- ` am Zeilenanfang", "ol": "Schreibe eine Liste mit `1. ` am Zeilenanfang",
        "h1": "Schreibe `# Überschrift`", "h2": "Schreibe `## Überschrift`", "h3": "Schreibe `### Überschrift`",
    ]

    /// Rows with more cells than the header: cmark drops the extra cells without a word.
    private func extraCellFindings(_ table: OpaquePointer, lines: [Substring]) -> [Diagnostic] {
        let first = Int(cmark_node_get_start_line(table)), last = Int(cmark_node_get_end_line(table))
        guard first > 0, last <= lines.count, first <= last else { return [] }
        let header = Self.cellStarts(in: lines[first - 1]).count
        var found: [Diagnostic] = []
        for number in (first + 1)...last where number - 1 < lines.count {
            let starts = Self.cellStarts(in: lines[number - 1])
            guard starts.count > header else { continue }
            let dropped = starts.count - header
            found.append(.error(
                at: SourceLocation(file: file, line: number + lineOffset, column: starts[header] + 1),
                "Die Zeile hat \(starts.count) Zellen, die Kopfzeile nur \(header): \(dropped == 1 ? "die letzte Zelle fehlt" : "die letzten \(dropped) Zellen fehlen") auf der Seite.",
                hint: "Ergänze die Kopfzeile und die Trennzeile um \(dropped == 1 ? "eine Spalte" : "\(dropped) Spalten") oder entferne das überzählige `|`."))
        }
        return found
    }

    /// The 0-based offsets where the cells of a table line begin (after `|`, escaped `\|` excepted).
    static func cellStarts(in line: Substring) -> [Int] {
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] == " " || characters[index] == ">" || characters[index] == "\t" { index += 1 }
        var starts: [Int] = []
        if index < characters.count, characters[index] == "|" { index += 1 }
        starts.append(index)
        var escaped = false
        while index < characters.count {
            let character = characters[index]
            index += 1
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { starts.append(index) }
        }
        // A trailing `|` closes the row instead of starting a cell.
        if let last = starts.last, characters[last...].allSatisfy({ $0 == " " || $0 == "\t" }), starts.count > 1 { starts.removeLast() }
        return starts
    }
}
