import Foundation
/// A plain-text attachment (model instruction, checklist) as OpenDocument text, to edit in the
/// word processor instead of retyping it.
///
/// The text stays as written, line by line, with its spaces (indents, aligned columns); only what
/// plain text marks by convention becomes a style: a line underlined with `===` is the title, one
/// underlined with `---` a heading, a line of only `-`, `=` or `_` a rule. An indented line that
/// starts no list item (`-`, `*`, `1.`, `(1)`, `§`) continues the line before it, so a wrapped
/// item is one paragraph that reflows when edited.
enum PlainTextDocument {
    /// The `.odt` file for `text`; `title` is the document's title in its metadata.
    static func file(text: String, title: String, language: String, date: ISODate?) -> [UInt8] {
        OpenDocumentText.file(title: title, description: "", language: language, date: date, source: "", body: body(of: text))
    }

    static func body(of text: String) -> OpenDocumentBody {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
        var body = OpenDocumentBody()
        var paragraph: String?
        var blank = false
        func flush() {
            if let line = paragraph { body.appendPreservedParagraph(line, style: "Textzeile") }
            paragraph = nil
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let underline = index + 1 < lines.count ? Self.ruleCharacter(of: lines[index + 1]) : nil
            if !trimmed.isEmpty, let underline, underline != "_" {
                flush()
                if underline == "=" { body.appendParagraph([.text(trimmed)], style: "Title") } else { body.appendHeading([.text(trimmed)], level: 2) }
                index += 2
                blank = false
                continue
            }
            if trimmed.isEmpty {
                flush()
                // Runs of blank lines become one empty paragraph: the spacing, not the count, carries meaning.
                if !blank { body.appendParagraph([], style: "Textzeile") }
                blank = true
            } else if Self.ruleCharacter(of: line) != nil {
                flush()
                body.append(.rule, in: OpenDocumentBody.Context())
                blank = false
            } else if paragraph != nil, line.first?.isWhitespace == true, !Self.startsItem(trimmed) {
                paragraph! += " " + trimmed
            } else {
                flush()
                paragraph = line
                blank = false
            }
            index += 1
        }
        flush()
        return body
    }

    /// `=`, `-` or `_` for a line of three or more of only that character (spaces around allowed).
    private static func ruleCharacter(of line: String) -> Character? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 3, let first = trimmed.first, "=-_".contains(first), trimmed.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// Whether a line starts a list item, numbered point or paragraph of a statute.
    private static func startsItem(_ trimmed: String) -> Bool {
        if let first = trimmed.first, "-*•(§[".contains(first) { return true }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && [".", ")"].contains(trimmed.dropFirst(digits.count).first.map(String.init) ?? "")
    }
}
