/// Folds text the way German readers search: case, umlauts, ß and accents do not matter.
///
/// `Müller`, `Mueller` and `Muller` all become `muller`: umlauts lose their dots, and the
/// transliterations ae/oe/ue collapse to the plain vowel, so all three spellings meet. The
/// browser client (`Client/analysis.js`) implements the same rules; `Tests/Fixtures/analysis.json`
/// keeps the two in step.
public enum GermanFolding {
    /// ASCII replacements for the Latin letters outside ASCII that German text uses.
    static let latin: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let pairs: [(String, String)] = [
            ("äàáâãåā", "a"), ("æ", "ae"), ("çćč", "c"), ("ďđ", "d"), ("èéêëēėę", "e"), ("ìíîïī", "i"),
            ("ñńň", "n"), ("öòóôõøō", "o"), ("œ", "oe"), ("řŕ", "r"), ("śšş", "s"), ("ß", "ss"), ("ťţ", "t"),
            ("üùúûūů", "u"), ("ýÿ", "y"), ("žźż", "z"), ("ł", "l"),
        ]
        for (letters, ascii) in pairs {
            for scalar in letters.unicodeScalars {
                table[scalar.value] = ascii
                for upper in String(scalar).uppercased().unicodeScalars where upper != scalar {
                    table[upper.value] = ascii
                }
            }
        }
        table[0x1E9E] = "ss"  // ẞ, capital sharp s
        return table
    }()

    /// The ASCII folding of a Latin letter outside ASCII; the common German letters skip the dictionary.
    @inline(__always) static func latinFolding(_ scalar: UInt32) -> String? {
        switch scalar {
        case 0xE4, 0xC4: "a"
        case 0xF6, 0xD6: "o"
        case 0xFC, 0xDC: "u"
        case 0xDF: "ss"
        default: latin[scalar]
        }
    }

    /// Copies `count` lowercased ASCII bytes from `source` to `target` without the `e` of ae, oe
    /// and ue; returns the new length. Used by the tokeniser on its buffers.
    static func collapseDigraphs(from source: UnsafePointer<UInt8>, count: Int, into target: UnsafeMutablePointer<UInt8>) -> Int {
        var out = 0
        for i in 0..<count {
            let byte = source[i]
            if byte == UInt8(ascii: "e"), out > 0 {
                let previous = target[out - 1]
                if previous == UInt8(ascii: "a") || previous == UInt8(ascii: "o") || previous == UInt8(ascii: "u") { continue }
            }
            target[out] = byte
            out += 1
        }
        return out
    }

    /// Folds a whole word given as text (for query words and dictionary entries).
    public static func fold(_ word: String) -> String {
        var result: [String] = []
        Tokenizer.forEachToken(in: word) { token in
            if token.kind == .word { result.append(String(decoding: token.bytes, as: UTF8.self)) }
        }
        return result.joined()
    }
}
