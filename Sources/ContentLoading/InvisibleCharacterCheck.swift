import SiteModel

/// Characters in front matter that look like a space or a quote but are not the one YAML reads:
/// tabs, non-breaking and other Unicode spaces, zero-width characters, a byte order mark in the
/// middle, and typographic quotes around a value. libyaml either rejects them with an English
/// sentence and no name for the character, or silently keeps them in the value; here each
/// becomes an error at its line and column that names the character in words and says the fix.
enum InvisibleCharacterCheck {
    /// At most this many per file are listed; the rest are counted in one closing error.
    static let maximumReported = 10

    /// Problems in `yaml`, whose first line is line `firstLine` of `file`.
    static func diagnostics(in yaml: String, file: String, firstLine: Int) -> [Diagnostic] {
        guard mayContainOne(yaml) else { return [] }
        var found: [Diagnostic] = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = firstLine + index
            for (offset, scalar) in line.unicodeScalars.enumerated() {
                guard let name = name(of: scalar) else { continue }
                found.append(.error(at: SourceLocation(file: file, line: lineNumber, column: offset + 1),
                                    "Unsichtbares Zeichen im Front Matter: \(name).", hint: fix(for: scalar)))
            }
            if let quote = typographicQuote(in: line) {
                found.append(.error(
                    at: SourceLocation(file: file, line: lineNumber, column: quote.column),
                    "Typografisches Anführungszeichen \(quote.character) (\(code(quote.character.unicodeScalars.first!))) als YAML-Anführungszeichen.",
                    hint: "YAML versteht nur gerade Anführungszeichen: Schreibe `\"…\"` statt `„…“`, oder lass die Anführungszeichen weg."))
            }
        }
        guard found.count > maximumReported else { return found }
        let rest = found.count - maximumReported
        return Array(found.prefix(maximumReported)) + [.error(
            at: found[maximumReported].location,
            "… und \(rest) weitere unsichtbare Zeichen in dieser Datei.",
            hint: "Suche im Editor nach Leerzeichen und ersetze sie durch normale Leerzeichen.")]
    }

    /// Whether `yaml` has a tab or the UTF-8 of a character looked for: those ``name(of:)`` names and
    /// the typographic quotes. Umlauts, `ß`, `§` and dashes are not among them, so the front matter
    /// of nearly every page, German text included, is passed in one scan of its bytes.
    static func mayContainOne(_ yaml: String) -> Bool {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            let count = bytes.count
            for index in bytes.indices {
                switch bytes[index] {
                case 0x09:
                    return true
                case 0xC2 where index + 1 < count:
                    if bytes[index + 1] == 0xA0 || bytes[index + 1] == 0xAD { return true }  // U+00A0, U+00AD
                case 0xE1, 0xE2, 0xE3, 0xEF:
                    guard index + 2 < count else { continue }
                    let scalar = UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    if quotes.contains(scalar) { return true }
                    if let scalar = Unicode.Scalar(scalar), name(of: scalar) != nil { return true }
                default:
                    continue
                }
            }
            return false
        }
    }

    /// The typographic quotes ``typographicQuote(in:)`` looks for.
    private static let openingQuotes: Set<Character> = ["„", "“", "”", "‚", "‘", "’"]
    /// The same quotes as scalar values, for the byte scan.
    private static let quotes = Set(openingQuotes.map { $0.unicodeScalars.first!.value })

    /// The character in words, or nil for an ordinary one.
    static func name(of scalar: Unicode.Scalar) -> String? {
        let described: String
        switch scalar.value {
        case 0x09: described = "Tabulator"
        case 0xA0: return "geschütztes Leerzeichen (U+00A0), oft aus Word kopiert"
        case 0x202F: described = "schmales geschütztes Leerzeichen"
        case 0x2009: described = "schmales Leerzeichen"
        case 0x2002: described = "Halbgeviert-Leerzeichen"
        case 0x2003: described = "Geviert-Leerzeichen"
        case 0x1680, 0x2000...0x200A, 0x205F: described = "besonderes Leerzeichen"
        case 0x3000: described = "ideografisches Leerzeichen"
        case 0x200B: described = "Leerzeichen ohne Breite"
        case 0x200C: described = "Bindungsverhinderer ohne Breite"
        case 0x200D: described = "Verbinder ohne Breite"
        case 0x2060: described = "Wortverbinder ohne Breite"
        case 0x00AD: described = "weicher Trennstrich"
        case 0x2028: described = "Zeilentrenner"
        case 0x2029: described = "Absatztrenner"
        case 0xFEFF: return "Byte-Order-Mark (U+FEFF) mitten im Text, oft beim Zusammenfügen von Dateien entstanden"
        default: return nil
        }
        return "\(described) (\(code(scalar)))"
    }

    private static func fix(for scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x09: "Ersetze den Tabulator durch Leerzeichen; YAML rückt nur mit Leerzeichen ein."
        case 0xA0, 0x202F, 0x1680, 0x2000...0x200A, 0x205F, 0x3000:
            "Lösche das Zeichen und tippe an seiner Stelle ein normales Leerzeichen."
        default: "Lösche das Zeichen; es ist unsichtbar, steht aber im Wert. Setze den Cursor davor und drücke Entf."
        }
    }

    /// A value (`key: „…“` or `- „…“`) that opens with a typographic quote and ends with one:
    /// meant as YAML quotes, which YAML would keep as part of the text. A quote inside a text
    /// (`title: Die „E-Akte“`) is German typography and fine.
    private static func typographicQuote(in line: Substring) -> (character: Character, column: Int)? {
        var rest = line.drop { $0 == " " }
        if rest.hasPrefix("- ") {
            rest = rest.dropFirst(2).drop { $0 == " " }
        } else if let colon = rest.range(of: ": ") {
            rest = rest[colon.upperBound...].drop { $0 == " " }
        } else {
            return nil
        }
        let value = rest.trimmingSuffix(while: { $0 == " " })
        guard let first = value.first, openingQuotes.contains(first), value.count > 1, let last = value.last, openingQuotes.contains(last) else { return nil }
        return (first, line.distance(from: line.startIndex, to: value.startIndex) + 1)
    }

    private static func code(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
