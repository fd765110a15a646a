import SiteModel

/// Decodes file bytes as UTF-8, or says where the first invalid byte is.
enum UTF8Validation {
    /// The text, or a diagnostic at the line and column of the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        if let text = String(validating: bytes, as: UTF8.self) {
            // A byte-order mark would otherwise hide the front matter fence.
            return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1, offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let width = UTF8.width(scalar)
                offset += width
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        return .failure(.error(
            at: SourceLocation(file: file, line: line, column: column),
            "Die Datei ist kein gültiges UTF-8 (ungültiges Byte bei Byte \(offset)).",
            hint: "Speichere die Datei im Editor mit der Kodierung UTF-8."))
    }
}
