import SiteModel
import Testing

@Suite("Slugs against their first implementation")
struct SlugReferenceTests {
    /// The first implementation, kept as the reference: whole-string lowercasing, then one scalar at a time.
    static func reference(_ text: String) -> String {
        let folding: [Unicode.Scalar: String] = [
            "à": "a", "á": "a", "â": "a", "ã": "a", "å": "a", "æ": "ae", "ç": "c",
            "è": "e", "é": "e", "ê": "e", "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i",
            "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "õ": "o", "ø": "o", "œ": "oe",
            "ù": "u", "ú": "u", "û": "u", "ý": "y", "ÿ": "y", "š": "s", "ž": "z", "č": "c",
        ]
        var out = ""
        var pendingHyphen = false
        func append(_ s: String) {
            if pendingHyphen && !out.isEmpty { out += "-" }
            pendingHyphen = false
            out += s
        }
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": append(String(scalar))
            case "ä": append("ae")
            case "ö": append("oe")
            case "ü": append("ue")
            case "ß", "ẞ": append("ss")
            default: if let folded = folding[scalar] { append(folded) } else { pendingHyphen = true }
            }
        }
        return out
    }

    @Test("capitals, ẞ and letters without a Latin form")
    func examples() {
        #expect(Slug("ÄRGER ÖFFNUNG ÜBUNG ẞ").rawValue == "aerger-oeffnung-uebung-ss")
        #expect(Slug("§ 3 Abs. 2 – Straßenreinigung").rawValue == "3-abs-2-strassenreinigung")
        #expect(Slug("Σίσυφος").rawValue == "")
    }

    @Test("every scalar the Latin table answers, alone and between letters, gives the reference's slug")
    func latinTable() {
        for value in UInt32(0x80)..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for sample in [String(scalar), "a\(scalar)b", "A \(scalar) B", "\(scalar)\(scalar)x"] {
                #expect(Slug(sample).rawValue == Self.reference(sample), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("the byte-level slug equals the reference on tricky and random text")
    func sameAsReference() {
        var samples = ["İstanbul", "\u{212A}elvin", "Maße/Größe", "e\u{301}te", "ǅemal", "ﬁnanzen", "１２３", "A\u{200B}B", "Ω-Ω", "Æon Œuvre"]
        var generator = SystemRandomNumberGenerator()
        let pool = Array("aZ09 -_äÄöÖüÜßẞéÉçÇøØœŒ§&/.,;:!?()[]{}\"'«»–—…€\u{00AD}\u{0301}İıΣσς\u{212A}ﬁ１😀")
        for _ in 0..<500 {
            samples.append(String((0..<Int.random(in: 0...24, using: &generator)).map { _ in pool.randomElement(using: &generator)! }))
        }
        for sample in samples {
            #expect(Slug(sample).rawValue == Self.reference(sample), "\(sample.debugDescription)")
        }
    }
}

@Test("decomposed umlauts (as macOS writes file names) give the same slug as composed ones")
func decomposedUmlauts() {
    #expect(Slug("U\u{0308}bersicht").rawValue == "uebersicht")
    #expect(Slug("Gro\u{0308}ße Straße") == Slug("Größe Straße"))
}
