import Glibc
import SiteModel

/// Refuses GFM tables that cmark-gfm 0.29 (Debian's) would take minutes and megabytes to render.
///
/// cmark-gfm fills every row of a table up to the number of columns of its delimiter row, so a
/// 12 KB page with a 2,000-column header and 2,000 short lines below it becomes four million
/// cells, 40 MB of HTML and a quarter of a minute of work (newer cmark-gfm releases cap this the
/// same way). A table over the limits is an error at its delimiter row, and that row is taken out
/// of the text handed to cmark, so the lines render as a paragraph instead.
struct TableSizeGuard {
    /// Columns a table may have. Real tables of a knowledge base have a dozen; 200 leaves room.
    static let maximumColumns = 200
    /// Cells (columns × rows) a table may have: about a megabyte of HTML.
    static let maximumCells = 100_000

    /// The Markdown to hand to cmark (the input itself when every table is within the limits).
    private(set) var markdown: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Whether the Markdown has at least one table (a delimiter row under a line).
    private(set) var containsTables = false

    init(markdown: String, file: String, firstLine: Int) {
        self.markdown = markdown
        // Fast path: no table without a delimiter row, a line of only '|', '-', ':' and blanks.
        guard Self.mayContainDelimiterRow(markdown) else { return }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var fence: Substring?
        var changed = false
        for index in lines.indices {
            let line = Self.withoutContainerMarks(lines[index])
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = line.prefix(3)
                continue
            }
            guard let columns = Self.delimiterColumns(line), index > 0 else { continue }
            containsTables = true
            var rows = 1
            while index + rows < lines.count, !Self.withoutContainerMarks(lines[index + rows]).allSatisfy(\.isWhitespace) { rows += 1 }
            guard columns > Self.maximumColumns || columns * rows > Self.maximumCells else { continue }
            diagnostics.append(.error(
                at: SourceLocation(file: file, line: firstLine + index, column: 1),
                "Die Tabelle ist zu groß: \(columns) Spalten und \(rows) Zeilen (höchstens \(Self.maximumColumns) Spalten "
                    + "und \(Self.maximumCells) Zellen).",
                hint: "Teile die Tabelle auf oder biete die Daten als CSV-Datei zum Herunterladen an."))
            lines[index] = "\\" + lines[index]
            changed = true
        }
        if changed { self.markdown = lines.joined(separator: "\n") }
    }

    /// Whether some line holding a '|' consists only of '|', '-', ':', '>', spaces and tabs: found
    /// with memchr, since the laws' 166 MB pass here and almost none has a table.
    private static func mayContainDelimiterRow(_ markdown: String) -> Bool {
        // No copy: withUTF8 on a copy of the string would duplicate every page's Markdown.
        return markdown.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x7C, bytes.count - offset) {
                let bar = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                var start = bar, end = bar
                while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                let line = bytes[start..<end]
                if line.contains(0x2D), line.allSatisfy({ [0x7C, 0x2D, 0x3A, 0x20, 0x09, 0x3E].contains($0) }) { return true }
                offset = end
            }
            return false
        } ?? markdown.utf8.contains(0x7C)
    }

    /// The line without leading spaces and block-quote marks, which may stand before a table.
    private static func withoutContainerMarks(_ line: Substring) -> Substring {
        var rest = line
        while let first = rest.first, first == " " || first == ">" || first == "\t" { rest = rest.dropFirst() }
        return rest
    }

    /// The number of columns when `line` is a GFM delimiter row (`| --- | :-: |`), else nil.
    static func delimiterColumns(_ line: Substring) -> Int? {
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        if cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.last?.isEmpty == true { cells.removeLast() }
        guard !cells.isEmpty, line.contains("|") || cells.count > 1 else { return nil }
        for cell in cells {
            var body = cell
            if body.first == ":" { body = body.dropFirst() }
            if body.last == ":" { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == "-" }) else { return nil }
        }
        return cells.count
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while result.first == " " || result.first == "\t" { result = result.dropFirst() }
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return result
    }
}
