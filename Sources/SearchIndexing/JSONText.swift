/// Minimal, deterministic JSON writing for index files (keys in the order written).
enum JSONText {
    /// A JSON string literal; escapes quotes, backslashes, control characters and `<` (so a record
    /// can never close a script element if someone inlines it).
    static func string(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            appendString(bytes, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends `text` as a JSON string literal to `out` (see ``string(_:)``), without a String in between.
    static func appendString(_ text: Substring, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &out) }
    }

    /// Works on UTF-8 bytes: every byte that needs escaping is ASCII, and multi-byte sequences pass
    /// through unchanged, except U+2028/U+2029 (E2 80 A8/A9), which JavaScript treats as newlines.
    /// Runs without escapes, nearly all text, are copied whole.
    static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var run = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let escape: String?
            var width = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                escape = nil
            }
            if let escape {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(contentsOf: escape.utf8)
                run = i + width
            }
            i += width
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        out.append(0x22)
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
    static func strings(_ items: [String]) -> String { array(items.map(string)) }
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
