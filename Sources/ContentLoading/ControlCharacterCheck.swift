import SiteModel

/// Control characters in a text file: invisible, they break YAML, end up in pages and feeds, and
/// can rewrite a terminal that shows them. Each becomes an error at its own line and column.
enum ControlCharacterCheck {
    /// At most this many per file: one stray byte pasted many times should not flood the report.
    static let maximumReported = 5

    /// Problems for C0 controls other than tab and line feed, DEL and C1 controls, in `text`
    /// (whose first line is line `firstLine` of `file`).
    ///
    /// - Parameter c1AsWarnings: C1 controls (U+0080–U+009F) as warnings: in a Markdown body they
    ///   are mostly text from a wrong code page (the federal laws have some), which stays readable.
    static func diagnostics(in text: String, file: String, firstLine: Int = 1, c1AsWarnings: Bool = false) -> [Diagnostic] {
        guard containsControl(text) else { return [] }
        var problems: [Diagnostic] = []
        var line = firstLine, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if isControl(scalar) {
                let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                problems.append(Diagnostic(
                    c1AsWarnings && scalar.value >= 0x80 ? .warning : .error,
                    at: SourceLocation(file: file, line: line, column: column),
                    "Unsichtbares Steuerzeichen \(code) im Text.",
                    hint: "Lösche es; es gelangt oft beim Kopieren aus anderen Programmen in die Datei."))
                if problems.count == maximumReported { break }
            }
            column += 1
        }
        return problems
    }

    /// A byte scan first: every file of a large site passes here, and almost none has a control.
    /// C0 controls and DEL are single bytes; C1 controls are 0xC2 followed by 0x80–0x9F.
    private static func containsControl(_ text: String) -> Bool {
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 ? (byte != 0x09 && byte != 0x0A && byte != 0x0D) : byte == 0x7F { return true }
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                index += 1
            }
            return false
        } ?? text.unicodeScalars.contains(where: isControl)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
