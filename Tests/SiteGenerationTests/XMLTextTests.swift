import SiteModel
import Testing
import TestSupport

/// ``XMLText/escaped(_:)`` decides from the bytes whether a text needs the slow way; that decision
/// must never let a character through that the slow way changes.
@Suite("XML text")
struct XMLTextTests {
    /// The escaping done scalar by scalar, for every text.
    private static func reference(_ text: String) -> String {
        var out = ""
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
            default: if XMLText.isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    @Test("random texts with §, C1 controls, U+FFFE/U+FFFF and markup escape as scalar by scalar")
    func randomTexts() {
        var random = SplitMix(seed: 12)
        let pieces = ["§ 3", "Abs.", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}",
                      "\u{A0}", "\u{A7}", "\u{C2}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{EFBF}", "Straße", "€", "😀", " "]
        for _ in 0..<20_000 {
            let text = (0..<random.below(12)).map { _ in random.pick(pieces) }.joined()
            #expect(XMLText.escaped(text) == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
    }
}
