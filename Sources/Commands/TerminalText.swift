/// Text made safe for a terminal: content reaches the terminal in diagnostics and search results,
/// and a title with an escape sequence could otherwise recolour, retitle or rewrite the screen.
enum TerminalText {
    /// Replaces control characters (C0 except line feed and tab, DEL, C1) and the bidirectional
    /// overrides that reorder a line (Trojan Source) with a visible `\u{…}` form.
    static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
