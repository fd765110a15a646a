/// The browser client as the site serves it: the modules without their comment lines, indentation
/// and blank lines (a third of their bytes, a sixth of what a cold query downloads on the laws).
///
/// Deliberately no minifier: only whole lines are dropped and only the whitespace at a line's
/// ends is trimmed, and only when every kept line starts and ends outside any string, template
/// literal or comment. That holds when no kept line opens a block comment it does not close, ends
/// in a backslash (a string continued on the next line) or has an odd number of backticks (a
/// template literal over several lines), and every block comment starts a line and ends one. Then
/// a line that begins with `//` or `/*` is a comment, a line's leading whitespace means nothing,
/// and each kept line break stays where it was (so automatic semicolon insertion sees the same
/// code). A module that breaks one of these rules is served as written (`ClientScriptCompactionTests`
/// checks that every shipped module is compacted).
enum ClientScriptCompaction {
    /// `source` compacted, or nil when a rule above does not hold.
    static func compacted(_ source: String) -> String? {
        var kept: [Substring] = []
        var inBlockComment = false
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimmed(rawLine)
            if inBlockComment {
                if let end = line.range(of: "*/") {
                    // Code after the comment's end on the same line is not handled.
                    guard end.upperBound == line.endIndex else { return nil }
                    inBlockComment = false
                }
                continue
            }
            if line.isEmpty || line.hasPrefix("//") { continue }
            if line.hasPrefix("/*") {
                if let end = line.range(of: "*/", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex) {
                    guard end.upperBound == line.endIndex else { return nil }
                } else {
                    inBlockComment = true
                }
                continue
            }
            let backticks = line.reduce(0) { $0 + ($1 == "`" ? 1 : 0) }
            guard backticks % 2 == 0, !line.hasSuffix("\\"), !opensBlockComment(line) else { return nil }
            kept.append(line)
        }
        guard !inBlockComment else { return nil }
        return kept.joined(separator: "\n") + "\n"
    }

    /// The client file's bytes as served: compacted when it is a module (`.js`) that can be.
    static func served(name: String, contents: [UInt8]) -> [UInt8] {
        guard name.hasSuffix(".js"), let source = String(validating: contents, as: UTF8.self),
              let compact = compacted(source) else { return contents }
        return Array(compact.utf8)
    }

    private static func trimmed(_ line: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = line.firstIndex(where: { !isSpace($0) }) else { return line[line.endIndex...] }
        let last = line.lastIndex(where: { !isSpace($0) })!
        return line[first...last]
    }

    /// Whether a code line has a `/*` whose `*/` does not follow on the same line (it may be inside
    /// a string, which is harmless, but the line is then not compacted).
    private static func opensBlockComment(_ line: Substring) -> Bool {
        guard let start = line.range(of: "/*") else { return false }
        return line.range(of: "*/", range: start.upperBound..<line.endIndex) == nil
    }
}
