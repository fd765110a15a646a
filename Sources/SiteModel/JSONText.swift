/// The one JSON string escaper: for the search index's files and for JSON-LD, AMB and the other
/// JSON that `JSONValue` writes. Deterministic, and safe inside a `<script>` element.
public enum JSONText {
    /// A JSON string literal; escapes quotes, backslashes, control characters and `<` (so a record
    /// can never close a script element if someone inlines it).
    public static func string(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            appendString(bytes, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends `text` as a JSON string literal to `out` (see ``string(_:)``), without a String in between.
    public static func appendString(_ text: Substring, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &out) }
    }

    /// Works on UTF-8 bytes: every byte that needs escaping is ASCII, and multi-byte sequences pass
    /// through unchanged, except U+2028/U+2029 (E2 80 A8/A9), which JavaScript treats as newlines.
    /// Runs without escapes, nearly all text, are copied whole.
    public static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var run = 0
        var i = 0
        while i < bytes.count {
            // Eight bytes at a time past text that needs no escape: the records hold a whole site's
            // text, and most of it has no control character, quote, backslash, `<` or U+2028/9.
            if i + 8 <= bytes.count, !Self.mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
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

    /// Whether any of eight bytes is below 0x20 or one of `"`, `\`, `<` and 0xE2 (the lead byte of
    /// U+2028/U+2029): the classic word-at-a-time tests, exact for "any byte".
    @inline(__always)
    public static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
            || hasZero(word ^ (ones &* 0x3C)) || hasZero(word ^ (ones &* 0xE2))
    }
}
