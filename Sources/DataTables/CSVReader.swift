public import SiteModel

/// Reads CSV text as RFC 4180 describes it: fields separated by a comma (or another separator),
/// records by CRLF, LF or CR; a field in double quotes may hold separators, line breaks and quotes
/// (doubled). Every record keeps the line and column of each field.
///
/// Problems are collected, never thrown: a quote inside an unquoted field, text after a closing
/// quote, a quote that is never closed. The reader always ends, whatever the input.
public struct CSVReader: Sendable {
    /// The character between fields.
    public var separator: Unicode.Scalar

    public init(separator: Unicode.Scalar = ",") {
        self.separator = separator
    }

    /// The records of `text` and the problems found in it, each at `file:line:column`.
    /// An empty last line is no record; a byte-order mark at the start is skipped.
    public func records(of text: String, file: String) -> (records: [CSVRecord], problems: [Diagnostic]) {
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [CSVRecord] = []
        var problems: [Diagnostic] = []
        var fields: [CSVRecord.Field] = []
        var field = String.UnicodeScalarView()
        var line = 1, column = 1
        var fieldStart = (line: 1, column: 1), recordLine = 1
        var state = State.fieldStart
        func place(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        func endField() {
            fields.append(CSVRecord.Field(text: String(field), line: fieldStart.line, column: fieldStart.column))
            field = String.UnicodeScalarView()
        }
        func endRecord(at column: Int) {
            endField()
            records.append(CSVRecord(fields: fields, line: recordLine, endColumn: column))
            fields = []
        }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            let isBreak = scalar == "\n" || scalar == "\r"
            // CRLF is one line break.
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
            switch state {
            case .fieldStart, .unquoted:
                if state == .fieldStart { fieldStart = (line, column) }
                if scalar == "\"" && state == .fieldStart {
                    state = .quoted
                } else if scalar == separator {
                    endField()
                    state = .fieldStart
                } else if isBreak {
                    endRecord(at: column)
                    state = .fieldStart
                } else {
                    if scalar == "\"" {
                        problems.append(.error(at: place(line, column), "Ein Anführungszeichen mitten in einem Wert ohne Anführungszeichen.",
                                               hint: "Setze den ganzen Wert in Anführungszeichen und verdopple das innere: `\"Ein \"\"Zitat\"\"\"`."))
                    }
                    field.append(scalar)
                    state = .unquoted
                }
            case .quoted:
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                        column += 1
                    } else {
                        state = .afterQuote
                    }
                } else {
                    // One scalar at a time: `append(contentsOf:)` on a scalar view copies the whole field
                    // each time, quadratic in a long quoted value (a 2 MB cell took minutes).
                    field.append(isBreak ? "\n" : scalar)
                }
            case .afterQuote:
                if scalar == separator {
                    endField()
                    state = .fieldStart
                } else if isBreak {
                    endRecord(at: column)
                    state = .fieldStart
                } else {
                    problems.append(.error(at: place(line, column), "Nach dem schließenden Anführungszeichen folgt noch Text.",
                                           hint: "Steht das Anführungszeichen im Wert, verdopple es: `\"\"`; sonst setze ein Komma dahinter."))
                    field.append(scalar)
                }
            }
            if isBreak {
                line += 1
                column = 1
                if state == .fieldStart { recordLine = line }
            } else {
                column += 1
            }
        }
        switch state {
        case .quoted:
            problems.append(.error(at: place(fieldStart.line, fieldStart.column), "Das Anführungszeichen dieses Werts wird nie geschlossen.",
                                   hint: "Schließe den Wert mit `\"` ab; ein Anführungszeichen im Wert wird verdoppelt: `\"\"`."))
            endRecord(at: column)
        case .unquoted, .afterQuote:
            endRecord(at: column)
        case .fieldStart:
            // A separator right before the end of the text leaves one more, empty field.
            if !fields.isEmpty { endRecord(at: column) }
        }
        return (records, problems)
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }
}
