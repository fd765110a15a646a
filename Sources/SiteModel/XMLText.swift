/// Text made safe for XML 1.0 (and HTML) element content and attribute values: ODF parts, feeds,
/// the sitemap, inline SVG, the table of contents and the package's HTML page all use it.
public enum XMLText {
    /// `text` with the five markup characters escaped, tab, line feed and carriage return written
    /// as character references (so they survive attribute-value normalisation), and every
    /// character XML 1.0 forbids dropped: C0 controls, U+FFFE and U+FFFF. C1 controls
    /// (U+007F...U+009F) are dropped too; XML allows them but Word refuses such documents.
    public static func escaped(_ text: String) -> String {
        // Most texts (every heading of a long law in its table of contents) need no change: one
        // pass over the bytes finds out.
        if !needsChange(text) { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether ``escaped(_:)`` changes `text`: a markup character, a control character (C1 ones are
    /// `C2 80`...`C2 9F` in UTF-8) or U+FFFE/U+FFFF (`EF BF BE`, `EF BF BF`). Looks at the byte after
    /// a `C2` or `EF`, so that a `§` (`C2 A7`), in nearly every heading of a law, keeps the fast way.
    private static func needsChange(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                switch byte {
                case 0..<0x20, 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F: return true
                case 0xC2: if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                case 0xEF: if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
                default: continue
                }
            }
            return false
        }
    }

    /// Whether XML 1.0 allows `scalar` in a document that Word also reads (see ``escaped(_:)``).
    /// Swift strings never hold lone surrogates, so those need no check.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
