/// The rows of a CSV file (RFC 4180): fields in double quotes may hold the separator, quotes
/// (doubled) and line breaks. The separator is `;` when the first line has more of them than
/// commas, as in files that German spreadsheet programs write, otherwise `,`.
struct CSVTable: Equatable {
    /// Rows of fields as written, quotes removed; an empty last line is no row.
    let rows: [[String]]

    init(_ text: String) {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if quoted {
                if character != "\"" { field.append(character) } else if index < text.endIndex, text[index] == "\"" {
                    field.append("\"")
                    index = text.index(after: index)
                } else {
                    quoted = false
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == separator {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        self.rows = rows
    }
}
