/// Minimal, deterministic JSON writing for index files (keys in the order written).
enum JSONText {
    /// A JSON string literal; escapes quotes, backslashes, control characters and `<` (so a record
    /// can never close a script element if someone inlines it).
    static func string(_ text: String) -> String {
        // Most text needs no escaping at all: check the bytes once and copy it whole.
        var text = text
        let plain = text.withUTF8 { bytes in
            for i in bytes.indices {
                let byte = bytes[i]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C { return false }
                if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
            }
            return true
        }
        if plain { return "\"" + text + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 2)
        // Works on UTF-8 bytes: every byte that needs escaping is ASCII, and multi-byte sequences
        // pass through unchanged, except U+2028/U+2029 (E2 80 A8/A9), which JavaScript treats as newlines.
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x3C: out += Array("\\u003c".utf8)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default:
                if byte < 0x20 {
                    let hex = String(byte, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    out.append(byte)
                }
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
    static func strings(_ items: [String]) -> String { array(items.map(string)) }
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
